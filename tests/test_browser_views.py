"""The who-said-what matrix, the places map and the stance tables in a real browser."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.dossier.diagnostics import Report
from generator.build.pipeline import check

from .browser import Traffic, serve, violations_at
from .conftest import SEED, FIXTURES, ROOT

pytestmark = pytest.mark.dossier
"""The seed dossier's own tests: they read its sources (tests/conftest.py, SEED)."""

CLAIM = "claims/arms-negotiations-actively-advancing/"
ARTICLE = "articles/2023-09-05-kompas-kim-putin-senjata/"
ACTOR = "actors/john-kirby/"
VIEWS = {"claims": "claims/", "places": "places/", "claim": CLAIM, "article": ARTICLE,
         "actor": ACTOR}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def base_url(built_sites):
    with serve(built_sites("mkdocs", SEED)) as url:
        yield url


@pytest.fixture(scope="module")
def other_topic_url(built_sites):
    with serve(built_sites("mkdocs", FIXTURES / "valid")) as url:
        yield url


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(url, width=1280, **options):
        context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page
    yield opener
    for context in contexts:
        context.close()


def _id(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def _matrix_cells(page) -> list[tuple[str, str, str, str]]:
    """(claim, actor, word, source article) for every mark in the matrix."""
    return [tuple(c) for c in page.evaluate("""() => {
        const table = document.querySelector('.dossier-matrix table');
        const actors = [...table.querySelectorAll('thead th')].map(
            th => th.querySelector('a') ? th.querySelector('a').getAttribute('href') : '');
        const cells = [];
        for (const tr of table.querySelectorAll('tbody tr')) {
            const claim = tr.querySelector('th a').getAttribute('href');
            [...tr.children].forEach((cell, i) => {
                for (const a of cell.querySelectorAll('a[class^="dossier-"]')) {
                    cells.push([claim, actors[i], a.textContent.trim(), a.getAttribute('href')]);
                }
            });
        }
        return cells;
    }""")]


def _stances(sources: Path) -> set[tuple[str, str, str, str]]:
    report = Report()
    d = check(sources, report)
    words = {"asserts": "✔ asserts", "denies": "✘ denies", "questions": "? questions",
             "declines-to-comment": "– declines"}
    return {(c.id, s.actor.id, words[s.position], s.source.id)
            for c in d.corpus.claims.values() for s in c.stances}


@pytest.mark.parametrize("corpus", ["seed", "other topic"])
def test_the_matrix_shows_every_stance_as_a_cell_linking_its_source(
        open_page, base_url, other_topic_url, corpus):
    url, sources = ((base_url, SEED) if corpus == "seed"
                    else (other_topic_url, FIXTURES / "valid"))
    cells = _matrix_cells(open_page(f"{url}/claims/"))
    assert {(_id(c), _id(a), w, _id(s)) for c, a, w, s in cells} == _stances(sources)


def test_the_matrix_lists_the_contested_claims_first(open_page, base_url):
    page = open_page(f"{base_url}/claims/")
    contested = page.eval_on_selector_all(
        ".dossier-matrix tbody th", "ths => ths.map(th => th.textContent.includes('Contested'))")
    assert contested == sorted(contested, reverse=True) and contested[0]


def test_the_matrix_has_headers_for_rows_and_columns_and_a_focusable_labelled_region(
        open_page, base_url):
    page = open_page(f"{base_url}/claims/")
    region = page.get_by_role("region", name="Who said what: claims by actor")
    assert region.get_attribute("tabindex") == "0"
    table = region.get_by_role("table")
    assert table.get_by_role("columnheader", name="John Kirby").count() == 1
    report = Report()
    assert table.get_by_role("rowheader").count() == len(
        check(SEED, report).corpus.claims)


def _places_with_coordinates(sources: Path) -> set[str]:
    report = Report()
    return {p.id for p in check(sources, report).corpus.places.values() if p.coordinates}


@pytest.mark.parametrize("corpus", ["seed", "other topic"])
def test_the_map_has_a_named_linked_marker_for_every_place_with_coordinates(
        open_page, base_url, other_topic_url, corpus):
    url, sources = ((base_url, SEED) if corpus == "seed"
                    else (other_topic_url, FIXTURES / "valid"))
    page = open_page(f"{url}/places/")
    markers = page.locator(".dossier-map svg a")
    hrefs = markers.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert {_id(h) for h in hrefs} == _places_with_coordinates(sources)
    names = page.locator(".dossier-map svg").get_by_role("link").evaluate_all(
        "as => as.map(a => a.querySelector('title').textContent)")
    assert len(names) == len(hrefs) and all(": " in n for n in names)


def test_places_without_coordinates_are_listed_under_the_map(open_page, base_url):
    page = open_page(f"{base_url}/places/")
    note = page.locator("article p", has_text="no coordinates")
    assert note.get_by_role("link", name="Pier 33 (Vladivostok)").count() == 1
    assert page.locator(".dossier-map svg a[href='pier-33-vladivostok/']").count() == 0


def test_a_marker_leads_to_its_place(open_page, base_url):
    page = open_page(f"{base_url}/places/")
    page.locator(".dossier-map svg a[href='vladivostok/'] circle").click()
    page.wait_for_url("**/places/vladivostok/")


def test_with_javascript_off_every_cell_marker_and_stance_link_works(open_page, base_url):
    hrefs = set()
    for path in ("claims/", "places/", CLAIM, ARTICLE, ACTOR):
        page = open_page(f"{base_url}/{path}", java_script_enabled=False)
        links = page.eval_on_selector_all(
            ".dossier-matrix a, .dossier-map a, .dossier-stances a",
            "as => as.map(a => a.href.baseVal !== undefined ? "
            "new URL(a.href.baseVal, location.href).href : a.href)")
        assert links, path
        hrefs.update(links)
    host = urlsplit(base_url).netloc
    for href in sorted(hrefs):
        assert urlsplit(href).netloc == host, href
        with urllib.request.urlopen(href) as response:
            assert response.status == 200, href


def test_an_articles_stance_table_drops_the_source_column(open_page, base_url):
    page = open_page(f"{base_url}/{ARTICLE}")
    headers = page.locator(".dossier-stances thead th").all_inner_texts()
    assert headers == ["Claim", "Actor", "Position", "Quote"]


@pytest.mark.parametrize("path", ["claims/", "places/", CLAIM, ARTICLE, ACTOR])
def test_at_phone_width_no_table_is_wider_than_its_box_nor_the_page_than_the_screen(
        open_page, base_url, path):
    page = open_page(f"{base_url}/{path}", width=390)
    page.wait_for_load_state("networkidle")
    widths = page.evaluate("""() => ({
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        tables: [...document.querySelectorAll('.dossier-stances table')].map(
            t => [t.scrollWidth, t.parentElement.clientWidth]),
    })""")
    assert widths["page"][0] <= widths["page"][1], widths
    assert all(inner <= box for inner, box in widths["tables"]), widths
    if path in (CLAIM, ARTICLE, ACTOR):
        assert widths["tables"], "no stance table on " + path


def test_at_phone_width_each_stance_row_reads_as_labelled_lines(open_page, base_url):
    page = open_page(f"{base_url}/{CLAIM}", width=390)
    quote = page.locator(".dossier-stances tbody td[data-label='Quote']").first
    label = quote.evaluate("td => getComputedStyle(td, '::before').content")
    assert "Quote" in label
    box = quote.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", VIEWS)
def test_axe_finds_no_serious_or_critical_violation(browser, base_url, name, width, scheme):
    serious = violations_at(browser, f"{base_url}/{VIEWS[name]}", WIDTHS[width], scheme)
    assert serious == [], json.dumps(serious, indent=1)


def test_the_views_make_no_third_party_request_and_no_console_error(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    traffic = Traffic(page)
    try:
        for path in VIEWS.values():
            page.goto(f"{base_url}/{path}")
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert traffic.foreign(base_url) == []
    assert traffic.errors == []
