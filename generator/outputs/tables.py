"""One CSV per entity type, for spreadsheets: ``data/<folder>.csv``, a row per entity.

Files are UTF-8 with a byte-order mark, so that Excel reads accents and Cyrillic
right, with a header row and CRLF line ends (RFC 4180). A column per field of the
content model, in its order, after ``id`` and ``page``; lists are joined with
``LIST_SEPARATOR``; coordinates are two columns. Lists of nested records (an
article's quotes, a claim's stances, an actor's links) have a CSV of their own,
``data/<type>-<field>.csv``, a row per record, starting with the entity's id.
Translations are a column per language and field, named as the path to them in
``dossier.json``: ``translations.id.summary``, a quote's ``translations.id``.

A text cell that a spreadsheet would take for a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, as
OWASP advises against CSV injection; ``dossier.json`` has the exact text.
"""

from __future__ import annotations

import csv
import io

from generator.dossier import schema as s
from generator.settings import other_languages
from generator.dossier.link import Dossier
from generator.outputs import Publication
from generator.outputs.records import entities, page_path, type_name, value

LIST_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table_path(folder: str) -> str:
    return f"data/{folder}.csv"


def nested_path(folder: str, field_name: str) -> str:
    return f"data/{type_name(folder)}-{field_name.replace('_', '-')}.csv"


def _is_nested(f: s.Field) -> bool:
    return isinstance(f.type, s.ListOf) and isinstance(f.type.item, s.Obj)


def nested_fields(entity_type: s.EntityType) -> list[s.Field]:
    """The fields that are lists of records: each has a CSV of its own."""
    return [f for f in entity_type.fields if _is_nested(f)]


def _text(data) -> str:
    return data if not data.startswith(_FORMULA_START) else "'" + data


def _translated(kind: s.Translations) -> list[tuple[str, str | None, object]]:
    """Each translation column: its language, the field it translates (None for a
    quote's, which translates the whole quote) and that field's type."""
    if isinstance(kind.item, s.Obj):
        return [(language, f.name, f.type) for language in other_languages()
                for f in kind.item.fields]
    return [(language, None, kind.item) for language in other_languages()]


def cells(data, kind) -> list[str]:
    """One field as cells: coordinates make two, translations one per language and
    field, everything else one."""
    if isinstance(kind, s.Translations):
        return [cell for language, name, item_kind in _translated(kind)
                for cell in cells(_in(data.get(language), name), item_kind)]
    if isinstance(kind, s.Coordinates):
        return [repr(x) for x in data] if data else ["", ""]
    if data is None or data == "" or data == []:
        return [""]
    if isinstance(kind, s.ListOf):
        return [LIST_SEPARATOR.join(cells(item, kind.item)[0] for item in data)]
    plain = value(data, kind)
    return [_text(plain) if isinstance(kind, (s.Text, s.Markdown)) else plain]


def _in(translation, name: str | None):
    return getattr(translation, name) if translation is not None and name else translation


def header(fields: tuple[s.Field, ...]) -> list[str]:
    names = []
    for f in fields:
        if isinstance(f.type, s.Coordinates):
            names += ["latitude", "longitude"]
        elif isinstance(f.type, s.Translations):
            names += [".".join(filter(None, (f.name, language, name)))
                      for language, name, _ in _translated(f.type)]
        else:
            names.append(f.name)
    return names


def row(record, fields: tuple[s.Field, ...]) -> list[str]:
    return [cell for f in fields for cell in cells(getattr(record, f.name), f.type)]


def encode(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def tables(d: Dossier) -> dict[str, list[list[str]]]:
    """Every CSV file's rows, header first, by path under docs/."""
    tables: dict[str, list[list[str]]] = {}
    for entity_type in s.ENTITY_TYPES.values():
        flat = tuple(f for f in entity_type.fields if not _is_nested(f))
        tables[table_path(entity_type.folder)] = [["id", "page", *header(flat)]]
        for f in nested_fields(entity_type):
            tables[nested_path(entity_type.folder, f.name)] = [
                [type_name(entity_type.folder), "order", *header(f.type.item.fields)]]
    for folder, entity in entities(d):
        entity_type = s.ENTITY_TYPES[folder]
        flat = tuple(f for f in entity_type.fields if not _is_nested(f))
        tables[table_path(folder)].append([entity.id, page_path(folder, entity.id),
                                           *row(entity, flat)])
        for f in nested_fields(entity_type):
            rows = tables[nested_path(folder, f.name)]
            for order, item in enumerate(getattr(entity, f.name), start=1):
                rows.append([entity.id, str(order), *row(item, f.type.item.fields)])
    return tables


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    return {path: encode(rows) for path, rows in tables(d).items()}
