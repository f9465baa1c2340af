"""Editions: the same dossier rendered once per language, with the same templates.

Rendering happens inside ``edition(language)``; everything that writes words for
the reader asks this module for them: interface strings through gettext catalogues
(``locales/<language>/LC_MESSAGES/messages.po``, compiled with Babel when first
used, so a stale compiled file can never be served), month names from Babel's
locale data, and an entity's fields in the edition's language, falling back to
English marked as such.
"""

from __future__ import annotations

import functools
import gettext as _gettext
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import fields, replace
from io import BytesIO
from pathlib import Path

from babel.dates import get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.settings import babel_locale, language_of, own_language
from generator.text import english as interface_english

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_active: ContextVar[str | None] = ContextVar("edition", default=None)


def language() -> str:
    """The language of the edition being rendered."""
    return _active.get() or own_language()


@contextmanager
def edition(language_tag: str):
    """Render in ``language_tag`` until the block ends."""
    token = _active.set(language_tag)
    try:
        yield
    finally:
        _active.reset(token)


def catalogue_file(language_tag: str) -> Path:
    return LOCALES / language_tag / "LC_MESSAGES" / f"{DOMAIN}.po"


INTERFACE_LANGUAGE = interface_english.LANGUAGE
"""The language the generator's interface strings are written in."""


def catalogue_language(language_tag: str) -> str | None:
    """The catalogue that serves ``language_tag``: its own (``pt-BR``), else its primary
    language's (``pt``), else none."""
    for tag in (language_tag, language_of(language_tag)):
        if catalogue_file(tag).is_file():
            return tag
    return None


def has_catalogue(language_tag: str) -> bool:
    """Whether the interface can speak ``language_tag``: English, or a catalogue for it."""
    return language_of(language_tag) == INTERFACE_LANGUAGE or catalogue_language(language_tag) is not None


class _InEnglish(_gettext.NullTranslations):
    """The interface of a language with no catalogue: the English strings, each
    bracketed so that the files they reach can mark it as English
    (generator/text/english.py)."""

    def gettext(self, message):
        return interface_english.mark(message)

    def ngettext(self, singular, plural, n):
        return interface_english.mark(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return interface_english.mark(message)

    def npgettext(self, context, singular, plural, n):
        return interface_english.mark(singular if n == 1 else plural)


@functools.cache
def translations(language_tag: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language_tag``. English needs none: the interface
    strings are written in it. A language with no catalogue gets none either, and its
    pages show the English strings, marked as English (:func:`has_catalogue`)."""
    tag = catalogue_language(language_tag)
    if language_of(language_tag) == INTERFACE_LANGUAGE:
        return _gettext.NullTranslations()
    if tag is None:
        return _InEnglish()
    with catalogue_file(tag).open("rb") as po:
        catalog = read_po(po, locale=tag.replace("-", "_"), domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    catalogue = _gettext.GNUTranslations(compiled)
    # A string the catalogue does not translate yet is shown in English, marked so.
    catalogue.add_fallback(_InEnglish())
    return catalogue


def gettext(message: str) -> str:
    return translations(language()).gettext(message)


def relabel(label: str) -> str:
    """A label that ``mkdocs.yml`` writes in the dossier's own language (a navigation
    title, a palette toggle), in the edition's language where the catalogues know it:
    found by its translation in the own language, then translated."""
    own = own_language()
    if language_of(own) != INTERFACE_LANGUAGE:
        catalogue = translations(own)
        english = next((message for message in _messages(own)
                        if catalogue.gettext(message) == label), None)
        if english is None:
            return label
        label = english
    return gettext(label)


@functools.cache
def _messages(language_tag: str) -> tuple[str, ...]:
    tag = catalogue_language(language_tag)
    if tag is None:
        return ()
    with catalogue_file(tag).open("rb") as po:
        return tuple(m.id for m in read_po(po, domain=DOMAIN) if m.id and isinstance(m.id, str))


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for extraction where it is declared; translated where shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural for extraction; ``ngettext(*pair, n)`` where shown."""
    return singular, plural


@functools.cache
def _months(language_tag: str, width: str) -> dict[int, str]:
    # A BCP 47 tag (pt-BR) is not Babel's form (pt_BR): parse it as everywhere else.
    return dict(get_month_names(width, locale=babel_locale(language_tag)))


def month_abbr(month: int) -> str:
    """``Sep``, or ``Agu`` for August in Indonesian, as Babel's locale data writes them."""
    return _months(language(), "abbreviated")[month]


def month_name(month: int) -> str:
    return _months(language(), "wide")[month]


class Fallback(str):
    """Text in the dossier's own language shown in an edition of another, where a
    translation is missing: pages mark it with the own language's tag."""


def _fallback(value):
    if isinstance(value, list):
        return [Fallback(item) for item in value]
    return Fallback(value)


def in_edition(entity, name: str):
    """``entity.<name>`` in the edition's language: its translation, or the English
    marked as a fallback. An article's headline stays as published in every edition
    (its translation is :func:`headline_translation`)."""
    value = getattr(entity, name)
    current = language()
    if current == own_language() or not value or (name == "title" and _is_article(entity)):
        return value
    translation = entity.translations.get(current)
    translated = getattr(translation, name, None) if translation else None
    return _fallback(value) if translated is None else translated


def _is_article(entity) -> bool:
    return hasattr(entity, "outlet")


def headline_translation(article) -> str | None:
    """The headline in the edition's language, unless the article is in it already:
    ``title_en`` in English, else the translation, else ``title_en`` as a fallback."""
    current = language()
    if language_of(article.language) == current:
        return None
    if current == own_language():
        return article.title_en
    translation = article.translations.get(current)
    if translation and translation.title:
        return translation.title
    return Fallback(article.title_en) if article.title_en else None


_TRANSLATABLE = ("title", "name", "aliases", "role", "statement", "summary", "key_points")


def localized(entity):
    """A copy of ``entity`` whose translatable fields are in the edition's language."""
    if language() == own_language():
        return entity
    return replace(entity, **{f.name: in_edition(entity, f.name) for f in fields(entity)
                              if f.name in _TRANSLATABLE})


def english(text: str | None):
    """Text the model keeps in English only, marked as such elsewhere."""
    return Fallback(text) if text and language() != own_language() else text


PLACE_KINDS = {kind: kind for kind in (
    N_("city"), N_("town"), N_("village"), N_("capital"), N_("region"), N_("province"),
    N_("district"), N_("country"), N_("island"), N_("sea"), N_("river"), N_("port"),
    N_("facility"), N_("building"), N_("military base"), N_("airport"), N_("border crossing"),
    N_("site"))}
"""The usual words for a place's ``kind``, which is free text in English; the catalogue
translates these, and any other kind is shown in English, marked as such."""


def place_kind(kind: str | None):
    """A place's kind in the edition's language, when it is one of ``PLACE_KINDS``."""
    if kind and language() != own_language() and kind.strip().lower() in PLACE_KINDS:
        return gettext(kind.strip().lower())
    return english(kind)


def _is_english(value) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(item, Fallback) for item in items)


