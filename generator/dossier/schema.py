"""The content model, declared once: validation and the JSON Schemas read it.

Each entity type is a list of fields; each field has a type from the small set
below. Nothing here knows about YAML or pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.dossier import model

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"
UNFINISHED = "TODO"
"""Text starting with this word is a placeholder left by ``new``, not content."""
FOLDERS = ("articles", "actors", "events", "claims", "places")
RESERVED_TAGS = ("index",)
"""Tags whose page would be another page's: ``tags/index.md`` lists every tag. (A tag's
page is ``tags/<tag>.md`` and its parts ``tags/<tag>/<n>.md``: no other name collides.)"""


@dataclass(frozen=True)
class Text:
    """Plain text, shown as text; one line unless ``multiline``."""

    multiline: bool = False


@dataclass(frozen=True)
class Markdown:
    """Markdown, rendered and sanitised."""


@dataclass(frozen=True)
class RefTo:
    """The id of another entity in ``folder``, optionally of given actor kinds."""

    folder: str
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateValue:
    allow_time: bool = False
    exact_day: bool = False
    """Only a plain day (``2026-11-29``): no month or year alone, no qualifier or interval."""


@dataclass(frozen=True)
class Url:
    """An absolute http or https URL."""


@dataclass(frozen=True)
class LanguageTag:
    """A BCP 47 language tag such as ``id`` or ``en-GB``."""


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True)
class Tag:
    """A short topic tag: lower-case words joined by hyphens."""


@dataclass(frozen=True)
class Coordinates:
    """``[latitude, longitude]`` in decimal degrees."""


@dataclass(frozen=True)
class ListOf:
    item: object
    min_items: int = 0


@dataclass(frozen=True)
class Translations:
    """A mapping from each other language the site publishes (``extra.editions`` in
    mkdocs.yml) to ``item`` in that language."""

    item: object


@dataclass(frozen=True)
class Obj:
    """A nested mapping, built into ``cls``."""

    name: str
    cls: type
    fields: tuple["Field", ...]


@dataclass(frozen=True)
class Field:
    name: str
    type: object
    required: bool
    doc: str
    translatable: bool = False
    """Whether ``translations`` may give this field in another language."""
    translated_as: object = None
    """The type of its translation, where that is not the field's own type."""


@dataclass(frozen=True)
class EntityType:
    folder: str
    cls: type
    fields: tuple[Field, ...]
    doc: str

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


QUOTE_TRANSLATIONS = ("The quote in another language the site publishes, only where the "
                      "article's language differs from it.")

POSITIONS = ("asserts", "denies", "declines-to-comment", "questions")
ACTOR_KINDS = ("person", "organization", "state")

QUOTE = Obj("quote", model.Quote, (
    Field("by", RefTo("actors"), True, "Id of the actor the article attributes the words to."),
    Field("text", Text(multiline=True), True, "Verbatim, in the article's language."),
    Field("translation", Text(multiline=True), False,
          "English translation; required when the article is not in English."),
    Field("said_on", DateValue(), False, "When the words were said, if the article says."),
    Field("translations", Translations(Text(multiline=True)), False, QUOTE_TRANSLATIONS),
))

STANCE = Obj("stance", model.Stance, (
    Field("actor", RefTo("actors"), True, "Id of the actor taking the position."),
    Field("position", Choice(POSITIONS), True, "The actor's position on the claim."),
    Field("source", RefTo("articles"), True, "Id of the article reporting the stance."),
    Field("quote", Text(multiline=True), False, "A verbatim fragment of that article."),
    Field("translation", Text(multiline=True), False,
          "English translation of the quote; required with a `quote` when the article is not "
          "in English."),
    Field("translations", Translations(Text(multiline=True)), False, QUOTE_TRANSLATIONS),
))

LINK = Obj("link", model.Link, (
    Field("title", Text(), True, "What the reader clicks."),
    Field("url", Url(), True, "Absolute http(s) URL."),
))

CORRECTION = Obj("correction", model.Correction, (
    Field("date", DateValue(exact_day=True), True,
          "The day the correction was published, e.g. `2026-11-29`."),
    Field("text", Text(multiline=True), True,
          "Plain text in the dossier's own language: what was wrong, and what is right now."),
))

CORRECTIONS = Field(
    "corrections", ListOf(CORRECTION), False,
    "What the dossier once said wrongly here, oldest first; never deleted.",
    translatable=True, translated_as=ListOf(Text(multiline=True)))
"""Any entity may carry them; translated as a list of texts in the same order."""


