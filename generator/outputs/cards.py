"""Share cards: the picture a link preview shows, one for the site and one per section.

Drawn at build time with Pillow and the bundled DejaVu Sans (``generator/fonts/``), so
no font is fetched and every machine draws the same pixels. There is no card per
entity: each card takes tens of milliseconds to draw and encode, minutes at 5,000
articles, while a section card already says where a shared link leads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont

from generator.dossier.link import Dossier

if TYPE_CHECKING:  # the package imports this module to list it in OUTPUTS
    from generator.outputs import Publication

FOLDER = "cards"
"""Under docs/ and the site: owned by this output, replaced whole on each build."""
WIDTH, HEIGHT = 1200, 630
"""The 1.91:1 size that Open Graph readers and X's large card show uncropped."""
FONTS = Path(__file__).resolve().parent.parent / "fonts"

SECTIONS = {"articles": "Articles", "actors": "Actors", "claims": "Claims",
            "events": "Events", "timeline": "Timeline", "places": "Places", "tags": "Tags"}
"""Section folder -> its name in the site's navigation."""

# The site's palette (docs/stylesheets/extra.css): the dark header, its accent, and
# light text that keeps AA contrast on the header colour.
BACKGROUND = (38, 50, 56)
ACCENT = (191, 54, 12)
ACCENT_LIGHT = (255, 171, 145)
TEXT = (255, 255, 255)
MUTED = (176, 190, 197)
MARGIN = 80


@dataclass(frozen=True)
class Card:
    """What one card says, computed from the dossier before anything is drawn."""

    name: str
    """File name without ``.png``: ``site`` or a section folder."""
    heading: str | None
    """The section's name, or None on the site's card, where the title is the heading."""
    counts: str
    """One line of what the section holds, e.g. ``5 articles``."""


def image_path(section: str | None) -> str:
    """The card of ``section`` (a folder of SECTIONS), or of the site, under docs/."""
    return f"{FOLDER}/{section if section in SECTIONS else 'site'}.png"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def _kinds(d: Dossier) -> str:
    kinds = [a.kind for a in d.corpus.actors.values()]
    words = (("person", "person", "people"), ("organization", "organisation", None),
             ("state", "state", None))
    return " · ".join(_count(kinds.count(kind), one, many) for kind, one, many in words
                      if kind in kinds) or _count(0, "actor")


def cards(d: Dossier) -> list[Card]:
    c = d.corpus
    articles, events = _count(len(c.articles), "article"), _count(len(c.events), "event")
    tags = {tag for a in c.articles.values() for tag in a.tags}
    counts = {"articles": articles, "actors": _kinds(d),
              "claims": _count(len(c.claims), "claim"), "events": events,
              "timeline": events, "places": _count(len(c.places), "place"),
              "tags": _count(len(tags), "tag")}
    overall = " · ".join([articles, _count(len(c.actors), "actor"), events,
                          _count(len(c.claims), "claim")])
    return [Card("site", None, overall)] + [
        Card(folder, name, counts[folder]) for folder, name in SECTIONS.items()]


@lru_cache(maxsize=None)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    # The basic layout engine: Raqm, where present, depends on system libraries.
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit(text: str, sizes: tuple[int, ...], lines: int, width: int, bold: bool
         ) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of ``sizes`` at which ``text`` takes at most ``lines`` lines."""
    for size in sizes:
        font = _font(size, bold)
        wrapped = _wrap(text, font, width)
        if len(wrapped) <= lines and all(font.getlength(w) <= width for w in wrapped):
            return font, wrapped
    # Still too long at the smallest size: cut on a word, as a title is cut anywhere.
    wrapped = wrapped[:lines]
    wrapped[-1] = wrapped[-1].rsplit(" ", 1)[0] + " …"
    return font, wrapped


def draw(card: Card, site_name: str, host: str | None) -> bytes:
    """The card as PNG bytes: the same card always gives the same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    pen.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=ACCENT)
    y = MARGIN - 10
    pen.text((MARGIN, y), "DOCUMENTARY DOSSIER", font=_font(26, True), fill=ACCENT_LIGHT)
    if host:
        pen.text((WIDTH - MARGIN, y), host, font=_font(26, False), fill=MUTED, anchor="ra")
    y += 60
    if card.heading:
        font, lines = _fit(card.heading, (112, 96, 80), 1, width, True)
        pen.text((MARGIN, y), lines[0], font=font, fill=TEXT)
        y += font.size + 36
        font, lines = _fit(site_name, (44, 40, 36, 32), 3, width, False)
        colour = MUTED
    else:
        font, lines = _fit(site_name, (72, 64, 56, 48, 40), 4, width, True)
        colour = TEXT
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=colour)
        y += round(font.size * 1.25)
    pen.text((MARGIN, HEIGHT - 56), card.counts, font=_font(30, False), fill=MUTED, anchor="ls")
    out = io.BytesIO()
    # Nothing but pixels: no text chunks, no time, no physical size.
    image.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    url = publication.site_url
    host = (urlsplit(url).netloc + urlsplit(url).path).rstrip("/") if url else None
    return {image_path(c.name if c.name != "site" else None): draw(c, publication.site_name, host)
            for c in cards(d)}
