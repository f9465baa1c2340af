"""``/data/``: the dossier as downloads, and the page that explains and lists them.

The downloads are made first, by the output modules ``dossier_json``, ``tables``
and ``ftm``, so that the page can give each file's size and what it holds; this
module's ``files`` returns them all with the page, and is the one listed in
``OUTPUTS``. All are made anew on every build from the same dossier, and the same
dossier gives the same bytes.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass

from .. import render, schema
from ..diagnostics import with_article
from ..link import Dossier
from . import Publication, dossier_json, ftm, tables
from .records import counts, type_name

PAGE = "data/index.md"
DESCRIPTION = "The dossier as data: JSON, CSV and FollowTheMoney downloads, and their schemas."
TEMPLATE = "data.md.j2"


@dataclass(frozen=True)
class Download:
    """One file as the page lists it."""

    name: str
    """Its path relative to ``data/``: the link's target."""
    holds: str
    size: str
    contents: str
    """How many of what it holds."""


def size_label(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def amount(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _entity_counts(by_folder: dict[str, int]) -> str:
    return ", ".join(amount(n, type_name(folder), folder) for folder, n in by_folder.items())


def downloads(d: Dossier, publication: Publication) -> tuple[dict[str, bytes], list[Download]]:
    made: dict[str, bytes] = {}
    listed: list[Download] = []

    def add(path: str, data: bytes, holds: str, contents: str) -> None:
        made[path] = data
        listed.append(Download(posixpath.relpath(path, "data"), holds, size_label(len(data)),
                               contents))

    whole = dossier_json.files(d, publication)
    add(dossier_json.PATH, whole.pop(dossier_json.PATH),
        "Every entity with its fields and resolved references (JSON)",
        _entity_counts(counts(d)))
    rows = tables.tables(d)
    for folder, n in counts(d).items():
        path = tables.table_path(folder)
        add(path, tables.encode(rows.pop(path)), f"One row per {type_name(folder)} (CSV)",
            amount(n, type_name(folder), folder))
    for entity_type in schema.ENTITY_TYPES.values():
        owner = type_name(entity_type.folder)
        for f in tables.nested_fields(entity_type):
            table = rows.pop(tables.nested_path(entity_type.folder, f.name))
            one = f.type.item.name
            add(tables.nested_path(entity_type.folder, f.name), tables.encode(table),
                f"One row per {one} of {with_article(owner)}, with the {owner}'s id (CSV)",
                amount(len(table) - 1, one, f.name))
    proxies = ftm.export(d, publication)
    by_schema = Counter(p.schema.name for p in proxies)
    add(ftm.PATH, ftm.encode(proxies), "FollowTheMoney entities, one per line (JSON lines)",
        ", ".join(f"{n:,} {name}" for name, n in sorted(by_schema.items())))
    for entity_type in schema.ENTITY_TYPES.values():
        path = f"data/{dossier_json.schema_path(entity_type.folder)}"
        add(path, whole.pop(path),
            f"JSON Schema of {with_article(type_name(entity_type.folder))}'s fields", "")
    return made, listed


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    made, listed = downloads(d, publication)
    # The module, not its names: the renderer imports this package for its share cards.
    renderer = render.Renderer()
    renderer.page(PAGE, TEMPLATE, downloads=listed, site_name=publication.site_name,
                  counts=counts(d),
                  front_matter=render.front_matter(
                      "Data", DESCRIPTION, share=render.share(None, DESCRIPTION)))
    made[PAGE] = renderer.pages[PAGE].encode("utf-8")
    return made