def _entity_type(folder: str, cls: type, fields: tuple[Field, ...], doc: str) -> EntityType:
    """The type with ``corrections`` and ``translations`` added last: the latter a
    mapping of its translatable fields."""
    singular = folder[:-1]
    fields = (*fields, CORRECTIONS)
    translated = tuple(Field(f.name, f.translated_as or f.type, False,
                             f"`{f.name}` in that language.")
                       for f in fields if f.translatable)
    names = ", ".join(f.name for f in translated)
    translations = Field(
        "translations", Translations(Obj(f"{singular}'s translation", model.Translation,
                                         translated)), False,
        f"The {singular} in another language the site publishes (a key of "
        f"`extra.editions` in mkdocs.yml): any of {names}; each only where the field "
        "exists in the dossier's own language.")
    return EntityType(folder, cls, (*fields, translations), doc)


ARTICLE = _entity_type("articles", model.Article, (
    Field("title", Text(), True,
          "Headline exactly as published, in the article's language.", translatable=True),
    Field("title_en", Text(), False, "English translation of the headline."),
    Field("outlet", Text(), True, "Publication name as it styles itself."),
    Field("published", DateValue(allow_time=True), True,
          "Publication date, as precise as the source supports."),
    Field("language", LanguageTag(), True, "BCP 47 tag of the article text, e.g. `id`."),
    Field("authors", ListOf(Text()), False, "Bylines."),
    Field("editors", ListOf(Text()), False, "Editors credited by the outlet."),
    Field("url", Url(), False, "The article's address; never guessed."),
    Field("archived_url", Url(), False, "A snapshot of it in a web archive."),
    Field("archived_on", DateValue(), False,
          "The day that snapshot was taken (a date; with `archived_url` only)."),
    Field("retrieved", DateValue(), False, "Date the curator read it."),
    Field("based_on", ListOf(Text()), False, "Credited wire or original sources."),
    Field("summary", Markdown(), True,
          "The curator's neutral English summary (Markdown).", translatable=True),
    Field("key_points", ListOf(Markdown()), False,
          "Short Markdown statements.", translatable=True),
    Field("actors", ListOf(RefTo("actors"), min_items=1), True,
          "Ids of the actors the article mentions."),
    Field("places", ListOf(RefTo("places")), False, "Ids of the places it mentions."),
    Field("tags", ListOf(Tag()), False, "Short topic tags, e.g. `arms-negotiations`."),
    Field("quotes", ListOf(QUOTE), False, "Quotes attributed to named people or bodies."),
), "One news article as published.")

ACTOR = _entity_type("actors", model.Actor, (
    Field("name", Text(), True, "Common English name.", translatable=True),
    Field("kind", Choice(ACTOR_KINDS), True, "Person, organisation or state."),
    Field("aliases", ListOf(Text()), False,
          "Other spellings and names used by the sources.", translatable=True),
    Field("role", Text(), False,
          "One line: the role at the time of the events.", translatable=True),
    Field("country", RefTo("actors", ("state",)), False, "Id of an actor of kind `state`."),
    Field("affiliations", ListOf(RefTo("actors", ("organization", "state"))), False,
          "Ids of organisations or states the actor belongs to or speaks for."),
    Field("summary", Markdown(), True, "Profile (Markdown).", translatable=True),
    Field("links", ListOf(LINK), False, "References: title and URL."),
), "A person, organisation or state.")

EVENT = _entity_type("events", model.Event, (
    Field("date", DateValue(), True, "When it happened; intervals allowed."),
    Field("title", Text(), True, "One line, English.", translatable=True),
    Field("summary", Markdown(), False, "What happened (Markdown).", translatable=True),
    Field("actors", ListOf(RefTo("actors")), False, "Ids of the actors involved."),
    Field("places", ListOf(RefTo("places")), False, "Ids of the places involved."),
    Field("sources", ListOf(RefTo("articles"), min_items=1), True,
          "Ids of the articles that report it."),
), "One dated happening, for the timeline.")

CLAIM = _entity_type("claims", model.Claim, (
    Field("statement", Text(), True,
          "The claim in one neutral English sentence.", translatable=True),
    Field("summary", Markdown(), False, "Context (Markdown).", translatable=True),
    Field("stances", ListOf(STANCE, min_items=1), True, "Who asserts, denies or questions it."),
), "A statement of fact that actors assert or deny.")

PLACE = _entity_type("places", model.Place, (
    Field("name", Text(), True, "Common English name.", translatable=True),
    Field("kind", Text(), False, "`city`, `facility`, `region`, ..."),
    Field("country", RefTo("actors", ("state",)), False, "Id of an actor of kind `state`."),
    Field("coordinates", Coordinates(), False, "`[latitude, longitude]` in decimal degrees."),
    Field("summary", Markdown(), False, "Description (Markdown).", translatable=True),
), "A place.")

ENTITY_TYPES = {t.folder: t for t in (ARTICLE, ACTOR, EVENT, CLAIM, PLACE)}
