"""The dossier's entities as plain dataclasses, one per source file type."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.dossier.dates import Date


@dataclass(frozen=True, order=True)
class Ref:
    """A reference from one source file to another entity, by folder and id."""

    folder: str
    """``articles``, ``actors``, ``events``, ``claims`` or ``places``."""
    id: str
    line: int = field(default=0, compare=False, hash=False)
    """Where the reference is written, for error messages only."""


@dataclass
class Link:
    title: str
    """What the reader will click."""
    url: str
    """Absolute http(s) URL."""


@dataclass
class Translation:
    """An entity's translatable fields in one language; each is None where not translated.

    Which fields a type may translate is declared in ``schema.py``; the others stay None."""

    title: str | None = None
    name: str | None = None
    aliases: list[str] | None = None
    role: str | None = None
    statement: str | None = None
    summary: str | None = None
    """Markdown, like the field it translates."""
    key_points: list[str] | None = None
    """One per English point, in the same order."""
    corrections: list[str] | None = None
    """One text per correction, in the same order."""
    line: int = 0


@dataclass
class Quote:
    by: Ref
    """The actor the article attributes the words to."""
    text: str
    """Verbatim, in the article's language."""
    translation: str | None = None
    """English; required when the article is not in English."""
    said_on: Date | None = None
    translations: dict[str, str] = field(default_factory=dict)
    """Language tag -> the quote in that language, where the article's language differs."""
    line: int = 0


@dataclass
class Stance:
    actor: Ref
    """Who takes the position."""
    position: str
    """``asserts``, ``denies``, ``declines-to-comment`` or ``questions``."""
    source: Ref
    """The article that reports the stance."""
    quote: str | None = None
    """A verbatim fragment of that article."""
    translation: str | None = None
    """English; required with a quote when the article is not in English."""
    translations: dict[str, str] = field(default_factory=dict)
    """Language tag -> the quote in that language, where the article's language differs."""
    line: int = 0


@dataclass
class Correction:
    """What the dossier once said wrongly about an entity, and what is right now."""

    date: Date
    """The day the correction was published: an exact day."""
    text: str
    """Plain text, in the dossier's own language."""
    line: int = 0


@dataclass
class Entity:
    id: str
    """The file name without ``.yml``; permanent, it is the page's address."""
    path: str
    """The source file, relative to the project, for messages."""
    translations: dict[str, Translation] = field(default_factory=dict, kw_only=True)
    """Language tag -> this entity's translatable fields in that language (keyword only,
    so that an entity's own fields keep their positions after ``id`` and ``path``)."""
    corrections: list[Correction] = field(default_factory=list, kw_only=True)
    """Oldest first; a correction is never deleted."""


@dataclass
class Article(Entity):
    title: str = ""
    outlet: str = ""
    published: Date | None = None
    language: str = ""
    summary: str = ""
    actors: list[Ref] = field(default_factory=list)
    title_en: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    url: str | None = None
    archived_url: str | None = None
    archived_on: Date | None = None
    """The day the snapshot at ``archived_url`` was taken."""
    retrieved: Date | None = None
    based_on: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    places: list[Ref] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Actor(Entity):
    name: str = ""
    kind: str = ""
    summary: str = ""
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: Ref | None = None
    affiliations: list[Ref] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class Event(Entity):
    date: Date | None = None
    title: str = ""
    sources: list[Ref] = field(default_factory=list)
    summary: str | None = None
    actors: list[Ref] = field(default_factory=list)
    places: list[Ref] = field(default_factory=list)


@dataclass
class Claim(Entity):
    statement: str = ""
    stances: list[Stance] = field(default_factory=list)
    summary: str | None = None

    @property
    def contested(self) -> bool:
        positions = {s.position for s in self.stances}
        return {"asserts", "denies"} <= positions


@dataclass
class Place(Entity):
    name: str = ""
    kind: str | None = None
    country: Ref | None = None
    coordinates: tuple[float, float] | None = None
    summary: str | None = None


@dataclass
class Corpus:
    """Every valid entity of a dossier, by folder, each sorted by id."""

    articles: dict[str, Article] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)

    def folder(self, name: str) -> dict[str, Entity]:
        return getattr(self, name)
