"""English glosses on the Korean site: at most once per term per page, none in the landing lead.

A Korean page gives a term's English once, in parentheses right after the Korean term, at its
first use: "활성화 함수(activation function)".  The catalogs are checked page by page in the
fast tier (tests/toolchain/test_korean_style.py), but a rendered page shows more than its own
catalog: a gallery page also shows its translated code comments and printed output, a concept
page the output of its doctests and dlref's own messages, and every page the titles of the
pages it links to.  So this test reads what each built Korean page shows:

* the text of each ``span.dlref-gloss`` (the Korean build wraps every parenthesised run of
  two or more English words in one, :mod:`dlref_docs.translation.glosses`);
* one-word glosses, "(Flatten)", "(RNN)", which the build does not wrap, right after Hangul;
* the comments and printed output inside code blocks, where the build wraps nothing.

Maths and inline code are skipped ("f(x)", ``Dense(units)``).  A gloss that occurs twice on
one page fails the test with the page and the gloss; so does any gloss in the one-sentence lead
of the landing page, which a phone shows above the fold.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

HANGUL = "\uac00-\ud7a3"
# "(activation function)", "(recurrent neural network, RNN)", "(Flatten)" right after Hangul.
GLOSS = re.compile(rf"(?<=[{HANGUL}])\(([A-Za-z][A-Za-z0-9\-' ,/·.]*[A-Za-z0-9.])\)")
# Pygments tokens of a code block that are prose: comments and doctest output.
PROSE_TOKENS = "span.c, span.c1, span.cm, span.ch, span.cs, span.go"


def _key(gloss: str) -> str:
    return "(" + " ".join(gloss.strip("() ").split()).lower() + ")"


def page_glosses(html: str) -> list[str]:
    """Every English gloss the page's content shows, in reading order of its kind, lower case.

    >>> page_glosses('<article class="bd-article"><p>층(layer)과 '
    ...              '<span class="dlref-gloss">(hidden layer)</span></p></article>')
    ['(hidden layer)', '(layer)']
    """
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        return []
    for node in article.select("script, style, a.headerlink, .math, .katex, code.literal"):
        node.decompose()
    glosses = []
    for span in article.select("span.dlref-gloss"):
        glosses.append(_key(span.get_text()))
        span.decompose()
    for block in article.select("div.highlight"):
        if block.find_parent(class_="sphx-glr-script-out"):
            texts = [block.get_text()]
        else:
            texts = [token.get_text() for token in block.select(PROSE_TOKENS)]
        glosses += [_key(match) for text in texts for match in GLOSS.findall(text)]
        block.decompose()
    glosses += [_key(match) for match in GLOSS.findall(article.get_text())]
    return glosses


def repeated(glosses: list[str]) -> dict[str, int]:
    return {gloss: n for gloss, n in Counter(glosses).items() if n > 1}


def korean_pages(root: Path) -> list[Path]:
    return [page for page in sorted(root.rglob("*.html"))
            if not page.relative_to(root).parts[0].startswith("_")]


def test_a_korean_page_glosses_each_term_once(site):
    root = site["out"] / "ko"
    pages = korean_pages(root)
    total, problems = 0, []
    for page in pages:
        glosses = page_glosses(page.read_text(encoding="utf-8"))
        total += len(glosses)
        problems += [f"{page.relative_to(root)}: {gloss} {n} times"
                     for gloss, n in repeated(glosses).items()]
    assert len(pages) > 60 and total > 200, (len(pages), total)  # the pages were read
    assert not problems, "English gloss repeated on a Korean page:\n" + "\n".join(problems)


def test_the_landing_lead_has_no_gloss(site):
    soup = BeautifulSoup((site["out"] / "ko" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    lead = soup.select_one("article.bd-article h1").find_next("p")
    assert len(lead.get_text()) > 50, lead.get_text()  # the lead sentence, not a caption
    glosses = page_glosses(f'<article class="bd-article">{lead}</article>')
    assert not glosses, f"English glosses in the Korean landing page's lead: {glosses}"


def test_the_gloss_count_reads_text_code_and_output():
    html = """<article class="bd-article">
      <p>활성화 함수<span class="dlref-gloss">(activation function)</span>는 $f$입니다.</p>
      <p>평탄화(Flatten) 층과 <span class="math">f(x)</span>,
         <code class="literal">Dense(units)</code>.
         다시 활성화 함수<span class="dlref-gloss">(Activation  function)</span>.</p>
      <div class="highlight"><pre><span class="n">x</span> <span class="c1"># 평탄화(Flatten)</span>
      <span class="go">손실(loss) 0.1</span></pre></div>
      <div class="sphx-glr-script-out"><div class="highlight"><pre>손실(loss): 0.2</pre></div></div>
    </article>"""
    glosses = page_glosses(html)
    assert sorted(glosses) == sorted(["(activation function)"] * 2 + ["(flatten)"] * 2
                                     + ["(loss)"] * 2)
    assert repeated(glosses) == {"(activation function)": 2, "(flatten)": 2, "(loss)": 2}
    assert repeated(page_glosses('<article class="bd-article"><p>층(layer)</p></article>')) == {}
