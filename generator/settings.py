"""The dossier's own settings: its language, its other editions, its branding.

They are read from the dossier's ``mkdocs.yml`` (:func:`read`), never fixed in code:

- ``theme.language``: the dossier's **own language**, the one its fields are written in
  (``en`` when absent). Its edition is at the site root.
- ``extra.editions``: one key per other language the site is published in; each edition
  lives under its tag (``/id/``) and may give its own ``site_name``, ``site_description``,
  ``copyright``, ``og_locale``, ``language_name`` and ``card_label``.
- ``extra.branding``: the palette's ``primary`` and ``accent`` colours (``#rrggbb``), used
  by the pages and the share cards alike, and the cards' ``card_label``. The logo and the
  favicon are Material's own ``theme.logo`` and ``theme.favicon``.
- ``extra.content_model``: the version of the content model the sources are written for.

The settings of the run are *active* (:func:`use`): everything that depends on the
languages asks :func:`active` rather than taking a copy, so that one process can build
dossiers of different languages one after the other (the tests do).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError

CONTENT_MODEL = 2
"""The newest version of the content model (``CONTENT-MODEL.md``) this generator reads.
1: the first model; 2 adds ``corrections`` and articles' ``archived_on``."""

DEFAULT_PRIMARY = "#263238"
DEFAULT_ACCENT = "#bf360c"
DEFAULT_ACCENT_LIGHT = "#ffab91"
PALETTE_STYLESHEET = "stylesheets/palette.css"
"""Where the dossier's own palette is written (outputs/palette.py), when it has one."""


def babel_locale(tag: str) -> Locale:
    """Babel's locale for a BCP 47 tag (``pt-BR``); :class:`ValueError` if Babel does not
    know it."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"unknown language tag {tag!r}: use a tag Babel knows, "
                         "such as en, fr, id or pt-BR") from None


def language_name(tag: str) -> str:
    """A language's name in that language, as a language menu shows it (``Français``)."""
    name = babel_locale(tag).get_display_name(tag.replace("-", "_")) or tag
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Branding:
    """How the dossier looks, from one place: the pages' palette and the share cards."""

    primary: str = DEFAULT_PRIMARY
    """The header's colour, ``#rrggbb``."""
    accent: str = DEFAULT_ACCENT
    """Links' and highlights' colour, ``#rrggbb``."""
    card_label: str | None = None
    """The label above the title on each share card; translated per edition by
    ``extra.editions.<tag>.card_label``. None: the generator's own, translated."""

    @property
    def accent_light(self) -> str:
        """The accent on dark grounds (the cards' label, links in the dark scheme): the
        default palette's own, else the accent mixed half with white."""
        if self.accent.lower() == DEFAULT_ACCENT:
            return DEFAULT_ACCENT_LIGHT
        return "#" + "".join(f"{(c + 255) // 2:02x}" for c in _rgb(self.accent))

    @property
    def custom(self) -> bool:
        """Whether the palette differs from the theme's own (theme/stylesheets/extra.css)."""
        return (self.primary.lower(), self.accent.lower()) != (DEFAULT_PRIMARY, DEFAULT_ACCENT)

    def rgb(self, name: str) -> tuple[int, int, int]:
        return _rgb(getattr(self, name))


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two ``#rrggbb`` colours."""
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in _rgb(colour)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


@dataclass(frozen=True)
class Settings:
    """What a dossier declares about itself."""

    language: str = "en"
    """The dossier's own language: every field that is not verbatim text is written in it."""
    translations: tuple[str, ...] = ()
    """The other languages the site publishes an edition in; the only keys of
    ``translations``."""
    names: dict[str, str] = field(default_factory=dict)
    """Each edition's name in its own language, for the language switch."""
    card_labels: dict[str, str] = field(default_factory=dict)
    """The share cards' label per edition, where the dossier gives one."""
    branding: Branding = Branding()
    content_model: int = CONTENT_MODEL

    @property
    def editions(self) -> tuple[str, ...]:
        return (self.language, *self.translations)

    def name(self, tag: str) -> str:
        return self.names.get(tag) or language_name(tag)

    def prefix(self, language: str) -> str:
        """Where an edition lives under the site root: ``""`` for the dossier's own,
        ``"id/"``."""
        return "" if language == self.language else f"{language}/"


_active = [Settings()]


def active() -> Settings:
    """The settings of the dossier being read or built."""
    return _active[-1]


@contextmanager
def use(settings: Settings):
    """Read and build with ``settings`` until the block ends."""
    _active.append(settings)
    try:
        yield settings
    finally:
        _active.pop()


def own_language() -> str:
    return active().language


def other_languages() -> tuple[str, ...]:
    return active().translations


def editions() -> tuple[str, ...]:
    return active().editions


def prefix(language: str) -> str:
    return active().prefix(language)


def own_language_in_english() -> str:
    """The dossier's own language named in English, for the generator's messages."""
    tag = own_language()
    return babel_locale(tag).get_display_name("en") or tag


def a_translation() -> str:
    """``an English translation``, ``a French translation``: what a quote needs."""
    name = own_language_in_english()
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name} translation"


def language_of(tag: str) -> str:
    """The primary language of a BCP 47 tag: ``id`` for ``id-ID``."""
    return tag.split("-")[0].lower()


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def is_colour(value) -> bool:
    return isinstance(value, str) and bool(_COLOUR.fullmatch(value))
