"""Real-browser checks of the built bilingual site (headless Debian Chromium via Playwright).

The fixture ``walk`` opens EVERY html page of one language once (one context, one reused
page), and a search results page, and records console errors, failed requests, requests that
would leave 127.0.0.1, math that KaTeX did not render, images, links, ``<html lang>`` and
axe-core's serious or critical accessibility violations (light and dark mode, from the same
load); the tests below each assert one aspect of that record and list every offending page in
one message.  The walk is parametrised by language, and each language is its own xdist group
(tests/conftest.py), so the two walks run side by side on two workers.  Internal links are
then checked with plain HTTP GETs (faster than the browser).  A JSON summary per language is
written to tests/output/browser-summary-<lang>.json.

The flows (root-page language redirect, search, screenshots, language switcher, copy button,
gallery downloads) use their own contexts.  See conftest.py for DLREF_SITE_DIR.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pytest

from .support import HOST, OUTPUT, SEARCH_DONE, VIEWPORT, block_external, is_external_url

LANGS = ("en", "ko")
SKIP_DIRS = {"_static", "_sources", "_images", "_downloads"}  # no site pages live there
FLOW_PAGE = "concepts/activation-functions.html"  # the search / screenshot / switcher target
SEARCH_TERM = "ReLU"
SEARCH_QUERY = "relu"  # each walk checks a search results page too (its highlights included)
SCREENSHOTS = OUTPUT / "screenshots"
NAV_TIMEOUT_MS = 60_000  # a bound, not a budget: two xdist workers share two cores
RAW_TEX = ("$$", "\\(", "\\)", "\\[", "\\]", "\\begin{")
PROMPT = re.compile(r"^(>>> |\.\.\. |\$ )")  # conf.py: copybutton_prompt_text

# axe-core, run on every page of the walk: all rules in light mode, then the colour rules again
# in dark mode (the theme only swaps colours, so the other rules cannot change their verdict).
# Only serious and critical findings count (issue #16); each is reported with its elements.
# preload off: axe would fetch every stylesheet again and resolve their @imports against the
# page's URL (a 404 for pydata-sphinx-theme's "../basic.css"); only css-orientation-lock uses it.
AXE_LIGHT = {"resultTypes": ["violations"], "preload": False}
AXE_DARK = {"resultTypes": ["violations"], "preload": False,
            "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
AXE_IMPACTS = ("serious", "critical")
AXE_RUN = """
async ([options, impacts]) => {
  const results = await axe.run(document, options);
  return results.violations.map((v) => {
    const nodes = v.nodes.filter((n) => impacts.includes(n.impact));
    return { id: v.id, help: v.help, count: nodes.length,
             targets: nodes.slice(0, 3).map((n) => n.target.join(" ")) };
  }).filter((v) => v.count > 0);
}
"""
# pydata-sphinx-theme's dark mode is html[data-theme=dark]; transitions off so that axe reads
# the final colours, not a frame of the fade.
DARK_MODE = """
() => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.appendChild(style);
  document.documentElement.dataset.mode = "dark";
  document.documentElement.dataset.theme = "dark";
}
"""

# Runs in the page after "load": waits for images and fonts, then reports what the tests need.
PAGE_PROBE = r"""
async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const imgs = [...document.images];
  imgs.forEach((img) => { if (img.loading === "lazy") img.loading = "eager"; });
  await Promise.all(imgs.map((img) => img.complete ? null : new Promise((resolve) => {
    img.addEventListener("load", resolve, { once: true });
    img.addEventListener("error", resolve, { once: true });
    setTimeout(resolve, 10000);
  })));

  // Maths is rendered to HTML at build time (KaTeX, docs/_ext/katex_assets.py): every
  // formula must hold KaTeX output, none a KaTeX error, and KaTeX's fonts must load.
  const maths = [...document.querySelectorAll("span.math, div.math")];
  let mathError = null;
  if (maths.length && !document.querySelector('link[rel="stylesheet"][href*="katex"]')) {
    mathError = "KaTeX's stylesheet is not linked";
  }
  if (document.fonts) await document.fonts.ready;
  const untypeset = maths
    .filter((el) => !el.querySelector(".katex") || el.querySelector(".katex-error"))
    .map((el) => el.textContent.trim().slice(0, 80));
  const katexFonts = [...(document.fonts || [])].filter((f) => f.family.includes("KaTeX"));
  const katexFontErrors = katexFonts.filter((f) => f.status === "error").map((f) => f.family);
  if (maths.length && katexFontErrors.length) {
    mathError = "KaTeX fonts failed to load: " + katexFontErrors.join(", ");
  }
  if (maths.length && !katexFonts.some((f) => f.status === "loaded")) {
    mathError = "no KaTeX font was loaded";
  }

  // Visible text outside code blocks and typeset math: raw TeX here means math did not render.
  const skip = "pre, code, script, style, textarea, .katex, .highlight";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    if (parent.checkVisibility && !parent.checkVisibility()) continue;
    texts.push(node.data);
  }
  const visible = texts.join(" ");
  const rawTex = [];
  for (const token of __RAW_TEX__) {
    const at = visible.indexOf(token);
    if (at >= 0) rawTex.push(visible.slice(Math.max(0, at - 30), at + 50).replace(/\s+/g, " "));
  }

  const links = [];
  for (const a of document.querySelectorAll("a[href]")) {
    try { links.push(new URL(a.getAttribute("href"), document.baseURI).href); } catch (e) {}
  }
  return {
    lang: document.documentElement.getAttribute("lang"),
    mathCount: maths.length,
    katexFormulas: document.querySelectorAll(".katex").length,
    mathError, untypeset, rawTex,
    images: imgs.map((img) => ({
      src: img.currentSrc || img.src, alt: img.getAttribute("alt"),
      complete: img.complete, naturalWidth: img.naturalWidth,
    })),
    links,
  };
}
""".replace("__RAW_TEX__", json.dumps(list(RAW_TEX)))


# --------------------------------------------------------------------------------------------
# helpers


def site_pages(root: Path, lang: str) -> list[str]:
    """Every html page of ``lang`` (paths relative to the root), its search results for
    :data:`SEARCH_QUERY`, and with English the root 404.

    The root index.html is left to the redirect flow test: it navigates away immediately.
    """
    pages = []
    for path in sorted((root / lang).rglob("*.html")):
        rel = path.relative_to(root)
        if not SKIP_DIRS.intersection(rel.parts):
            pages.append(rel.as_posix())
    pages.append(f"{lang}/search.html?q={SEARCH_QUERY}")
    if lang == LANGS[0] and (root / "404.html").is_file():
        pages.append("404.html")
    return pages


def summary_path(lang: str) -> Path:
    return OUTPUT / f"browser-summary-{lang}.json"


def http_get(url: str) -> tuple[int | None, bytes | str]:
    """(status, body) of a plain GET; (None, reason) when the server cannot be reached."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except (urllib.error.URLError, OSError) as exc:
        return None, str(exc)


