"""``data/dossier.json``: every entity with its fields and resolved references, and
beside it the JSON Schemas its fields follow (``data/schemas/``).

Each entity's ``fields`` are its source file as JSON and validate against
``schemas/<type>.schema.json``, the schema editors use; ``references`` repeats every
id it writes with the name it resolved to. Backlinks (an actor's articles) are not
repeated: they are the same references read the other way.
"""

from __future__ import annotations

import json

from generator.tools import jsonschema
from generator.dossier import schema
from generator.dossier.link import Dossier
from generator.outputs import Publication
from generator.outputs.records import counts, entities, page_path, references, source_form, type_name

PATH = "data/dossier.json"
SCHEMA_FOLDER = "data/schemas"


def schema_path(folder: str) -> str:
    """Relative to ``data/``, where dossier.json is."""
    return f"schemas/{type_name(folder)}.schema.json"


def document(d: Dossier, publication: Publication) -> dict:
    doc = {
        "title": publication.site_name,
        "site_url": publication.site_url,
        "format": "Each entity's `fields` are its source file as JSON and validate against "
                  "the JSON Schema named in `schemas`; dates are EDTF as written (~ approximate, "
                  "? uncertain, / interval); `references` lists every id the entity writes, "
                  "with the name it resolves to; `page` is its page relative to the site.",
        "counts": counts(d),
        "schemas": {folder: schema_path(folder) for folder in schema.FOLDERS},
    }
    for folder in schema.FOLDERS:
        doc[folder] = []
    for folder, entity in entities(d):
        doc[folder].append({
            "id": entity.id,
            "type": type_name(folder),
            "page": page_path(folder, entity.id),
            "fields": source_form(folder, entity),
            "references": [{"field": r.field, "type": type_name(r.folder), "id": r.id,
                            "name": r.name} for r in references(d, folder, entity)],
        })
    return doc


def encode(data) -> bytes:
    """Sorted keys and no spaces: the same dossier gives the same, smallest bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8") + b"\n"


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    made = {PATH: encode(document(d, publication))}
    for entity_type in schema.ENTITY_TYPES.values():
        made[f"data/{schema_path(entity_type.folder)}"] = \
            jsonschema.dumps(jsonschema.entity_schema(entity_type)).encode("utf-8")
    return made
