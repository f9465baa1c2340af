"""The reader's promises, checked in a real browser: search, links, privacy, access.

Every test runs against the site as built by each engine (MkDocs and Zensical)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from generator.site import ENGINES

from .browser import RESULT_LINKS, chromium, search, serious_violations, serve
from .conftest import make_project, run_generator

ARTICLE = "articles/2023-09-05-kompas-kim-putin-senjata/"
ACTOR = "actors/adrienne-watson/"
PAGES = {"home": "", "article": ARTICLE, "actor": ACTOR,
         "claim": "claims/arms-negotiations-actively-advancing/", "timeline": "timeline/"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module", params=ENGINES)
def base_url(request, tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("browser-" + request.param))
    result = run_generator("site", "--strict", "--engine", request.param,
                           "--root", str(project), cwd=project)
    assert result.code == 0, result.err
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{request.param}-' in home
    with serve(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def test_searching_a_spokespersons_surname_finds_their_page(page, base_url):
    page.goto(base_url + "/")
    results = search(page, "Watson")
    assert any(ACTOR in href for href in results), results


def test_searching_an_indonesian_word_from_a_quote_finds_the_article(page, base_url):
    page.goto(base_url + "/")
    results = search(page, "persenjataan")
    assert any(ARTICLE in href for href in results), results


def test_search_works_on_a_phone_from_a_nested_page(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto(base_url + "/claims/")
        results = search(page, "persenjataan")
        assert any(ARTICLE in href for href in results), results
        page.locator(f'{RESULT_LINKS}[href*="{ARTICLE}"]').first.click()
        page.wait_for_url("**/" + ARTICLE + "**")
    finally:
        context.close()


def test_an_actor_link_leads_to_the_actor_and_back_to_the_article(page, base_url):
    page.goto(base_url + "/" + ARTICLE)
    page.locator("article").get_by_role("link", name="Adrienne Watson").first.click()
    page.wait_for_url("**/" + ACTOR)
    assert page.locator("h1").inner_text().rstrip("¶") == "Adrienne Watson"
    page.locator("article").locator(f'a[href$="{ARTICLE.split("/")[1]}/"]').first.click()
    page.wait_for_url("**/" + ARTICLE)
    page.go_back()
    page.wait_for_url("**/" + ACTOR)


@pytest.mark.parametrize("path, heading, rows", [
    ("timeline/", "Timeline", "table tbody tr"),
    ("claims/", "Claims", "table tbody tr"),
    ("places/", "Places", "table tbody tr"),
])
def test_the_section_pages_render_their_lists(page, base_url, path, heading, rows):
    page.goto(f"{base_url}/{path}")
    assert page.locator("h1").inner_text().rstrip("¶") == heading
    assert page.locator(f"article {rows}").count() >= 5


def test_no_request_leaves_the_sites_host_and_no_console_error(page, base_url):
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in list(PAGES.values()) + ["articles/", "actors/", "places/", "tags/", "about/"]:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    search(page, "Kirby")
    host = urlsplit(base_url).netloc
    foreign = sorted({u for u in requests if urlsplit(u).netloc not in (host, "")
                      and not u.startswith(("data:", "blob:"))})
    assert foreign == []
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_or_critical_accessibility_violation(browser, base_url, name, width):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/{PAGES[name]}")
        serious = serious_violations(page)
        assert serious == [], json.dumps(serious, indent=1)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_with_search_results_open(browser, base_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/")
        assert search(page, "Shoigu")
        serious = serious_violations(page)
        assert serious == [], json.dumps(serious, indent=1)
    finally:
        context.close()


def test_without_a_site_url_previews_name_addresses_from_the_server_root(page, base_url):
    for path in PAGES.values():
        page.goto(f"{base_url}/{path}")
        tags = dict(page.eval_on_selector_all(
            'meta[property^="og:"]', "els => els.map(e => [e.getAttribute('property'), e.content])"))
        assert tags["og:url"] == "/" + path
        assert page.locator('link[rel="canonical"]').count() == 0
        card = page.request.get(base_url + tags["og:image"])
        assert card.status == 200 and card.headers["content-type"] == "image/png", tags
