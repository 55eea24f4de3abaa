"""The files sphinx-gallery and the figure translation leave next to each gallery figure.

Names (sphinx-gallery's, plus Sphinx's ``figure_language_filename`` for translations)::

    images/sphx_glr_plot_x_001.png          figure 1 of plot_x.py
    images/sphx_glr_plot_x_001.ko.png       its Korean variant
    images/thumb/sphx_glr_plot_x_thumb.png  the gallery card's thumbnail (and .ko.png)

and, written by the bilingual scraper, for each figure:

    images/sphx_glr_plot_x_001.pickle       the figure, to draw it again in a language
    images/sphx_glr_plot_x_001.figtext.json its record (:class:`FigureRecord`)

A pickled matplotlib figure can only be loaded by the matplotlib release that wrote it, so the
record says which one; a record of another release or format counts as missing, and the
English build runs the example again.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = 2  # 1: no "format" and no "matplotlib" fields
SIDECAR = ".figtext.json"
_IMAGE = re.compile(r"^sphx_glr_(?P<stem>\w+?)_(?:(?P<number>\d{3})|thumb)"
                    r"(?:\.(?P<language>[a-z]{2,3}(?:_[A-Z]{2})?))?\.(?:png|svg|gif|jpg)$")


@dataclass(frozen=True)
class GalleryImage:
    """What a gallery image's file name says."""

    stem: str  # the example's file name without .py
    number: int | None  # the figure's number; None for the thumbnail
    language: str | None  # None for the English original

    @property
    def is_thumbnail(self) -> bool:
        return self.number is None


def parse_image_name(name: str) -> GalleryImage | None:
    """Read a gallery image's file name (or URI); None for any other image.

    >>> parse_image_name("_images/sphx_glr_plot_dropout_thumb.ko.png")
    GalleryImage(stem='plot_dropout', number=None, language='ko')
    >>> parse_image_name("sphx_glr_plot_lr_schedules_002.png").number
    2
    """
    match = _IMAGE.match(name.rsplit("/", 1)[-1])
    if not match:
        return None
    number = match["number"]
    return GalleryImage(match["stem"], int(number) if number else None, match["language"])


def language_path(image_path: Path, language: str) -> Path:
    """``…_001.png`` -> ``…_001.ko.png`` (Sphinx's default figure_language_filename)."""
    return image_path.with_name(f"{image_path.stem}.{language}{image_path.suffix}")


def figure_images(images_dir: Path, stem: str) -> list[Path]:
    """The English figures of example ``stem``, in order."""
    return sorted(Path(images_dir).glob(f"sphx_glr_{stem}_[0-9][0-9][0-9].png"))


@dataclass
class FigureRecord:
    """What the scraper learnt about one figure: its messages, alt texts and drawings."""

    example: str  # the example's path from the repository root
    messages: list[str]  # the figure's translatable messages, in drawing order
    alt: dict[str, str]  # language -> alt text (the figure's titles)
    savefig: dict  # the keyword arguments it was saved with
    rendered: dict[str, str] = field(default_factory=dict)  # language -> catalog hash drawn
    matplotlib: str = ""  # the release that pickled it
    format: int = FORMAT

    @staticmethod
    def sidecar(image: Path) -> Path:
        return image.with_name(image.stem + SIDECAR)

    @staticmethod
    def image_of(sidecar: Path) -> Path:
        return sidecar.with_name(sidecar.name[: -len(SIDECAR)] + ".png")

    @staticmethod
    def pickle_of(image: Path) -> Path:
        return image.with_suffix(".pickle")

    @classmethod
    def load(cls, sidecar: Path) -> FigureRecord | None:
        """The record in ``sidecar``; None when it is missing or of another format."""
        try:
            data = json.loads(Path(sidecar).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return cls(**data)

    def save(self, sidecar: Path) -> None:
        Path(sidecar).write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1),
                                 encoding="utf-8")

    def usable(self) -> bool:
        """Whether the figure's pickle can be loaded by the running matplotlib."""
        import matplotlib

        return self.matplotlib == matplotlib.__version__


def sidecars(docs: Path, gallery_dirs) -> list[Path]:
    """Every figure record of the galleries, sorted."""
    found: list[Path] = []
    for gallery in gallery_dirs:
        found.extend(sorted((Path(docs) / gallery).rglob(f"*{SIDECAR}")))
    return found
