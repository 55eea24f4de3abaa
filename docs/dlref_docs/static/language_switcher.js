// Keep the #anchor when switching language; fall back to the other site's home page only
// when the counterpart page is missing (checked with a HEAD request when served over http).
// The switcher is rendered twice (header, and the sidebar on narrow screens): handle every copy.
document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll("a.dlref-lang-link")) {
    link.addEventListener("click", async (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const target = new URL(link.getAttribute("href"), window.location.href);
      target.hash = window.location.hash;
      if (window.location.protocol.startsWith("http")) {
        try {
          const response = await fetch(target.href.split("#")[0], { method: "HEAD" });
          if (!response.ok) {
            window.location.href = new URL(link.dataset.home, window.location.href).href;
            return;
          }
        } catch (error) {
          // Network errors: go to the page anyway; the browser shows what it can.
        }
      }
      window.location.href = target.href;
    });
  }
});
