"""The JSON Schemas for editors: committed, in step with the model, true to the sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import regress
import yaml

from generator.dossier import schema as s
from generator.dossier.dates import DateError, parse_date
from generator.tools.jsonschema import (
    SCHEMAS,
    date_pattern,
    dumps,
    entity_schema,
    schema_file,
    type_name,
)

from .conftest import SEED, ROOT, run_generator

TYPES = list(s.ENTITY_TYPES.values())
SOURCE_FILES = sorted((SEED).glob("*/*.yml"))


def load_instance(text: str, entity_type: s.EntityType):
    """The file as an editor sees it: every scalar a string, numbers where the model has them."""
    data = yaml.load(text, Loader=yaml.BaseLoader)
    if isinstance(data, dict):
        for f in entity_type.fields:
            if isinstance(f.type, s.Coordinates) and isinstance(data.get(f.name), list):
                data[f.name] = [_number(item) for item in data[f.name]]
    return data


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return text


def _ecma_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and regress.Regex(pattern).find(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# Editors match `pattern` as ECMA-262 regexes, not Python ones: validate as they do.
EditorValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                               {"pattern": _ecma_pattern})


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern":
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def errors(entity_type: s.EntityType, instance) -> list[str]:
    """Each problem as `$.field: message`, in the words an editor would show."""
    validator = EditorValidator(entity_schema(entity_type))
    return sorted(f"{e.json_path}: {_message(e)}" for e in validator.iter_errors(instance))


def _message(error: jsonschema.ValidationError) -> str:
    hint = error.schema.get("patternErrorMessage") if error.validator == "pattern" else None
    return f"{error.instance!r}: {hint}" if hint else error.message


def test_each_committed_schema_is_exactly_what_the_model_gives():
    for entity_type in TYPES:
        path = schema_file(entity_type)
        assert path.exists(), f"{path} is missing: run `python -m generator schema`"
        assert path.read_text(encoding="utf-8") == dumps(entity_schema(entity_type)), \
            f"{path} is stale: run `python -m generator schema`"


def test_the_schemas_folder_holds_one_schema_per_entity_type_and_nothing_else():
    names = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    assert names == sorted(f"{type_name(t)}.schema.json" for t in TYPES)


def test_schema_check_passes_on_the_committed_schemas():
    run = run_generator("schema", "--check", cwd=ROOT)
    assert run.code == 0, run.err


def test_schema_check_fails_and_names_the_file_that_differs_from_the_model(tmp_path):
    assert run_generator("schema", "--dir", str(tmp_path), cwd=ROOT).code == 0
    stale = tmp_path / "actor.schema.json"
    stale.write_text(stale.read_text().replace('"person"', '"persn"'))
    run = run_generator("schema", "--check", "--dir", str(tmp_path), cwd=ROOT)
    assert run.code == 1
    assert "actor.schema.json is out of date" in run.err
    assert "article.schema.json" not in run.err


def test_schema_check_fails_when_a_schema_is_missing(tmp_path):
    assert run_generator("schema", "--dir", str(tmp_path), cwd=ROOT).code == 0
    (tmp_path / "place.schema.json").unlink()
    run = run_generator("schema", "--check", "--dir", str(tmp_path), cwd=ROOT)
    assert run.code == 1
    assert "place.schema.json is missing" in run.err


def test_writing_the_schemas_again_changes_nothing(tmp_path):
    run_generator("schema", "--dir", str(tmp_path), cwd=ROOT)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run = run_generator("schema", "--dir", str(tmp_path), cwd=ROOT)
    assert "0 file(s) updated" in run.out
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_each_schema_is_a_valid_draft_2020_12_schema_with_ecma_regexes(entity_type):
    schema = entity_schema(entity_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    for pattern in _patterns(schema):
        regress.Regex(pattern)


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_each_schema_has_the_models_fields_required_ones_and_their_docs(entity_type):
    schema = entity_schema(entity_type)
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == [f.name for f in entity_type.fields]
    assert schema["required"] == [f.name for f in entity_type.fields if f.required]
    for f in entity_type.fields:
        assert schema["properties"][f.name]["description"] == f.doc


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_source_file_validates_against_its_schema(path: Path):
    entity_type = s.ENTITY_TYPES[path.parent.name]
    instance = load_instance(path.read_text(encoding="utf-8"), entity_type)
    assert errors(entity_type, instance) == []


def test_there_are_source_files_to_validate():
    assert {p.parent.name for p in SOURCE_FILES} == set(s.FOLDERS)


def _real_actor() -> str:
    return next(p for p in SOURCE_FILES if p.parent.name == "actors").read_text(encoding="utf-8")


def test_a_misspelled_choice_fails_and_the_error_names_the_field():
    broken = re.sub(r"(?m)^kind: .*$", "kind: persn", _real_actor())
    found = errors(s.ACTOR, load_instance(broken, s.ACTOR))
    assert len(found) == 1 and found[0].startswith("$.kind: 'persn' is not one of")


def test_an_unknown_field_fails_and_the_error_names_it():
    broken = _real_actor().replace("summary:", "sumary:", 1)
    found = "\n".join(errors(s.ACTOR, load_instance(broken, s.ACTOR)))
    assert "'sumary' was unexpected" in found
    assert "'summary' is a required property" in found


@pytest.mark.dossier
def test_a_quote_without_its_text_fails_and_the_error_points_into_the_quote():
    instance = {"title": "T", "outlet": "O", "published": "2023-09-05", "language": "id",
                "summary": "S", "actors": ["kim-jong-un"], "quotes": [{"by": "kim-jong-un"}]}
    assert errors(s.ARTICLE, instance) == ["$.quotes[0]: 'text' is a required property"]


def test_coordinates_out_of_range_fail():
    instance = {"name": "Nowhere", "coordinates": [91.0, 10.0]}
    assert errors(s.PLACE, instance) == ["$.coordinates[0]: 91.0 is greater than the maximum of 90"]


def test_a_one_line_field_rejects_a_second_line():
    found = errors(s.PLACE, {"name": "Two\nlines"})
    assert found and all(e.startswith("$.name:") for e in found)


def test_a_todo_placeholder_is_not_accepted_as_content():
    assert errors(s.PLACE, {"name": "TODO"})
    assert errors(s.PLACE, {"name": "Seoul", "summary": "TODO: describe it"})
    assert errors(s.PLACE, {"name": "Todos Santos"}) == []


def test_urls_must_be_absolute_http_or_https():
    actor = {"name": "A", "kind": "person", "summary": "S"}
    for bad in ("www.example.org", "ftp://example.org", "https://", "https://exa mple.org"):
        assert errors(s.ACTOR, {**actor, "links": [{"title": "t", "url": bad}]}), bad
    assert errors(s.ACTOR, {**actor, "links": [{"title": "t", "url": "https://e.org/a?b"}]}) == []


DATES = ["2023", "2023-09", "2023-09-05", "2023-09-05~", "2023-09-05?", "2023-09%", "2023~",
         "2023-09-10/2023-09-13", "2023-09~/2023-10", "2023-09-05T06:45+07:00",
         "2023-09-05T06:45:10Z", "2023-09-05T06:45-03:30?", "2023-09-05T06:45",
         "2023-13", "2023-00", "2023-09-32", "23-09-05", "2023/09/05", "2023-9-5",
         "5 September 2023", "2023-09-05T25:00+07:00", "2023-09-05T06:45+15:00",
         "2023-09-05~~", "TODO", ""]


@pytest.mark.parametrize("allow_time", [False, True], ids=["date", "published"])
def test_the_date_pattern_agrees_with_the_date_parser_in_python_and_ecma(allow_time):
    python, ecma = re.compile(date_pattern(allow_time)), regress.Regex(date_pattern(allow_time))
    for text in DATES:
        try:
            parse_date(text, allow_time=allow_time)
            parsed = True
        except DateError:
            parsed = False
        assert bool(python.search(text)) == parsed, text
        assert (ecma.find(text) is not None) == parsed, text


def test_only_an_articles_published_date_may_have_a_time():
    assert errors(s.EVENT, {"date": "2023-09-05T06:45+07:00", "title": "T", "sources": ["a"]})
    article = {"title": "T", "outlet": "O", "language": "id", "summary": "S", "actors": ["a"]}
    assert errors(s.ARTICLE, {**article, "published": "2023-09-05T06:45+07:00"}) == []


def test_the_editor_settings_map_every_schema_to_its_sources_folder():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    expected = {f"generator/schemas/{type_name(t)}.schema.json": f"sources/{t.folder}/*.yml"
                for t in TYPES}
    assert settings["yaml.schemas"] == expected
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    assert "redhat.vscode-yaml" in recommended["recommendations"]
