"""The dossier as data under /data/: JSON, CSV and FollowTheMoney, on any corpus."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections import Counter

import jsonschema
import pytest
import yaml
from followthemoney import model

from generator.dossier import schema
from generator.dossier.dates import parse_date
from generator.tools.jsonschema import SCHEMAS
from generator.outputs import Publication, data, ftm, tables
from generator.build.pipeline import generate

from .conftest import FIXTURES, ROOT, SEED, corpus_names, dossier_of

CORPORA = {"real": SEED, "valid": FIXTURES / "valid", "hostile": FIXTURES / "hostile"}
SITE = "https://example.github.io/dossier/"


@functools.lru_cache(maxsize=None)
def downloads(name: str) -> dict[str, bytes]:
    made = generate(dossier_of(CORPORA[name]), Publication(site_url=SITE), workers=1)
    return {path: content for path, content in made.items() if path.startswith("data/")}


def files_in(name: str) -> Counter:
    return Counter({folder: len(list((CORPORA[name] / folder).glob("*.yml")))
                    for folder in schema.FOLDERS})


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.fixture(params=corpus_names(CORPORA))
def name(request) -> str:
    return request.param


def test_dossier_json_counts_every_source_file(name):
    document = json.loads(downloads(name)["data/dossier.json"])
    assert Counter({f: len(document[f]) for f in schema.FOLDERS}) == files_in(name)
    assert document["counts"] == dict(files_in(name))


def test_every_entity_validates_against_the_published_schema(name):
    made = downloads(name)
    document = json.loads(made["data/dossier.json"])
    for folder in schema.FOLDERS:
        published = json.loads(made[f"data/{document['schemas'][folder]}"])
        validator = jsonschema.Draft202012Validator(published)
        for record in document[folder]:
            errors = [e.message for e in validator.iter_errors(record["fields"])]
            assert errors == [], (folder, record["id"], errors)


def test_the_published_schemas_are_the_ones_editors_use():
    made = downloads("real")
    for path in SCHEMAS.glob("*.schema.json"):
        assert made[f"data/schemas/{path.name}"] == path.read_bytes()


def test_every_reference_resolves_to_an_entity_in_the_file(name):
    document = json.loads(downloads(name)["data/dossier.json"])
    names = {(record["type"], record["id"]): record for f in schema.FOLDERS
             for record in document[f]}
    resolved = 0
    for folder in schema.FOLDERS:
        for record in document[folder]:
            for ref in record["references"]:
                target = names[(ref["type"], ref["id"])]
                label = target["fields"].get("name") or target["fields"].get("title") \
                    or target["fields"].get("statement")
                assert ref["name"] == label
                resolved += 1
    assert resolved > 0


@pytest.mark.dossier
def test_fields_are_as_the_curators_wrote_them():
    document = json.loads(downloads("real")["data/dossier.json"])
    for article in document["articles"]:
        source = yaml.load((SEED / "articles" / f"{article['id']}.yml")
                           .read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert article["fields"]["published"] == source["published"]
        assert article["fields"]["title"] == source["title"]
        assert article["page"] == f"articles/{article['id']}/"
        for actor in source["actors"]:
            assert {"field": "actors", "type": "actor", "id": actor,
                    "name": dossier_of(SEED).corpus.actors[actor].name} \
                in article["references"]


def test_each_csv_opens_with_the_csv_module_and_has_a_row_per_entity(name):
    made = downloads(name)
    for folder, n in files_in(name).items():
        content = made[f"data/{folder}.csv"]
        assert content.startswith(b"\xef\xbb\xbf")  # the mark spreadsheets look for
        rows = csv_rows(content)
        assert len(rows) == n
        assert sorted(r["id"] for r in rows) == sorted(
            p.stem for p in (CORPORA[name] / folder).glob("*.yml"))


def test_records_inside_entities_have_csv_files_of_their_own(name):
    d = dossier_of(CORPORA[name])
    made = downloads(name)
    quotes = csv_rows(made["data/article-quotes.csv"])
    stances = csv_rows(made["data/claim-stances.csv"])
    assert len(quotes) == sum(len(a.quotes) for a in d.corpus.articles.values())
    assert len(stances) == sum(len(c.stances) for c in d.corpus.claims.values())
    assert {s["claim"] for s in stances} == set(d.corpus.claims)


def test_lists_are_joined_with_a_semicolon_and_coordinates_split():
    made = downloads("valid")
    article = next(r for r in csv_rows(made["data/articles.csv"])
                   if r["id"] == "2024-03-12-jornal-do-vale-contrato-agua")
    assert article["actors"] == "maria-costa; aguas-do-vale; portugal"
    assert article["tags"] == "water-contract; tariffs"
    place = next(r for r in csv_rows(made["data/places.csv"]) if r["id"] == "vale-verde")
    assert (place["latitude"], place["longitude"]) == ("41.15", "-8.61")


def test_a_text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    assert tables.cells("=HYPERLINK(\"x\")", schema.Text()) == ["'=HYPERLINK(\"x\")"]
    assert tables.cells("-5 percent", schema.Markdown()) == ["'-5 percent"]
    assert tables.cells("plain", schema.Text()) == ["plain"]


def test_each_followthemoney_line_loads_with_the_model(name):
    lines = downloads(name)["data/dossier.ftm.json"].decode("utf-8").splitlines()
    ids = set()
    for line in lines:
        raw = json.loads(line)
        proxy = model.get_proxy(raw, cleaned=False)
        assert proxy.to_dict()["properties"] == raw["properties"], line
        ids.add(proxy.id)
    assert len(ids) == len(lines)
    for line in lines:
        proxy = model.get_proxy(json.loads(line))
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (proxy.id, prop.name)


def test_followthemoney_holds_people_organisations_articles_and_events(name):
    d = dossier_of(CORPORA[name])
    lines = downloads(name)["data/dossier.ftm.json"].decode("utf-8").splitlines()
    schemata = Counter(json.loads(line)["schema"] for line in lines)
    kinds = Counter(a.kind for a in d.corpus.actors.values())
    assert schemata["Person"] == kinds["person"]
    assert schemata["Organization"] == kinds["organization"]
    assert schemata["PublicBody"] == kinds["state"]
    assert schemata["Article"] == len(d.corpus.articles)
    assert schemata["Event"] == len(d.corpus.events)
    mentions = sum(len(a.actors) + len(a.places) for a in d.corpus.articles.values())
    reports = sum(len(e.sources) for e in d.corpus.events.values())
    stances = sum(len(c.stances) for c in d.corpus.claims.values())
    assert schemata["Documentation"] == mentions + reports + stances


@pytest.mark.parametrize("published, expected", [
    ("2024-03-12T08:30+00:00", ["2024-03-12"]), ("2024-03", ["2024-03"]),
    ("2024-03-12~", None), ("2024-03-12?", None), ("2024-03-11/2024-03-12", None)])
def test_followthemoney_dates_are_never_more_precise_than_the_source(published, expected):
    d = dossier_of(FIXTURES / "valid")
    article = d.corpus.articles["2024-03-12-jornal-do-vale-contrato-agua"]
    article.published = parse_date(published, allow_time=True)
    made = {p.id: p.to_dict()["properties"] for p in ftm.export(d, Publication())}
    assert made[f"article-{article.id}"].get("publishedAt") == expected


def test_the_data_page_lists_every_download_with_its_size(name):
    made = downloads(name)
    page = made[data.PAGE].decode("utf-8")
    for path, content in made.items():
        if path == data.PAGE:
            continue
        listed = path.removeprefix("data/")
        row = re.search(rf"^\| \[{re.escape(_md(listed))}\]\({re.escape(listed)}\) \|.*$",
                        page, re.M)
        assert row, listed
        assert f"| {_md(data.size_label(len(content)))} |" in row.group(0), listed


def _md(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>])", r"\\\1", text)


def test_downloads_are_the_same_bytes_on_every_build(name):
    again = generate(dossier_of(CORPORA[name]), Publication(site_url=SITE), workers=1)
    assert {p: again[p] for p in downloads(name)} == downloads(name)


def test_a_local_build_gives_no_public_address_in_followthemoney():
    made = generate(dossier_of(FIXTURES / "valid"), Publication(), workers=1)
    assert b"127.0.0.1" not in made[ftm.PATH]
    assert json.loads(made["data/dossier.json"])["site_url"] is None


@pytest.mark.dossier
def test_translations_are_csv_columns_named_by_their_path_in_dossier_json():
    made = downloads("real")
    north_korea = next(r for r in csv_rows(made["data/actors.csv"]) if r["id"] == "north-korea")
    assert north_korea["translations.id.name"] == "Korea Utara"
    assert "translations" not in north_korea
    quotes = csv_rows(made["data/article-quotes.csv"])
    assert "translations.id" in quotes[0]
    document = json.loads(made["data/dossier.json"])
    fields = next(a for a in document["actors"] if a["id"] == "north-korea")["fields"]
    assert fields["translations"]["id"]["name"] == north_korea["translations.id.name"]


def test_without_translations_the_translation_columns_are_there_and_empty():
    rows = csv_rows(downloads("valid")["data/events.csv"])
    assert rows and all(r["translations.id.title"] == "" for r in rows)


@functools.lru_cache(maxsize=None)
def indonesian_data_page(name: str) -> str:
    made = generate(dossier_of(CORPORA[name]), Publication(site_url=SITE), workers=1)
    return made["id/" + data.PAGE].decode("utf-8")


def test_the_indonesian_data_page_says_in_indonesian_which_language_the_fields_are_in():
    page = indonesian_data_page("real")
    section = page.split("## Bahasa\n", 1)[1].split("\n## ", 1)[0]
    assert "Bidang-bidangnya berbahasa Inggris" in section
    assert "dalam bahasa Indonesia" in section
    assert "[umpan Atom](../feed.xml)" in page  # the edition's own feed


@pytest.mark.parametrize("name", ["real", "valid"])
def test_the_indonesian_data_page_lists_every_download_of_the_one_set(name):
    page = indonesian_data_page(name)
    for path in downloads(name):
        if path != data.PAGE:
            assert f'<a href="../../{path}">' in page, path
    assert "| Berkas | Keterangan | Ukuran | Jumlah |" in page
