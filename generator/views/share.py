"""What a link preview shows of a page: its section's share card and the section's name.

The cards themselves are an output (``outputs/cards.py``); pages only need their
addresses, which this module gives, so the page renderer never imports an output.
"""

from __future__ import annotations

from generator.settings import prefix
from generator.text.i18n import N_, gettext, language

FOLDER = "cards"
"""Under each edition's folder in docs/ and the site: owned by the cards output."""
SECTIONS = {"articles": N_("Articles"), "actors": N_("Actors"), "claims": N_("Claims"),
            "events": N_("Events"), "timeline": N_("Timeline"), "places": N_("Places"),
            "tags": N_("Tags")}
"""Section folder -> its name in the site's navigation (translated where shown)."""


def card_name(section: str | None) -> str:
    """The card of ``section`` (a folder of SECTIONS), or of the site."""
    return section if section in SECTIONS else "site"


def image_path(section: str | None) -> str:
    """The card of ``section`` in the edition being rendered, under docs/."""
    return f"{prefix(language())}{FOLDER}/{card_name(section)}.png"


def section_name(section: str | None) -> str | None:
    """The section's name in the edition's language, or None outside a section."""
    return gettext(SECTIONS[section]) if section in SECTIONS else None