def corrections(entity) -> list[tuple[object, str]]:
    """Each of ``entity``'s corrections, oldest first, with its text in the edition's
    language: the translation in the same place of the list, or the English marked."""
    current, items = language(), entity.corrections
    if current == own_language() or not items:
        return [(c, c.text) for c in items]
    translation = entity.translations.get(current)
    texts = translation.corrections if translation else None
    if texts is None or len(texts) != len(items):
        return [(c, Fallback(c.text)) for c in items]
    return list(zip(items, texts))


def untranslated(entity) -> bool:
    """Whether the edition shows some of ``entity``'s translatable text in English."""
    shown = localized(entity)
    if _is_article(entity) and _is_english(headline_translation(entity)):
        return True
    if any(isinstance(text, Fallback) for _, text in corrections(entity)):
        return True
    return any(_is_english(getattr(shown, name, None)) for name in _TRANSLATABLE)


def quote_translation(english: str | None, translations_: dict[str, str],
                      quote_language: str) -> str | None:
    """What a quote's translation line shows in this edition: nothing where the quote is
    already in the edition's language, else its translation, or the English one."""
    current = language()
    if language_of(quote_language) == current:
        return None
    if current == own_language():
        return english
    if current in translations_:
        return translations_[current]
    return Fallback(english) if english else None


def interface_coverage(language_tag: str) -> str:
    """How much of the generator's interface speaks ``language_tag``, for ``check``:
    ``id 100 %``, or ``fr: no catalogue, shown in English``."""
    if language_of(language_tag) == INTERFACE_LANGUAGE:
        return f"{language_tag} 100 %"
    tag = catalogue_language(language_tag)
    if tag is None:
        return f"{language_tag}: no catalogue, shown in English"
    with catalogue_file(tag).open("rb") as po:
        catalog = read_po(po, locale=tag.replace("-", "_"), domain=DOMAIN)
    messages = [m for m in catalog if m.id]
    done = sum(1 for m in messages if (all(m.string) if isinstance(m.string, tuple) else m.string))
    return f"{language_tag} {100 * done // max(len(messages), 1)} %"
