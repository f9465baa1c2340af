"""The Indonesian edition in a real browser: its own search, the switch, accessibility.

Every test runs against the site as built by each engine (MkDocs and Zensical)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from generator.build.site import ENGINES

from .browser import Traffic, search, serve, violations_at
from .conftest import SEED

pytestmark = pytest.mark.dossier
"""The seed dossier's own tests: they read its sources (tests/conftest.py, SEED)."""

KOMPAS = "articles/2023-09-05-kompas-kim-putin-senjata/"
ACTOR = "actors/kim-jong-un/"
PAGES = {"home": "id/", "article": "id/" + KOMPAS, "actor": "id/" + ACTOR,
         "claim": "id/claims/arms-negotiations-actively-advancing/", "timeline": "id/timeline/"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module", params=ENGINES)
def base_url(request, built_sites):
    with serve(built_sites(request.param, SEED)) as url:
        yield url


def _paths(results: list[str]) -> list[str]:
    return [urlsplit(href).path for href in results]


def test_searching_membahas_on_an_indonesian_page_finds_the_kompas_article_by_its_stem(
        page, base_url):
    # The Kompas.com headline says only "Bahas": Indonesian stemming makes the match.
    page.goto(base_url + "/id/")
    paths = _paths(search(page, "membahas"))
    assert "/id/" + KOMPAS in paths, paths
    assert all(path.startswith("/id/") for path in paths), paths


def test_searching_from_an_english_page_returns_english_pages(page, base_url):
    page.goto(base_url + "/")
    paths = _paths(search(page, "Kirby"))
    assert paths and all(not path.startswith("/id/") for path in paths), paths


def test_the_language_switch_opens_the_same_page_in_the_other_language(page, base_url):
    page.goto(base_url + "/" + ACTOR)
    page.locator(".md-select").hover()
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url("**/id/" + ACTOR)
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator(".md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(base_url + "/" + ACTOR)


def test_indonesian_pages_make_no_foreign_request_and_log_no_error(page, base_url):
    traffic = Traffic(page)
    for path in list(PAGES.values()) + ["id/about/", "id/places/"]:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    search(page, "Kirby")
    assert traffic.foreign(base_url) == []
    assert not [u for u in traffic.requests if u.endswith("sitemap.xml")]
    assert traffic.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation_on_indonesian_pages(browser, base_url, name, width,
                                                            scheme):
    serious = violations_at(browser, f"{base_url}/{PAGES[name]}", WIDTHS[width], scheme)
    assert serious == [], json.dumps(serious, indent=1)
