"""Entities as plain data, in the shape contributors write them: what every download
shares.

The content model (``generator/schema.py``) is walked field by field, so a field
added to the model appears in the downloads without a change here. Values are the
ones in the source file: ids for references, dates as written (``2023-09-05~``),
Markdown as Markdown. Empty optional fields are left out, as in a source file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.dossier import schema as s
from generator.dossier.link import Dossier
from generator.dossier.model import Entity


def type_name(folder: str) -> str:
    """``article`` for ``articles``: the name of the entity type and of its schema."""
    return folder[:-1]


def page_path(folder: str, entity_id: str) -> str:
    """The entity page's address relative to the site's root."""
    return f"{folder}/{entity_id}/"


def value(data, kind):
    """A model value as JSON: ids for references, dates as written."""
    if isinstance(kind, s.ListOf):
        return [value(item, kind.item) for item in data]
    if isinstance(kind, s.Obj):
        return fields(data, kind.fields)
    if isinstance(kind, s.Translations):
        return {language: value(item, kind.item) for language, item in data.items()}
    if isinstance(kind, s.RefTo):
        return data.id
    if isinstance(kind, s.DateValue):
        return data.raw
    if isinstance(kind, s.Coordinates):
        return list(data)
    return data  # text, Markdown, a URL, a tag, a language tag or a choice: a string


def fields(entity, model_fields: tuple[s.Field, ...]) -> dict:
    """The fields that ``entity`` has, as its source file would hold them."""
    out = {}
    for f in model_fields:
        data = getattr(entity, f.name)
        if data is not None and data != "" and data != [] and data != {}:
            out[f.name] = value(data, f.type)
    return out


def source_form(folder: str, entity: Entity) -> dict:
    """What validates against ``<type>.schema.json``."""
    return fields(entity, s.ENTITY_TYPES[folder].fields)


@dataclass(frozen=True, order=True)
class Reference:
    """A reference written in a source file, with what it resolved to."""

    field: str
    """Where it is written, dotted for nested fields: ``actors``, ``quotes.by``."""
    folder: str
    id: str
    name: str
    """The target's name, title or statement."""


def label(entity: Entity) -> str:
    for attribute in ("name", "title", "statement"):
        text = getattr(entity, attribute, None)
        if text:
            return text
    return entity.id


def _refs(data, kind, where: str) -> Iterator[tuple[str, str, str]]:
    if data is None:
        return
    if isinstance(kind, s.RefTo):
        yield where, kind.folder, data.id
    elif isinstance(kind, s.ListOf):
        for item in data:
            yield from _refs(item, kind.item, where)
    elif isinstance(kind, s.Obj):
        for f in kind.fields:
            yield from _refs(getattr(data, f.name), f.type, f"{where}.{f.name}")


def references(d: Dossier, folder: str, entity: Entity) -> list[Reference]:
    """Every reference ``entity`` writes, once each, in a stable order."""
    found = {(where, target, target_id)
             for f in s.ENTITY_TYPES[folder].fields
             for where, target, target_id in _refs(getattr(entity, f.name), f.type, f.name)}
    return sorted(Reference(where, target, target_id,
                            label(d.corpus.folder(target)[target_id]))
                  for where, target, target_id in found)


def entities(d: Dossier) -> Iterator[tuple[str, Entity]]:
    """Every entity, by folder in the model's order, then by id."""
    for folder in s.FOLDERS:
        for entity_id in sorted(d.corpus.folder(folder)):
            yield folder, d.corpus.folder(folder)[entity_id]


def counts(d: Dossier) -> dict[str, int]:
    return {folder: len(d.corpus.folder(folder)) for folder in s.FOLDERS}
