/* Glossary cards (docs/_ext/glossary_cards.py writes this file with DLREF_GLOSSARY before it).
 * Hovering or focusing a link to a glossary term shows a card: Korean term, English term, and
 * the one-line definition.  One card element is shared; the link points to it with
 * aria-describedby while it is shown.  Escape hides it.  No library, no network.
 */
(function () {
  "use strict";
  if (typeof DLREF_GLOSSARY === "undefined") return;
  var cards = DLREF_GLOSSARY.cards;
  var card = null, shownFor = null, hideTimer = null;

  var style = [
    ".dlref-card{position:absolute;z-index:1050;max-width:22rem;padding:.6rem .8rem;",
    "border:1px solid var(--pst-color-border,#ccc);border-radius:.4rem;",
    "background:var(--pst-color-surface,#fff);color:var(--pst-color-text-base,#222);",
    "box-shadow:0 .2rem .6rem rgba(0,0,0,.2);font-size:.9rem;line-height:1.45}",
    ".dlref-card[hidden]{display:none}",
    ".dlref-card-terms{margin:0 0 .3rem;font-weight:600}",
    ".dlref-card-en{font-weight:400;color:var(--pst-color-text-muted,#555)}",
    ".dlref-card-def{margin:0}",
    ".dlref-card-def math{font-size:1.05em}"
  ].join("");

  var termId = function (link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (hash === -1) return null;
    var page = href.slice(0, hash).split("/").pop();
    var id = decodeURIComponent(href.slice(hash + 1));
    var onGlossary = page === DLREF_GLOSSARY.glossary || (page === "" && cards[id]);
    return onGlossary && Object.prototype.hasOwnProperty.call(cards, id) ? id : null;
  };

  var build = function () {
    var sheet = document.createElement("style");
    sheet.textContent = style;
    document.head.appendChild(sheet);
    card = document.createElement("div");
    card.id = "dlref-glossary-card";
    card.className = "dlref-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", function () { hide(); });
    document.body.appendChild(card);
  };

  var show = function (link) {
    var entry = cards[termId(link)];
    clearTimeout(hideTimer);
    if (shownFor && shownFor !== link) shownFor.removeAttribute("aria-describedby");
    card.textContent = "";
    var terms = document.createElement("p");
    terms.className = "dlref-card-terms";
    var ko = document.createElement("span");
    ko.lang = "ko";
    ko.className = "dlref-card-ko";
    ko.textContent = entry[0];
    var en = document.createElement("span");
    en.lang = "en";
    en.className = "dlref-card-en";
    en.textContent = entry[1];
    terms.append(ko, " · ", en);
    var definition = document.createElement("p");
    definition.className = "dlref-card-def";
    // The build writes the definition as HTML: escaped text and KaTeX's MathML for formulas.
    definition.innerHTML = entry[2];
    card.append(terms, definition);
    card.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(8, left) + window.scrollX + "px";
    card.style.top = box.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", card.id);
    shownFor = link;
  };

  var hide = function (delay) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      card.hidden = true;
      if (shownFor) shownFor.removeAttribute("aria-describedby");
      shownFor = null;
    }, delay || 0);
  };

  var init = function () {
    var links = Array.prototype.filter.call(
      document.querySelectorAll("a.reference.internal[href*='#']"), termId);
    if (!links.length) return;
    build();
    links.forEach(function (link) {
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", function () { hide(150); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", function () { hide(); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !card.hidden) hide();
    });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
