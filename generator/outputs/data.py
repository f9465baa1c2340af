"""``/data/``: the dossier as downloads, and the page that explains and lists them.

The downloads are the site's, one set for every edition: made by the output modules
``dossier_json``, ``tables`` and ``ftm`` from the curated record, whose fields are
in English and whose ``translations`` carry the other languages. ``files`` returns
them; ``page`` is each edition's page about them, in its language, giving each
file's size and what it holds, and linking the one set. All are made anew on every
build from the same dossier, and the same dossier gives the same bytes.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal

from generator.settings import babel_locale
from generator.text import i18n
from generator.pages import render
from generator.dossier import schema
from generator.text.i18n import N_, gettext
from generator.settings import other_languages, own_language, prefix
from generator.dossier.link import Dossier
from generator.outputs import Publication
from generator.outputs import citations
from generator.outputs import dossier_json
from generator.outputs import ftm
from generator.outputs import tables
from generator.outputs.records import counts, type_name
from generator.views.citation import FORMATS

PAGE = "data/index.md"
DESCRIPTION = N_("The dossier as data: JSON, CSV and FollowTheMoney downloads, and their "
                 "schemas.")
TEMPLATE = "data.md.j2"

NOUNS = {
    "article": (N_("article"), N_("articles")), "actor": (N_("actor"), N_("actors")),
    "event": (N_("event"), N_("events")), "claim": (N_("claim"), N_("claims")),
    "place": (N_("place"), N_("places")), "quote": (N_("quote"), N_("quotes")),
    "stance": (N_("stance"), N_("stances")), "link": (N_("link"), N_("links")),
    "correction": (N_("correction"), N_("corrections")),
}
"""What the data page calls each kind of record, one and many: the content model's
entity types and lists of records."""
BYTES = N_("bytes")
NESTED_ROWS = {
    "quotes": N_("One row per quote of an article, with the article's id (CSV)"),
    "stances": N_("One row per stance of a claim, with the claim's id (CSV)"),
    "links": N_("One row per link of an actor, with the actor's id (CSV)"),
    "corrections": N_("One row per correction, with the id of the %(one)s it corrects (CSV)"),
}
"""What each CSV of records inside an entity holds, by the content model's field."""
SCHEMA_OF = {
    "article": N_("JSON Schema of an article's fields"),
    "actor": N_("JSON Schema of an actor's fields"),
    "event": N_("JSON Schema of an event's fields"),
    "claim": N_("JSON Schema of a claim's fields"),
    "place": N_("JSON Schema of a place's fields"),
}


@dataclass(frozen=True)
class Download:
    """One file as the page lists it."""

    name: str
    """Its path relative to ``data/``, as the page shows it."""
    href: str
    """The link's target from the edition's data page."""
    shared: bool
    """Whether the file is outside the edition's own docs tree (the one set in ``/data/``
    linked from ``/id/data/``): MkDocs checks no such link, so it is raw HTML, written
    as the built site serves it."""
    holds: str
    size: str
    contents: str
    """How many of what it holds."""


def number(n: int | Decimal, pattern: str = "#,##0") -> str:
    """``1,234`` in English, ``1.234`` in Indonesian: as the edition writes numbers."""
    return format_decimal(n, format=pattern, locale=babel_locale(i18n.language()))


def language_name(tag: str) -> str:
    """``Indonesian``, or ``Indonesia`` on an Indonesian page: as Babel's locale data
    names the language in the edition's."""
    return babel_locale(tag).get_language_name(babel_locale(i18n.language()))


def size_label(n: int) -> str:
    if n < 1000:
        return f"{number(n)} {gettext(BYTES)}"
    if n < 1_000_000:
        return f"{number(Decimal(n) / 1000, '#,##0.0')} kB"
    return f"{number(Decimal(n) / 1_000_000, '#,##0.0')} MB"


def noun(name: str, n: int = 1) -> str:
    one, many = NOUNS[name]
    return gettext(one if n == 1 else many)


def amount(n: int, name: str) -> str:
    return f"{number(n)} {noun(name, n)}"


def _entity_counts(by_folder: dict[str, int]) -> str:
    return ", ".join(amount(n, type_name(folder)) for folder, n in by_folder.items())


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    """Every download, made once for the whole site."""
    made = dossier_json.files(d, publication)
    made.update(tables.files(d, publication))
    made.update(ftm.files(d, publication))
    made.update(citations.bibliography(d))
    return made


def _ftm_counts(lines: bytes) -> Counter:
    # Read back from the file made once, rather than exporting the dossier again.
    return Counter(json.loads(line)["schema"] for line in lines.splitlines() if line)


def listing(d: Dossier, site: Mapping[str, bytes], up: str) -> list[Download]:
    """What the data page lists, in the edition's language, with the sizes of the files
    in ``site``; ``up`` leads from the edition's ``data/`` to the site's."""
    listed: list[Download] = []

    def add(path: str, holds: str, contents: str) -> None:
        name = posixpath.relpath(path, "data")
        listed.append(Download(name, up + name, bool(up), holds, size_label(len(site[path])),
                               contents))

    add(dossier_json.PATH, gettext("Every entity with its fields and resolved references (JSON)"),
        _entity_counts(counts(d)))
    for folder, n in counts(d).items():
        add(tables.table_path(folder),
            gettext("One row per %(one)s (CSV)") % {"one": noun(type_name(folder))},
            amount(n, type_name(folder)))
    for entity_type in schema.ENTITY_TYPES.values():
        for f in tables.nested_fields(entity_type):
            path = tables.nested_path(entity_type.folder, f.name)
            one = f.type.item.name
            records = sum(len(getattr(e, f.name)) for e in d.corpus.folder(entity_type.folder)
                          .values())
            add(path, gettext(NESTED_ROWS[f.name]) % {"one": noun(type_name(entity_type.folder))}
                if f.name == "corrections" else gettext(NESTED_ROWS[f.name]),
                amount(records, one))
    by_schema = _ftm_counts(site[ftm.PATH])
    add(ftm.PATH, gettext("FollowTheMoney entities, one per line (JSON lines)"),
        ", ".join(f"{number(n)} {name}" for name, n in sorted(by_schema.items())))
    for ext, name in FORMATS:
        add(f"{citations.BIBLIOGRAPHY}.{ext}",
            gettext("Every news report as a reference to cite (%(format)s)") % {"format": name},
            amount(len(d.corpus.articles), "article"))
    for entity_type in schema.ENTITY_TYPES.values():
        add(f"data/{dossier_json.schema_path(entity_type.folder)}",
            gettext(SCHEMA_OF[type_name(entity_type.folder)]), "")
    return listed


def page(d: Dossier, publication: Publication, site: Mapping[str, bytes]) -> dict[str, bytes]:
    """The data page of the edition being rendered, linking the site's downloads and
    the edition's PDF, which ``site`` holds when it was made."""
    language = i18n.language()
    up = "" if language == own_language() else "../" * (prefix(language).count("/") + 1) + "data/"
    description = gettext(DESCRIPTION)
    # The module, not its names: the renderer imports this package for its share cards.
    renderer = render.Renderer()
    from generator.outputs import pdf
    renderer.page(PAGE, TEMPLATE, downloads=listing(d, site, up), counts=counts(d),
                  documents=pdf.links(site),
                  site_name=publication.name_in(language), language=language,
                  translated=[language_name(other) for other in other_languages()],
                  front_matter=render.front_matter(
                      gettext("Data"), description, share=render.share(None, description)))
    return {PAGE: renderer.pages[PAGE].encode("utf-8")}
