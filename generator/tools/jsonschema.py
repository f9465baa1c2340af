"""JSON Schemas of the source files, derived from the content model.

Editors read them to complete field names and flag mistakes while a contributor
types; ``python -m generator check`` stays the authority. The schemas are written
to ``generator/schemas/`` and committed, so an editor needs nothing but the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.dossier import schema as s

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
"""A BCP 47 language tag, as `translations` is keyed."""

UNFINISHED = s.UNFINISHED

_YEAR = r"\d{4}"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
_TIME = r"T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-](0\d|1[0-4]):[0-5]\d)"
_DATE_HINT = ("a date: 2023, 2023-09 or 2023-09-05, optionally followed by ~ (approximate), "
              "? (uncertain) or % (both), or an interval such as 2023-09-10/2023-09-13")
_TIME_HINT = "; a time may follow the day, e.g. 2023-09-05T06:45+07:00"


def type_name(entity_type: s.EntityType) -> str:
    """``article`` for the type kept in ``sources/articles/``."""
    return entity_type.folder[:-1]


def schema_file(entity_type: s.EntityType, folder: Path = SCHEMAS) -> Path:
    return folder / f"{type_name(entity_type)}.schema.json"


def date_pattern(allow_time: bool) -> str:
    """An ECMA-262 and Python regex for the EDTF forms that ``dates.parse_date`` reads.

    It checks the shape only; impossible days such as 2023-02-30 are left to ``check``."""
    day = _DAY + (f"({_TIME})?" if allow_time else "")
    point = f"{_YEAR}(-{_MONTH}(-{day})?)?[~?%]?"
    return f"^{point}(/{point})?$"


def _finished(one_line: bool) -> dict:
    unfinished = {"pattern": rf"^(?!{UNFINISHED}\b)",
                  "patternErrorMessage": f"replace the {UNFINISHED} placeholder with real content"}
    if not one_line:
        return {"type": "string", "minLength": 1, **unfinished}
    # Python's `$` also matches before a final newline, ECMA's does not: say it explicitly.
    single = {"pattern": r"^[^\n]*\n?$", "patternErrorMessage": "one line only"}
    # Two patterns need two subschemas; each keeps its own message for the editor.
    return {"type": "string", "minLength": 1, "allOf": [single, unfinished]}


def _value(kind) -> dict:
    if isinstance(kind, s.Text):
        return _finished(one_line=not kind.multiline)
    if isinstance(kind, s.Markdown):
        return _finished(one_line=False)
    if isinstance(kind, (s.RefTo, s.Tag)):
        return {"type": "string", "pattern": s.ID_PATTERN,
                "patternErrorMessage": "lower-case ASCII words joined by hyphens, "
                                       "e.g. `kim-jong-un`"}
    if isinstance(kind, s.DateValue) and kind.exact_day:
        return {"type": "string", "pattern": f"^{_YEAR}-{_MONTH}-{_DAY}$",
                "patternErrorMessage": "an exact day, e.g. 2026-11-29"}
    if isinstance(kind, s.DateValue):
        return {"type": "string", "pattern": date_pattern(kind.allow_time),
                "patternErrorMessage": _DATE_HINT + (_TIME_HINT if kind.allow_time else "")}
    if isinstance(kind, s.Url):
        return {"type": "string", "pattern": r"^https?://[^\s/?#]+\S*$",
                "patternErrorMessage": "an absolute address starting with http:// or https://"}
    if isinstance(kind, s.LanguageTag):
        return {"type": "string", "pattern": s.LANGUAGE_PATTERN,
                "patternErrorMessage": "a BCP 47 language tag, e.g. `id`, `en` or `en-GB`"}
    if isinstance(kind, s.Choice):
        return {"type": "string", "enum": list(kind.values)}
    if isinstance(kind, s.Coordinates):
        return {"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [
            {"type": "number", "minimum": -90, "maximum": 90, "description": "Latitude."},
            {"type": "number", "minimum": -180, "maximum": 180, "description": "Longitude."},
        ]}
    if isinstance(kind, s.ListOf):
        result = {"type": "array", "items": _value(kind.item)}
        if kind.min_items:
            result["minItems"] = kind.min_items
        return result
    if isinstance(kind, s.Obj):
        return {**_object(kind.fields, title=kind.name.capitalize()), "minProperties": 1}
    if isinstance(kind, s.Translations):
        # The keys are the dossier's other editions (mkdocs.yml), which `check` knows;
        # the schemas serve every dossier, so they ask only for a language tag.
        return {"type": "object", "propertyNames": {"pattern": LANGUAGE_TAG},
                "additionalProperties": {**_value(kind.item),
                                         "description": "In the language of the key."}}
    raise TypeError(kind)


def _object(fields: tuple[s.Field, ...], title: str, description: str = "") -> dict:
    result = {
        "type": "object",
        "title": title,
        "additionalProperties": False,
        "properties": {f.name: {**_value(f.type), "description": f.doc} for f in fields},
        "required": [f.name for f in fields if f.required],
    }
    if description:
        result["description"] = description
    return result


def entity_schema(entity_type: s.EntityType) -> dict:
    """The JSON Schema (draft 2020-12) of one source file of ``entity_type``."""
    name = type_name(entity_type)
    description = f"{entity_type.doc} A file in sources/{entity_type.folder}/; its name is its id."
    return {"$schema": DRAFT, **_object(entity_type.fields, name.capitalize(), description)}


def dumps(schema: dict) -> str:
    """The committed text of a schema: stable, so a change in the model shows as a diff."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def expected_files(folder: Path = SCHEMAS) -> dict[Path, str]:
    return {schema_file(t, folder): dumps(entity_schema(t)) for t in s.ENTITY_TYPES.values()}


def stale_files(folder: Path = SCHEMAS) -> list[tuple[Path, str]]:
    """Each file in ``folder`` that differs from the model, with what is wrong with it."""
    expected = expected_files(folder)
    problems = []
    for path, text in expected.items():
        if not path.exists():
            problems.append((path, "is missing"))
        elif path.read_text(encoding="utf-8") != text:
            problems.append((path, "is out of date"))
    if folder.is_dir():
        for path in sorted(folder.glob("*.schema.json")):
            if path not in expected:
                problems.append((path, "matches no entity type"))
    return problems


def write_files(folder: Path = SCHEMAS) -> list[Path]:
    """Bring ``folder`` in line with the model; return the files written or removed."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = expected_files(folder)
    changed = []
    for path, _ in stale_files(folder):
        if path in expected:
            path.write_text(expected[path], encoding="utf-8")
        else:
            path.unlink()
        changed.append(path)
    return changed
