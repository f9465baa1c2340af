"""Structured data: schema.org JSON-LD on every entity page, as precise as the data.

The round trip runs pyld, a JSON-LD processor, with schema.org's context served from
``tests/schemaorg-context.jsonld`` and every other address refused: no test reaches
the network. That file holds the entries of schema.org's published context
(``schemaorgcontext.jsonld``, release 29.4) for the terms the generator uses, copied
as they are; a test fails when the generator starts using a term it lacks.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

from generator.dossier.dates import parse_date
from generator.views.jsonld import Describer, exact_date, script_text
from tests.languages import EDITIONS, TRANSLATION_LANGUAGES, prefix
from generator.outputs import Publication
from generator.build.pipeline import generate

from .conftest import FIXTURES, ROOT, SEED, corpus_names, dossier_of

CONTEXT_FILE = Path(__file__).parent / "schemaorg-context.jsonld"
SCHEMA_ORG = {"https://schema.org", "https://schema.org/", "http://schema.org",
              "http://schema.org/"}
SITE = "https://example.github.io/dossier/"
EXPECTED_TYPES = {"articles": {"NewsArticle"}, "events": {"Event"}, "claims": {"Claim"},
                  "places": {"Place"}, "actors": {"Person", "Organization", "Country"}}
CORPORA = {"real": SEED, "valid": FIXTURES / "valid", "hostile": FIXTURES / "hostile"}


class RefusedRequest(Exception):
    pass


def local_loader(url, options=None):
    """schema.org's context from the local copy; anything else is refused."""
    if url not in SCHEMA_ORG:
        raise RefusedRequest(f"the JSON-LD test may not fetch {url}")
    return {"contextUrl": None, "documentUrl": "https://schema.org/",
            "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))}


@functools.lru_cache(maxsize=None)
def _pages(sources: Path, site_url: str | None) -> dict:
    return generate(dossier_of(sources), Publication(site_url=site_url), workers=1)


@functools.lru_cache(maxsize=None)
def structured_data(sources: Path, site_url: str | None = SITE, language: str = "en"
                    ) -> dict[str, dict]:
    """Every entity page's JSON-LD in ``language``'s edition, by its path in the edition,
    parsed from the front matter the theme prints. Shared between tests: none may change it."""
    found = {}
    for path, text in _pages(sources, site_url).items():
        own = path.removeprefix(prefix(language))
        if not path.startswith(prefix(language)) or own.split("/")[0] in TRANSLATION_LANGUAGES:
            continue  # another edition's page, under its own address
        match = re.search(r'^jsonld: (".*")$', text, re.M) if isinstance(text, str) else None
        if match:
            found[own] = json.loads(json.loads(match.group(1)))
    return found


@pytest.fixture(scope="module", params=[
    pytest.param((name, language), id=f"{name}-{language}",
                 marks=[pytest.mark.dossier] if CORPORA[name] == SEED else [])
    for name in sorted(CORPORA) for language in EDITIONS])
def corpus(request) -> tuple[Path, dict[str, dict]]:
    name, language = request.param
    return CORPORA[name], structured_data(CORPORA[name], language=language), language


def _terms(node) -> set[str]:
    if isinstance(node, list):
        return set().union(*map(_terms, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = {key for key in node if not key.startswith("@")}
    found |= {node["@type"]} if isinstance(node.get("@type"), str) else set()
    return found.union(*(_terms(value) for value in node.values()))


def test_every_entity_page_has_structured_data_of_its_type(corpus):
    sources, found, language = corpus
    entities = {f"{p.parent.name}/{p.stem}.md" for p in sources.glob("*/*.yml")}
    assert set(found) == entities
    for path, data in found.items():
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "WebPage"
        assert data["url"] == f"{SITE}{prefix(language)}{path.removesuffix('.md')}/"
        assert data["inLanguage"] == language
        assert data["about"]["@type"] in EXPECTED_TYPES[path.split("/")[0]], path


def test_actors_are_typed_by_kind(corpus):
    sources, found, _ = corpus
    kinds = {"person": "Person", "organization": "Organization", "state": "Country"}
    for path, data in found.items():
        if path.startswith("actors/"):
            kind = re.search(r"^kind: (\w+)", (sources / path.replace(".md", ".yml"))
                             .read_text(encoding="utf-8"), re.M).group(1)
            assert data["about"]["@type"] == kinds[kind], path


def test_every_term_is_one_schema_org_defines(corpus):
    _, found, _ = corpus
    defined = set(json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"])
    for path, data in found.items():
        assert _terms(data) <= defined, (path, _terms(data) - defined)


def test_structured_data_round_trips_through_a_json_ld_processor(corpus):
    _, found, _ = corpus
    options = {"documentLoader": local_loader}
    for path, data in found.items():
        expanded = jsonld.expand(data, options)
        assert expanded and expanded[0]["@type"] == ["http://schema.org/WebPage"], path
        compacted = jsonld.compact(expanded, data["@context"], options)
        assert jsonld.expand(compacted, options) == expanded, path
        # Nothing is dropped on the way: every text of the page's data is in the graph.
        texts = re.findall(r'"((?:[^"\\]|\\.)*)"', json.dumps(data, ensure_ascii=False))
        graph = json.dumps(expanded, ensure_ascii=False)
        assert all(f'"{t}"' in graph for t in texts if not t.startswith(("@", "http"))
                   and t not in _terms(data)), path


def test_the_loader_refuses_every_other_address():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"},
                      {"documentLoader": local_loader})


def test_a_local_build_gives_addresses_relative_to_the_page():
    found = structured_data(FIXTURES / "valid", site_url=None)
    data = found["actors/maria-costa.md"]
    assert data["url"] == "../../actors/maria-costa/"
    expanded = jsonld.expand(data, {"documentLoader": local_loader,
                                    "base": "http://127.0.0.1:8000/actors/maria-costa/"})
    assert expanded[0]["@id"] == "http://127.0.0.1:8000/actors/maria-costa/"


@pytest.mark.parametrize("raw, published", [
    ("2023-09-05T06:45+07:00", "2023-09-05T06:45+07:00"),
    ("2023-09-05", "2023-09-05"),
    ("2023-09", "2023-09"),
    ("2023", "2023"),
    ("2023-09-05~", None),
    ("2023-09-05?", None),
    ("2023-09%", None),
    ("2023-09-10/2023-09-13", None),
])
def test_a_date_is_given_only_as_precisely_as_the_source_gives_it(raw, published):
    assert exact_date(parse_date(raw, allow_time=True)) == published


def test_an_article_with_an_approximate_date_has_no_publication_date():
    d = dossier_of(FIXTURES / "valid")
    article = d.corpus.articles["2024-03-12-jornal-do-vale-contrato-agua"]
    describe = Describer(d, SITE)
    assert describe.articles(article)["datePublished"] == "2024-03-12T08:30+00:00"
    article.published = parse_date("2024-03-12~")
    assert "datePublished" not in describe.articles(article)


def test_an_event_interval_keeps_each_end_that_is_exact():
    d = dossier_of(FIXTURES / "valid")
    event = next(iter(d.corpus.events.values()))
    describe = Describer(d, SITE)
    event.date = parse_date("2024-03-10~/2024-03-14")
    node = describe.events(event)
    assert "startDate" not in node and node["endDate"] == "2024-03-14"
    event.date = parse_date("2024-03")
    assert describe.events(event)["startDate"] == "2024-03"


def test_an_article_names_its_outlet_authors_and_wire_credits():
    data = structured_data(FIXTURES / "valid")[
        "articles/2024-03-15-valley-tribune-water-contract.md"]["about"]
    assert data["publisher"] == {"@type": "Organization", "name": "The Valley Tribune"}
    assert data["author"] == [{"@type": "Person", "name": "Tom Hale"}]
    assert data["isBasedOn"][0]["publisher"]["name"] == "Lusa"
    assert data["url"] == "https://valley-tribune.example/news/utility-rejects-audit"
    assert data["inLanguage"] == "en"


def test_a_claim_lists_each_stance_with_its_actor_and_source():
    found = structured_data(FIXTURES / "valid")
    claim = found["claims/tariffs-rose-forty-percent-since-2019.md"]["about"]
    stances = {(a["creator"]["name"], a["description"].removeprefix(a["creator"]["name"] + " "),
                a["isPartOf"]["@id"].split("/")[-2]) for a in claim["appearance"]}
    assert stances == {
        ("Maria Costa", "asserts", "2024-03-12-jornal-do-vale-contrato-agua"),
        ("João Pereira", "denies", "2024-03-15-valley-tribune-water-contract")}


def test_a_place_has_its_coordinates():
    place = structured_data(FIXTURES / "valid")["places/vale-verde.md"]["about"]
    assert place["geo"]["@type"] == "GeoCoordinates"
    assert isinstance(place["geo"]["latitude"], float)


def test_script_text_cannot_end_the_script_element_and_parses_to_the_same_data():
    data = {"name": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = script_text(data)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == data


@pytest.mark.dossier
def test_an_indonesian_page_describes_the_entity_in_indonesian_at_its_own_address():
    data = structured_data(SEED, language="id")["actors/north-korea.md"]
    assert data["inLanguage"] == "id"
    assert data["name"] == data["about"]["name"] == "Korea Utara"
    assert data["url"] == f"{SITE}id/actors/north-korea/"
    assert data["about"]["@id"].startswith(f"{SITE}id/actors/north-korea/")


@pytest.mark.dossier
def test_a_source_report_keeps_its_own_language_and_headline_in_every_edition():
    for language in EDITIONS:
        report = structured_data(SEED, language=language)[
            "articles/2023-09-05-kompas-kim-putin-senjata.md"]["about"]
        assert report["@type"] == "NewsArticle"
        assert report["inLanguage"] == "id"
        assert report["headline"].startswith("Kim Jong Un Disebut Akan Bertemu Putin")


def test_without_translations_an_indonesian_page_states_its_language_and_gives_the_english():
    english = structured_data(FIXTURES / "valid")["actors/maria-costa.md"]
    indonesian = structured_data(FIXTURES / "valid", language="id")["actors/maria-costa.md"]
    assert indonesian["inLanguage"] == "id" and english["inLanguage"] == "en"
    assert indonesian["about"]["description"] == english["about"]["description"]


def test_hostile_text_in_a_translation_stays_inert_in_the_indonesian_structured_data():
    pages = _pages(FIXTURES / "hostile", SITE)
    text = pages["id/actors/hostile-person.md"]
    value = json.loads(re.search(r'^jsonld: (".*")$', text, re.M).group(1))
    assert "ID Person name <script>" in json.loads(value)["name"]
    assert not re.search(r"[<>&]", value)  # as printed inside the page's script element
