"""Index-time cost of the Korean search language, and the size of both search indexes.

usage: python benchmarks/bench_search_index.py [SITE]      (SITE defaults to docs/_build/html)

SITE is a built bilingual site (``python -m dlref_docs build --out SITE``).  The main text of
every indexed Korean page (the documents of ko/searchindex.js) is split and stemmed the way
Sphinx's IndexBuilder.feed does it, once with the Korean search language
(dlref_docs.search.language) and once with Sphinx's SearchEnglish: every word (raw cost)
and with IndexBuilder's per-page memoisation (what a build really pays).  A synthetic Korean
text (glossary nouns x particles) gives the per-word cost on Hangul even before the pages
are translated.
Best of REPEATS runs.
"""

from __future__ import annotations

import functools
import html
import json
import re
import sys
import time
from pathlib import Path

from dlref_docs.core import languages
from dlref_docs.glossary.terms import load_terms
from dlref_docs.search.language import search_language
from dlref_docs.search.ranking import compound_table
from sphinx.search.en import SearchEnglish

ROOT = Path(__file__).resolve().parents[1]
KOREAN = languages.get("ko")
SearchKorean = search_language(KOREAN, compound_table(load_terms(), KOREAN))

REPEATS = 5
HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAIN = (
    re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.DOTALL),  # pydata theme
    re.compile(r'<div[^>]*role="main"[^>]*>(.*)', re.DOTALL),  # basic themes
)
NOUNS = ("활성화 함수 기울기 소실 폭주 손실 옵티마이저 최적화 드롭아웃 가중치 편향 은닉층 "
         "학습률 정확도 과대적합 일반화 역전파 순전파 소프트맥스 시그모이드").split()


def main_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    for pattern in MAIN:
        match = pattern.search(text)
        if match:
            text = match.group(1)
            break
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.DOTALL | re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def indexed_pages(lang_dir: Path) -> list[Path]:
    """The html pages of the documents listed in ``lang_dir/searchindex.js``."""
    raw = (lang_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1: raw.rindex(")")])
    return [lang_dir / f"{doc}.html" for doc in index["docnames"]]


def best_of(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cost(language, texts: list[str]) -> dict[str, float | int]:
    """Split + stem ``texts`` (one per page) like IndexBuilder.feed, with and without memo."""
    pages = [language.split(text) for text in texts]

    def raw():
        for words in pages:
            for word in words:
                language.stem(word).lower()

    def memoised():
        for words in pages:
            stem = functools.cache(lambda w: language.stem(w).lower())
            for word in words:
                stem(word)

    n_words = sum(map(len, pages))
    split_s = best_of(lambda: [language.split(text) for text in texts])
    raw_s, memo_s = best_of(raw), best_of(memoised)
    terms = {language.stem(w).lower() for words in pages for w in words}
    return {"words": n_words, "split_s": split_s, "raw_s": raw_s, "memo_s": memo_s,
            "terms": len(terms), "us_per_word": 1e6 * raw_s / max(n_words, 1)}


def report(title: str, texts: list[str]) -> None:
    words = [w for text in texts for w in SearchEnglish({}).split(text)]
    hangul = sum(bool(HANGUL.search(w)) for w in words)
    print(f"{title}: {len(texts)} text(s), {len(words)} words, {hangul} with Hangul "
          f"({100 * hangul / max(len(words), 1):.1f} %)")
    print(f"  {'search language':<16}{'split':>10}{'stem all':>12}{'stem memo':>12}"
          f"{'us/word':>10}{'terms':>8}")
    for language in (SearchKorean({}), SearchEnglish({})):
        c = cost(language, texts)
        print(f"  {type(language).__name__:<16}{c['split_s'] * 1e3:>8.2f}ms"
              f"{c['raw_s'] * 1e3:>10.2f}ms{c['memo_s'] * 1e3:>10.2f}ms"
              f"{c['us_per_word']:>10.2f}{c['terms']:>8}")


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "_build" / "html"
    print(f"site: {site.resolve()}   (best of {REPEATS} runs)")
    for lang in ("en", "ko"):
        index = site / lang / "searchindex.js"
        size = f"{index.stat().st_size / 1024:8.1f} KiB" if index.is_file() else "   missing"
        print(f"  {lang}/searchindex.js {size}")

    ko = site / "ko"
    if (ko / "searchindex.js").is_file():
        pages = [p for p in indexed_pages(ko) if p.is_file()]
        report(f"ko pages ({ko})", [main_text(p) for p in pages])
    else:
        print(f"no {ko}/searchindex.js: the Korean site is not built, pages not measured")

    particles = [p for p, _ in KOREAN.particles]
    synthetic = " ".join(f"{noun}{particle}" for noun in NOUNS for particle in particles)
    report("synthetic Korean (glossary nouns x every particle)", [synthetic] * 20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
