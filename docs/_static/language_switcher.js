// Keep the #anchor when switching language; fall back to the other site's home page only
// when the counterpart page is missing (checked with a HEAD request when served over http).
document.addEventListener("DOMContentLoaded", () => {
  const link = document.getElementById("dlref-lang-link");
  if (!link) return;
  link.addEventListener("click", async (event) => {
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
});
