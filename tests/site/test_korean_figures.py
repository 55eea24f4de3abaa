"""On the built site, every gallery figure of a Korean page is its .ko.png variant, differs from
the English one, has Korean alt text, and Korean and English pages show as many; the Korean
build ran no example.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_every_gallery_figure_of_a_korean_page_is_korean(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    checked = 0
    for en_page in sorted((en_root / "auto_examples").rglob("plot_*.html")):
        ko_page = ko_root / en_page.relative_to(en_root)
        en_imgs = BeautifulSoup(en_page.read_text(encoding="utf-8"), "html.parser").select(
            "img.sphx-glr-single-img, img.sphx-glr-multi-img")
        ko_imgs = BeautifulSoup(ko_page.read_text(encoding="utf-8"), "html.parser").select(
            "img.sphx-glr-single-img, img.sphx-glr-multi-img")
        assert len(en_imgs) == len(ko_imgs) > 0, en_page.name
        for en, ko in zip(en_imgs, ko_imgs, strict=True):
            assert not en["src"].endswith(".ko.png") and ko["src"].endswith(".ko.png"), ko["src"]
            assert Path(ko["src"]).stem == Path(en["src"]).stem + ".ko"
            assert HANGUL.search(ko["alt"]), f"{en_page.name}: alt {ko['alt']!r}"
            en_png = (en_page.parent / en["src"]).resolve().read_bytes()
            ko_png = (ko_page.parent / ko["src"]).resolve().read_bytes()
            assert en_png != ko_png, f"{ko['src']} is the English figure"
            checked += 1
    assert checked >= 25
    korean_log = site["results"]["ko"]["log"]
    assert not re.search(r"executed [1-9]\d* out of", korean_log), "the Korean build ran examples"


def test_concept_pages_embed_the_korean_variant_of_gallery_figures(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    embedded = 0
    for en_page in sorted((en_root / "concepts").glob("*.html")):
        ko_page = ko_root / en_page.relative_to(en_root)
        en_srcs = [img["src"] for img in BeautifulSoup(en_page.read_text(encoding="utf-8"),
                                                       "html.parser").select("img")
                   if "sphx_glr_" in img["src"]]
        ko_srcs = [img["src"] for img in BeautifulSoup(ko_page.read_text(encoding="utf-8"),
                                                       "html.parser").select("img")
                   if "sphx_glr_" in img["src"]]
        assert [s.replace(".png", ".ko.png") for s in en_srcs] == ko_srcs, en_page.name
        embedded += len(ko_srcs)
    assert embedded >= 25