ID_RE = re.compile(rb"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


def anchors_of(html: bytes) -> set[str]:
    return {unquote(m.decode("utf-8", "replace")) for m in ID_RE.findall(html)}


def strip_prompts(text: str) -> str:
    """The code of a block as a reader wants it pasted: prompts removed, output lines kept."""
    lines = text.split("\n")
    if any(PROMPT.match(line) for line in lines):
        lines = [PROMPT.sub("", line, count=1) for line in lines]
    out = "\n".join(lines)
    return out[:-1] if out.endswith("\n") else out


def report(title: str, per_page: dict[str, list[str]], summary: dict) -> str:
    lines = [f"{title} on {len(per_page)} page(s):"]
    for page, problems in sorted(per_page.items()):
        lines.append(f"  {page}:")
        lines.extend(f"    - {problem}" for problem in problems[:25])
        if len(problems) > 25:
            lines.append(f"    ... and {len(problems) - 25} more")
    lines.append(f"summary ({summary_path(summary['language'])}): {json.dumps(summary)}")
    return "\n".join(lines)


def counterpart(path: str) -> str:
    """en/x.html <-> ko/x.html."""
    lang, rest = path.split("/", 1)
    return f"{'ko' if lang == 'en' else 'en'}/{rest}"


# --------------------------------------------------------------------------------------------
# the walk


@pytest.fixture(scope="module", params=LANGS)
def walk(request, browser, base_url, site_root):
    """Open every page of one language once and check every internal link; return the
    record + summary."""
    from axe_playwright_python.base import AXE_SCRIPT

    lang = request.param
    pages = site_pages(site_root, lang)
    started = time.perf_counter()
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(script=AXE_SCRIPT)
    blocked = block_external(context)
    page = context.new_page()
    page.set_default_timeout(NAV_TIMEOUT_MS)

    current = {"path": "(before the first page)"}
    load_problems: dict[str, list[str]] = defaultdict(list)
    external: dict[str, list[str]] = defaultdict(list)
    counts = {
        "requests": 0,
        "console_errors": 0,
        "page_errors": 0,
        "failed_requests": 0,
        "http_errors": 0,
    }

    def on_request(request):
        counts["requests"] += 1
        if is_external_url(request.url):
            external[current["path"]].append(request.url)

    def on_console(message):
        if message.type == "error":
            counts["console_errors"] += 1
            where = (message.location or {}).get("url") or ""
            load_problems[current["path"]].append(f"console error: {message.text} {where}")

    def on_pageerror(error):
        counts["page_errors"] += 1
        load_problems[current["path"]].append(f"uncaught exception: {error}")

    def on_requestfailed(request):
        counts["failed_requests"] += 1
        load_problems[current["path"]].append(f"request failed: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            counts["http_errors"] += 1
            load_problems[current["path"]].append(f"HTTP {response.status}: {response.url}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_pageerror)
    page.on("requestfailed", on_requestfailed)
    page.on("response", on_response)

    probes: dict[str, dict] = {}
    a11y: dict[str, list[str]] = defaultdict(list)
    axe_seconds = 0.0
    for path in pages:
        current["path"] = path
        try:
            response = page.goto(base_url + path, wait_until="load")
            if response is None or response.status != 200:
                load_problems[path].append(
                    f"navigation status {response.status if response else 'none'}"
                )
            if "?q=" in path:  # a results page: axe checks the listed results and highlights
                page.wait_for_function(SEARCH_DONE, timeout=NAV_TIMEOUT_MS)
            probes[path] = page.evaluate(PAGE_PROBE)
            axe_started = time.perf_counter()
            for mode, options in (("light", AXE_LIGHT), ("dark", AXE_DARK)):
                if mode == "dark":
                    page.evaluate(DARK_MODE)
                for v in page.evaluate(AXE_RUN, [options, list(AXE_IMPACTS)]):
                    a11y[path].append(f"{mode}: {v['id']} ({v['help']}) on {v['count']} "
                                      f"element(s), e.g. {v['targets']}")
            axe_seconds += time.perf_counter() - axe_started
        except Exception as exc:  # a timeout or crash is a finding for this page, go on
            load_problems[path].append(f"could not load/probe: {exc}")
    current["path"] = "(after the last page)"
    page.close()
    context.close()
    browser_seconds = time.perf_counter() - started

    # ---- per-page findings -------------------------------------------------------------
    lang_problems: dict[str, list[str]] = {}
    math_problems: dict[str, list[str]] = defaultdict(list)
    image_problems: dict[str, list[str]] = defaultdict(list)
    link_sources: dict[str, set[str]] = defaultdict(set)
    fragment_sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    n_images = n_images_broken = n_images_no_alt = math_pages = external_links = 0
    for path, probe in probes.items():
        lang = path.split("/", 1)[0]
        if lang in LANGS and probe["lang"] != lang:
            lang_problems[path] = [f'<html lang="{probe["lang"]}">, expected "{lang}"']
        if probe["mathCount"]:
            math_pages += 1
            if probe["mathError"]:
                math_problems[path].append(probe["mathError"])
            math_problems[path].extend(f"not typeset: {t!r}" for t in probe["untypeset"])
        math_problems[path].extend(f"raw TeX visible: …{t}…" for t in probe["rawTex"])
        if not math_problems[path]:
            del math_problems[path]
        for img in probe["images"]:
            n_images += 1
            if not (img["alt"] or "").strip():
                n_images_no_alt += 1
                image_problems[path].append(f"empty or missing alt: {img['src']}")
            if not img["complete"] or img["naturalWidth"] <= 0:
                n_images_broken += 1
                image_problems[path].append(f"did not load (naturalWidth 0): {img['src']}")
        for url in probe["links"]:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https"):
                continue
            if parts.hostname != HOST:
                external_links += 1
                continue
            target = urlunsplit(parts._replace(fragment=""))
            link_sources[target].add(path)
            if parts.fragment and not parts.fragment.startswith(":~:"):
                fragment_sources[(target, unquote(parts.fragment))].add(path)

    # ---- internal links: plain HTTP GETs ----------------------------------------------
    link_started = time.perf_counter()
    broken_links: dict[str, list[str]] = defaultdict(list)
    anchors: dict[str, set[str]] = {}
    for target in sorted(link_sources):
        status, body = http_get(target)
        if status != 200:
            for source in sorted(link_sources[target]):
                broken_links[source].append(f"{target} -> {status or body}")
        elif target.endswith((".html", "/")) and isinstance(body, bytes):
            anchors[target] = anchors_of(body)
    missing_fragments: dict[str, list[str]] = defaultdict(list)
    for (target, fragment), sources in sorted(fragment_sources.items()):
        if target in anchors and fragment not in anchors[target]:
            for source in sorted(sources):
                missing_fragments[source].append(f"{target}#{fragment}: no such id")
    link_seconds = time.perf_counter() - link_started

    summary = {
        "language": lang,
        "pages": len(pages),
        "pages_loaded": len(probes),
        "requests": counts["requests"],
        "external_requests": sum(map(len, external.values())),
        "blocked_external_requests": len(blocked),
        "console_errors": counts["console_errors"],
        "page_errors": counts["page_errors"],
        "failed_requests": counts["failed_requests"],
        "http_errors": counts["http_errors"],
        "math_pages": math_pages,
        "math_pages_with_problems": len(math_problems),
        "images": n_images,
        "broken_images": n_images_broken,
        "images_without_alt": n_images_no_alt,
        "internal_links_checked": len(link_sources),
        "broken_links": sum(map(len, broken_links.values())),
        "fragments_checked": len(fragment_sources),
        "missing_fragments": sum(map(len, missing_fragments.values())),
        "external_links_not_followed": external_links,
        "axe_serious_or_critical": sum(map(len, a11y.values())),
        "axe_pages_with_violations": len(a11y),
        "axe_seconds": round(axe_seconds, 1),
        "browser_seconds": round(browser_seconds, 1),
        "link_check_seconds": round(link_seconds, 1),
        "seconds": round(time.perf_counter() - started, 1),
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    summary_path(lang).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\n[browser walk, {lang}] {json.dumps(summary)}")
    return {
        "pages": pages,
        "probes": probes,
        "summary": summary,
        "load_problems": dict(load_problems),
        "external": dict(external),
        "lang_problems": lang_problems,
        "math_problems": dict(math_problems),
        "image_problems": dict(image_problems),
        "broken_links": dict(broken_links),
        "missing_fragments": dict(missing_fragments),
        "link_sources": link_sources,
        "a11y": dict(a11y),
    }


def test_site_has_pages_in_the_language(walk):
    summary = walk["summary"]
    assert summary["pages"] > 100, summary
    assert summary["pages_loaded"] == summary["pages"], report(
        "Pages that could not be probed", walk["load_problems"], summary
    )


def test_every_page_loads_without_errors(walk):
    """No console error, uncaught exception, failed request or HTTP status >= 400."""
    assert not walk["load_problems"], report(
        "Console errors / failed requests", walk["load_problems"], walk["summary"]
    )


def test_no_request_leaves_localhost(walk):
    assert not walk["external"], report(
        "Requests leaving 127.0.0.1 (blocked)", walk["external"], walk["summary"]
    )


def test_html_lang_matches_the_language_folder(walk):
    assert not walk["lang_problems"], report(
        "Wrong <html lang>", walk["lang_problems"], walk["summary"]
    )


def test_math_is_typeset_offline(walk):
    assert walk["summary"]["math_pages"] > 0, (
        "no page contains math (span.math/div.math): expected formulas on the concept pages"
    )
    assert not walk["math_problems"], report(
        "Math not rendered", walk["math_problems"], walk["summary"]
    )


def test_images_have_alt_text_and_load(walk):
    assert not walk["image_problems"], report(
        "Image problems", walk["image_problems"], walk["summary"]
    )


def test_internal_links_resolve(walk):
    assert walk["summary"]["internal_links_checked"] > 0
    assert not walk["broken_links"], report(
        "Broken internal links", walk["broken_links"], walk["summary"]
    )


def test_link_fragments_exist_in_target_pages(walk):
    assert not walk["missing_fragments"], report(
        "Links to a missing #anchor", walk["missing_fragments"], walk["summary"]
    )


def test_no_serious_accessibility_violations(walk):
    """axe-core finds no serious or critical violation, in light or dark mode, on any page."""
    assert walk["summary"]["pages_loaded"] > 0
    assert not walk["a11y"], report(
        "Serious/critical axe-core violations", walk["a11y"], walk["summary"]
    )


def test_custom_404_pages_exist(site_root):
    for lang in LANGS:
        page = site_root / lang / "404.html"
        assert page.is_file(), f"sphinx-notfound-page produced no {lang}/404.html"
        assert re.search(rf'<html[^>]*lang="{lang}"', page.read_text(encoding="utf-8"))
    assert (site_root / "404.html").is_file(), "build_site.py did not copy docs/_root/404.html"


# --------------------------------------------------------------------------------------------
# gallery downloads


def gallery_example_pages(walk) -> list[str]:
    return [
        p for p in walk["pages"] if re.fullmatch(r"(en|ko)/auto_examples/[^/]+/plot_[^/]+\.html", p)
    ]


def test_gallery_pages_offer_py_and_ipynb_downloads(walk):
    examples = gallery_example_pages(walk)
    assert examples, "no gallery example page (auto_examples/<section>/plot_*.html) was built"
    problems: dict[str, list[str]] = defaultdict(list)
    for path in examples:
        stem = Path(path).stem
        # A translated page offers the example in its language: plot_x.ko.py, plot_x.ko.ipynb.
        lang = path.split("/")[0]
        if lang != "en":
            stem = f"{stem}.{lang}"
        links = walk["probes"].get(path, {}).get("links", [])
        for suffix in (".py", ".ipynb"):
            hits = sorted({u for u in links if urlsplit(u).path.endswith(f"/{stem}{suffix}")})
            if not hits:
                problems[path].append(f"no {stem}{suffix} download link")
                continue
            status, body = http_get(hits[0])
            if status != 200:
                problems[path].append(f"{hits[0]} -> {status or body}")
                continue
            if suffix == ".ipynb":
                try:
                    notebook = json.loads(body)
                    if not (isinstance(notebook.get("cells"), list) and notebook["cells"]):
                        problems[path].append(f"{hits[0]}: notebook has no cells")
                except ValueError as exc:
                    problems[path].append(f"{hits[0]}: not JSON ({exc})")
            elif not body.strip():
                problems[path].append(f"{hits[0]}: empty script")
    assert not problems, report("Gallery download problems", problems, walk["summary"])


# --------------------------------------------------------------------------------------------
# flows


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
def test_root_page_redirects_by_browser_language(new_context, locale, lang):
    context, blocked = new_context(locale=locale)
    page = context.new_page()
    page.goto("/", wait_until="load")
    page.wait_for_url(f"**/{lang}/index.html", timeout=NAV_TIMEOUT_MS)
    assert urlsplit(page.url).path == f"/{lang}/index.html"
    assert page.evaluate("document.documentElement.lang") == lang
    assert not blocked, blocked


def flow_page(site_root: Path) -> str:
    """FLOW_PAGE; the tests fail (with the reason) while that page does not exist yet."""
    missing = [lang for lang in LANGS if not (site_root / lang / FLOW_PAGE).is_file()]
    if missing:
        pytest.fail(
            f"{FLOW_PAGE} is not built (missing in {missing}); the search, screenshot "
            "and language-switcher flows target it"
        )
    return FLOW_PAGE


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_activation_functions_page(new_context, site_root, lang):
    target = flow_page(site_root)
    context, blocked = new_context()
    page = context.new_page()
    page.goto(f"{lang}/search.html?q={SEARCH_TERM}", wait_until="load")
    # Sphinx's searchtools starts a "pulse" (Search._pulse_status >= 0) when the query starts
    # and stops it (-1) when every result is listed.  The summary text is not used as the
    # signal: Sphinx's Korean catalog translates it to "" (checked last, below).
    page.wait_for_function(
        "() => typeof Search !== 'undefined' && Search._pulse_status === -1"
        " && document.querySelector('#search-results h2') !== null",
        timeout=NAV_TIMEOUT_MS,
    )
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    found = [h for h in hrefs if urlsplit(h).path.endswith(f"/{lang}/{target}")]
    assert found, f"searching {SEARCH_TERM!r} on /{lang}/ did not list {target}: {hrefs}"
    assert not blocked, blocked
    summary = page.inner_text("#search-results .search-summary").strip()
    assert summary, (
        f"/{lang}/search.html shows no result summary: Sphinx's bundled {lang} catalog "
        "translates 'Search finished, found ... pages matching the search query.' to an empty "
        f"string; override the message in docs/locale/{lang}/LC_MESSAGES/sphinx.po"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_screenshots(new_context, site_root, lang):
    target = flow_page(site_root)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, blocked = new_context(viewport=VIEWPORT)
    page = context.new_page()
    shots = {"landing": f"{lang}/index.html", Path(target).stem: f"{lang}/{target}"}
    for name, path in shots.items():
        page.goto(path, wait_until="load")
        page.evaluate(PAGE_PROBE)  # images loaded and math typeset before the shot
        file = SCREENSHOTS / f"{lang}-{name}.png"
        file.unlink(missing_ok=True)
        page.screenshot(path=str(file), full_page=False)
        assert file.is_file() and file.stat().st_size > 10_000, (
            f"{file} is missing or suspiciously small"
        )
        assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not blocked, blocked


def test_language_switcher_keeps_page_and_anchor(new_context, site_root):
    target = flow_page(site_root)
    context, blocked = new_context()
    page = context.new_page()
    page.goto(f"en/{target}", wait_until="load")
    # An anchor below the title: the second section of the page (else the first).
    ids = page.eval_on_selector_all("article section[id]", "s => s.map(x => x.id)")
    assert ids, f"en/{target} has no section with an id"
    anchor = ids[1] if len(ids) > 1 else ids[0]
    start = f"en/{target}#{anchor}"
    page.goto(start, wait_until="load")
    for path in (counterpart(start), start):  # en -> ko, then back ko -> en
        lang = path.split("/", 1)[0]
        with page.expect_navigation(wait_until="load", timeout=NAV_TIMEOUT_MS):
            page.click(".bd-header a.dlref-lang-link")
        parts = urlsplit(page.url)
        assert parts.path == "/" + path.split("#")[0], f"switcher went to {page.url}"
        assert parts.fragment == anchor, f"switcher lost the #{anchor} anchor: {page.url}"
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator(f"[id='{anchor}']").count() == 1, (
            f"{page.url}: the anchor #{anchor} does not exist in the {lang} page"
        )
    assert not blocked, blocked


def copy_candidates(site_root: Path, kind: str) -> list[str]:
    if kind == "concept":
        preferred = [f"en/{FLOW_PAGE}"]
        others = sorted(
            p.relative_to(site_root).as_posix()
            for p in (site_root / "en" / "concepts").glob("*.html")
        )
    else:
        preferred = []
        others = sorted(
            p.relative_to(site_root).as_posix()
            for p in (site_root / "en" / "auto_examples").glob("*/plot_*.html")
        )
    return [p for p in preferred + others if (site_root / p).is_file()]


@pytest.mark.parametrize("kind", ["concept", "gallery"])
def test_copy_button_copies_code_without_prompts(browser, base_url, site_root, kind):
    # The real clipboard is used: sphinx-copybutton copies through ClipboardJS
    # (document.execCommand("copy")), and headless Chromium with the clipboard-read/-write
    # permissions returns that text from navigator.clipboard.readText() reliably, so no hook
    # on navigator.clipboard.writeText is needed (ClipboardJS would not call it anyway).
    candidates = copy_candidates(site_root, kind)
    assert candidates, f"no {kind} page was built"
    context = browser.new_context(
        viewport=VIEWPORT, base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    blocked = block_external(context)
    try:
        page = context.new_page()
        page.set_default_timeout(NAV_TIMEOUT_MS)
        for path in candidates:  # the first page that has a code block with a copy button
            page.goto(path, wait_until="load")
            block = page.locator("div.highlight-pycon pre:has(+ button.copybtn)")
            if block.count() == 0:
                block = page.locator("div.highlight pre:has(+ button.copybtn)")
            if block.count():
                break
        else:
            pytest.fail(f"no code block with a .copybtn on any {kind} page: {candidates}")
        pre = block.first
        expected = strip_prompts(pre.text_content())
        page.evaluate("navigator.clipboard.writeText('(clipboard not written)')")
        pre.hover()
        pre.locator("xpath=following-sibling::button[contains(@class, 'copybtn')][1]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        for _ in range(50):  # ClipboardJS copies synchronously; allow a moment anyway
            if copied != "(clipboard not written)":
                break
            page.wait_for_timeout(100)
            copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == expected, f"{path}: copied {copied!r}, expected {expected!r}"
        assert not any(PROMPT.match(line) for line in copied.splitlines()), copied
        assert not blocked, blocked
    finally:
        context.close()
