"""`python -m generator new`: a commented template of exactly the model's fields."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.dossier import schema as s
from generator.tools.jsonschema import entity_schema, schema_file, type_name
from generator.tools.scaffold import schemas_folder, template
from generator.dossier.yamlnodes import parse

from .conftest import SEED, ROOT, run_generator

TYPES = list(s.ENTITY_TYPES.values())
DESCRIBED = re.compile(r"^# (?P<indent> *)(?P<name>\w+) \((?P<need>required|optional)\): ")
COMMENTED_OUT = re.compile(r"^# (\w+):")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """An empty sources folder in a project with this repository's languages."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return folder


def new(*args: str, root: Path):
    return run_generator("new", *args, "--root", str(root), cwd=root)


def test_new_writes_the_template_to_the_types_folder(sources):
    run = new("actor", "jane-doe", root=sources.parent)
    assert run.code == 0, run.err
    written = sources / "actors" / "jane-doe.yml"
    assert written.read_text(encoding="utf-8") == template(s.ACTOR, "jane-doe", ".schemas")
    assert "sources/actors/jane-doe.yml" in run.out


def test_the_first_line_points_editors_at_the_types_schema_in_this_repository():
    first = template(s.ARTICLE, "x", schemas_folder(ROOT)).splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../generator/schemas/article.schema.json"
    in_the_project = ROOT / "sources" / "articles" / first.split("=")[1]
    assert in_the_project.resolve() == schema_file(s.ARTICLE)


def test_in_a_dossier_the_first_line_points_at_the_schemas_make_writes(sources):
    new("article", "2024-03-02-example", root=sources.parent)
    first = (sources / "articles" / "2024-03-02-example.yml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../.schemas/article.schema.json"


def test_new_accepts_the_folder_name_as_the_type(sources):
    assert new("places", "seoul", root=sources.parent).code == 0
    assert (sources / "places" / "seoul.yml").exists()


def test_new_honours_an_explicit_sources_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = run_generator("new", "event", "summit", "--sources", str(elsewhere), cwd=tmp_path)
    assert run.code == 0, run.err
    assert (elsewhere / "events" / "summit.yml").exists()


def test_new_refuses_to_overwrite_an_existing_file(sources):
    existing = sources / "actors" / "jane-doe.yml"
    existing.parent.mkdir()
    existing.write_text("name: Jane Doe\n")
    run = new("actor", "jane-doe", root=sources.parent)
    assert run.code == 1
    assert "already exists" in run.err and "jane-doe.yml" in run.err
    assert existing.read_text() == "name: Jane Doe\n"


@pytest.mark.parametrize("bad_id, suggestion", [("Jane Doe", "jane-doe"),
                                                ("jane_doe", "jane-doe"),
                                                ("José Ramos-Horta", "jose-ramos-horta")])
def test_new_rejects_an_invalid_id_and_suggests_a_slug(sources, bad_id, suggestion):
    run = new("actor", bad_id, root=sources.parent)
    assert run.code == 2
    assert "lower-case ASCII" in run.err
    assert repr(suggestion) in run.err
    assert not (sources / "actors").exists()


def test_new_rejects_an_unknown_type_and_names_the_allowed_ones(sources):
    run = new("persn", "jane-doe", root=sources.parent)
    assert run.code == 2
    assert "unknown type 'persn'" in run.err
    assert "article, actor, event, claim, place" in run.err


def test_new_says_when_there_is_no_sources_folder(tmp_path):
    run = new("actor", "jane-doe", root=tmp_path)
    assert run.code == 2
    assert "sources folder not found" in run.err


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_the_template_describes_every_field_of_the_model_in_order(entity_type):
    described = [(m["indent"], m["name"], m["need"] == "required")
                 for m in map(DESCRIBED.match, template(entity_type, "x").splitlines()) if m]
    expected = []
    for f in entity_type.fields:
        expected.append(("", f.name, f.required))
        item = f.type.item if isinstance(f.type, s.ListOf) else None
        if isinstance(item, s.Obj):
            expected += [("  ", sub.name, sub.required) for sub in item.fields]
    assert described == expected


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_required_fields_are_written_and_optional_ones_commented_out(entity_type):
    text = template(entity_type, "x")
    data = yaml.load(text, Loader=yaml.BaseLoader)
    assert list(data) == [f.name for f in entity_type.fields if f.required]
    commented = [m[1] for m in map(COMMENTED_OUT.match, text.splitlines()) if m]
    assert commented == [f.name for f in entity_type.fields if not f.required]


def test_a_required_list_of_mappings_gets_one_item_with_its_required_fields():
    stances = yaml.load(template(s.CLAIM, "x"), Loader=yaml.BaseLoader)["stances"]
    stance = next(f.type.item for f in s.CLAIM.fields if f.name == "stances")
    assert [list(item) for item in stances] == [[f.name for f in stance.fields if f.required]]


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_the_template_is_yaml_that_the_generator_reads(entity_type):
    assert parse(template(entity_type, "x").encode()).problems == []


@pytest.mark.parametrize("entity_type", TYPES, ids=type_name)
def test_a_fresh_template_fails_its_schema_until_the_placeholders_are_replaced(entity_type):
    instance = yaml.load(template(entity_type, "x"), Loader=yaml.BaseLoader)
    validator = jsonschema.Draft202012Validator(entity_schema(entity_type))
    failing = {e.path[0] for e in validator.iter_errors(instance)}
    assert failing == {f.name for f in entity_type.fields if f.required} - {"actors", "sources"}


def test_check_reports_the_placeholders_of_a_fresh_article(project):
    assert new("article", "2023-09-06-example", root=project).code == 0
    run = run_generator("check", cwd=project)
    assert run.code == 1
    path = "sources/articles/2023-09-06-example.yml"
    problems = [line for line in run.err.splitlines() if line.startswith(path)]
    assert any("'published': 'TODO' is not a date" in line for line in problems)
    assert any("'language': 'TODO' is not a BCP 47 language tag" in line for line in problems)


def test_check_reports_a_placeholder_id_once_the_rest_is_filled_in(project):
    assert new("event", "example-event", root=project).code == 0
    path = project / "sources" / "events" / "example-event.yml"
    path.write_text(path.read_text().replace("date: TODO", "date: 2023-09-13")
                    .replace("title: TODO", "title: Example"))
    run = run_generator("check", cwd=project)
    assert run.code == 1
    assert "unknown article 'todo-article-id'" in run.err


def test_check_refuses_a_new_file_until_every_placeholder_is_replaced(sources):
    assert run_generator("new", "actor", "jane-doe", "--sources", str(sources), cwd=sources.parent).code == 0
    result = run_generator("check", "--sources", str(sources), cwd=sources.parent)
    assert result.code == 1
    assert "'name' still holds the TODO placeholder from `new`" in result.err
    assert "'summary' still holds the TODO placeholder from `new`" in result.err
