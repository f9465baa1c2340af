"""Share cards: the picture a link preview shows, one for the site and one per section,
in each edition's language and in the dossier's palette (``extra.branding``).

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

from babel.numbers import format_decimal
from PIL import Image, ImageDraw, ImageFont

from generator import settings
from generator.dossier.link import Dossier
from generator.text import english
from generator.text.i18n import N_, Nn_, gettext, language, ngettext
from generator.views.share import FOLDER, SECTIONS, card_name

if TYPE_CHECKING:  # the package imports this module to list it in OUTPUTS
    from generator.outputs import Publication

WIDTH, HEIGHT = 1200, 630
"""The 1.91:1 size that Open Graph readers and X's large card show uncropped."""
FONTS = Path(__file__).resolve().parent.parent / "fonts"

# Light text that keeps AA contrast on the header colour, which the palette gives
# (``settings.Branding``) with the accent and its light tint.
TEXT = (255, 255, 255)
MUTED = (176, 190, 197)
MARGIN = 80
LABEL = N_("Documentary dossier")
"""The label above the title, unless the dossier gives its own (``card_label``)."""


@dataclass(frozen=True)
class Card:
    """What one card says, computed from the dossier before anything is drawn."""

    name: str
    """File name without ``.png``: ``site`` or a section folder."""
    heading: str | None
    """The section's name, or None on the site's card, where the title is the heading."""
    counts: str
    """One line of what the section holds, e.g. ``5 articles``."""


def _count(n: int, words: tuple[str, str]) -> str:
    number = format_decimal(n, locale=language().replace("-", "_"))
    return ngettext(*words, n) % {"count": number}


ARTICLES = Nn_("%(count)s article", "%(count)s articles")
EVENTS = Nn_("%(count)s event", "%(count)s events")
ACTORS = Nn_("%(count)s actor", "%(count)s actors")
CLAIMS = Nn_("%(count)s claim", "%(count)s claims")
PLACES = Nn_("%(count)s place", "%(count)s places")
TAGS = Nn_("%(count)s tag", "%(count)s tags")
KINDS = (("person", Nn_("%(count)s person", "%(count)s people")),
         ("organization", Nn_("%(count)s organisation", "%(count)s organisations")),
         ("state", Nn_("%(count)s state", "%(count)s states")))


def _kinds(d: Dossier) -> str:
    kinds = [a.kind for a in d.corpus.actors.values()]
    return " · ".join(_count(kinds.count(kind), words) for kind, words in KINDS
                      if kind in kinds) or _count(0, ACTORS)


def cards(d: Dossier) -> list[Card]:
    """The cards of the edition being rendered, in its language."""
    c = d.corpus
    articles, events = _count(len(c.articles), ARTICLES), _count(len(c.events), EVENTS)
    tags = {tag for a in c.articles.values() for tag in a.tags}
    counts = {"articles": articles, "actors": _kinds(d),
              "claims": _count(len(c.claims), CLAIMS), "events": events,
              "timeline": events, "places": _count(len(c.places), PLACES),
              "tags": _count(len(tags), TAGS)}
    overall = " · ".join([articles, _count(len(c.actors), ACTORS), events,
                          _count(len(c.claims), CLAIMS)])
    return [Card("site", None, overall)] + [
        Card(folder, gettext(name), counts[folder]) for folder, name in SECTIONS.items()]


def label() -> str:
    """The label above the title in the edition's language."""
    own = settings.active().card_labels.get(language())
    return own if own else gettext(LABEL).upper()


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


def draw(card: Card, site_name: str, host: str | None, label: str,
         branding: settings.Branding) -> bytes:
    """The card as PNG bytes: the same card always gives the same bytes."""
    # A picture cannot say a string is English: the interface's fallbacks go in plain.
    label, heading, counts = (english.unmark(text) if text else text
                              for text in (label, card.heading, card.counts))
    card = Card(card.name, heading, counts)
    image = Image.new("RGB", (WIDTH, HEIGHT), branding.rgb("primary"))
    pen = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    pen.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=branding.rgb("accent"))
    y = MARGIN - 10
    pen.text((MARGIN, y), label, font=_font(26, True), fill=branding.rgb("accent_light"))
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


def files(d: Dossier, publication: Publication, site_files=None) -> dict[str, bytes]:
    """The edition's cards, under its folder's ``cards/`` (placed there by the pipeline)."""
    url = publication.site_url
    host = (urlsplit(url).netloc + urlsplit(url).path).rstrip("/") if url else None
    name, text, branding = publication.name_in(language()), label(), settings.active().branding
    return {f"{FOLDER}/{card_name(c.name)}.png": draw(c, name, host, text, branding)
            for c in cards(d)}
