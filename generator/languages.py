"""The languages the site is published in, declared once.

English is the dossier's own language: its fields are written in it. Every other
language here gets an edition of its own (``/id/``) and may key ``translations``.
"""

from __future__ import annotations

SOURCE_LANGUAGE = "en"
"""The dossier's own language: every field that is not verbatim text is written in it."""
TRANSLATION_LANGUAGES = ("id",)
"""The other languages the site publishes an edition in; the only keys of ``translations``."""
EDITIONS = (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)
NAMES = {"en": "English", "id": "Bahasa Indonesia"}
"""Each edition's name in its own language, for the language switch."""


def language_of(tag: str) -> str:
    """The primary language of a BCP 47 tag: ``id`` for ``id-ID``."""
    return tag.split("-")[0].lower()


def prefix(language: str) -> str:
    """Where an edition lives under the site root: ``""`` for English, ``"id/"``."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"
