"""The seed dossier's corrections, in the built site as a reader finds them: on each
corrected page and on each edition's corrections page, in the structured data, the
corrections feed and the downloads, axe-clean and with no request leaving the site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from pyld import jsonld

from tests.languages import TRANSLATION_LANGUAGES

from .browser import Traffic, serve, violations_at
from .conftest import ROOT
from .test_jsonld import local_loader

ID = TRANSLATION_LANGUAGES[0]
NOTICE = {"": "Corrected on ", f"{ID}/": "Dikoreksi pada "}
ITEM = re.compile(r'<li id="(correction-\d+)"><time datetime="([\d-]+)">[^<]+</time>: '
                  r'<span( lang="en")?>(.*?)</span></li>')


def _corrected() -> dict[str, dict]:
    """``folder/id`` -> the source file's data, for every entity with corrections."""
    found = {}
    for path in sorted((ROOT / "sources").glob("*/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("corrections"):
            found[f"{path.parent.name}/{path.stem}"] = data
    return found


CORRECTED = _corrected()


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site(built_sites) -> Path:
    return built_sites("mkdocs", ROOT / "sources")


def _page(site: Path, prefix: str, entity: str) -> str:
    return (site / prefix / entity / "index.html").read_text(encoding="utf-8")


def test_the_seed_dossier_carries_corrections_each_translated_and_dated_by_a_day():
    assert len(CORRECTED) >= 12
    for entity, data in CORRECTED.items():
        translated = data["translations"][ID]["corrections"]
        assert len(translated) == len(data["corrections"]), entity
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(c["date"]))
                   for c in data["corrections"]), entity


@pytest.mark.parametrize("prefix", NOTICE)
def test_every_corrected_page_has_the_notice_and_lists_its_corrections(site, prefix):
    for entity, data in CORRECTED.items():
        page = _page(site, prefix, entity)
        latest = str(data["corrections"][-1]["date"])
        assert NOTICE[prefix] in page, entity
        assert page.index(NOTICE[prefix]) < page.index('id="corrections"'), entity
        expected = [_plain(c["text"]) for c in data["corrections"]] if not prefix else \
            [_plain(t) for t in data["translations"][ID]["corrections"]]
        items = ITEM.findall(page)
        assert [html.unescape(text) for *_, text in items] == expected, entity
        assert all(not english for _, _, english, _ in items), entity
        assert [anchor for anchor, *_ in items] == \
            [f"correction-{n}" for n in range(1, len(expected) + 1)], entity
        assert items[-1][1] == latest, entity


@pytest.mark.parametrize("prefix", NOTICE)
def test_the_corrections_page_lists_every_correction_with_the_page_it_corrects(site, prefix):
    page = (site / prefix / "corrections" / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="\.\./([a-z]+/[a-z0-9-]+)/#(correction-\d+)"', page)
    expected = {(entity, f"correction-{n}") for entity, data in CORRECTED.items()
                for n in range(1, len(data["corrections"]) + 1)}
    assert set(linked) == expected and len(linked) == len(expected)


def test_each_corrected_pages_structured_data_carries_its_corrections(site):
    for entity, data in CORRECTED.items():
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                          _page(site, "", entity), re.S)
        structured = json.loads(found.group(1))
        assert [c["text"] for c in structured["correction"]] == \
            [_plain(c["text"]) for c in data["corrections"]], entity
        expanded = jsonld.expand(structured, {"documentLoader": local_loader,
                                              "base": f"http://127.0.0.1:8000/{entity}/"})
        comments = expanded[0]["http://schema.org/correction"]
        assert {tuple(c["@type"]) for c in comments} == {("http://schema.org/CorrectionComment",)}


def test_the_corrections_feed_and_the_downloads_carry_every_correction(site):
    total = sum(len(d["corrections"]) for d in CORRECTED.values())
    for prefix in NOTICE:
        parsed = feedparser.parse((site / prefix / "corrections.xml").read_bytes())
        assert not parsed.bozo and len(parsed.entries) == min(total, 50)
    doc = json.loads((site / "data" / "dossier.json").read_text(encoding="utf-8"))
    carried = sum(len(e["fields"].get("corrections", [])) for folder in
                  ("articles", "actors", "events", "claims", "places") for e in doc[folder])
    assert carried == total
    rows = sum(len((site / "data" / f"{kind}-corrections.csv").read_text(
        encoding="utf-8-sig").splitlines()) - 1
        for kind in ("article", "actor", "event", "claim", "place"))
    assert rows == total


def test_the_about_page_states_the_policy_the_structured_data_points_to(site):
    for prefix in NOTICE:
        about = (site / prefix / "about" / "index.html").read_text(encoding="utf-8")
        assert 'id="corrections-policy"' in about
        assert 'href="../corrections/"' in about


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


PAGES = ["corrections/", "claims/deliveries-from-north-korea-have-begun/",
         "articles/2023-09-05-egindo-korut-tanggung-konsekuensi/", "about/"]
CHECKED = PAGES[:2]
"""The two new layouts, the corrections page and a corrected page, are checked with axe."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", CHECKED + [f"{ID}/{p}" for p in CHECKED])
def test_axe_finds_no_serious_violation_on_corrected_pages(browser, base_url, path, width,
                                                           scheme):
    serious = violations_at(browser, f"{base_url}/{path}", width, scheme)
    assert serious == [], json.dumps(serious, indent=1)


def test_corrected_pages_make_no_request_outside_the_site(page, base_url):
    traffic = Traffic(page)
    for path in PAGES + [f"{ID}/{p}" for p in PAGES]:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{base_url}/claims/deliveries-from-north-korea-have-begun/")
    page.get_by_role("link", name="What was corrected").click()
    assert page.url.endswith("#corrections")
    assert traffic.foreign(base_url) == [] and traffic.errors == []
