"""The reader's promises, checked in a real browser: search, links, privacy, access.

Every test runs against the site as built by each engine (MkDocs and Zensical)."""

from __future__ import annotations

import json

import pytest

from generator.build.site import ENGINES

from .browser import RESULT_LINKS, Traffic, search, serious_violations, serve, violations_at
from .conftest import SEED, FIXTURES
from .test_graph import dossier

pytestmark = pytest.mark.dossier
"""The seed dossier's own tests: they read its sources (tests/conftest.py, SEED)."""

ARTICLE = "articles/2023-09-05-kompas-kim-putin-senjata/"
ACTOR = "actors/adrienne-watson/"
PAGES = {"home": "", "article": ARTICLE, "actor": ACTOR,
         "claim": "claims/arms-negotiations-actively-advancing/", "timeline": "timeline/",
         "network": "network/", "data": "data/"}
AXE_PAGES = {**PAGES, "timeline filtered": "timeline/?actor=sergei-shoigu"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module", params=ENGINES)
def base_url(request, built_sites):
    site = built_sites(request.param, SEED)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{request.param}-' in home
    with serve(site) as url:
        yield url


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
    traffic = Traffic(page)
    for path in list(PAGES.values()) + ["articles/", "actors/", "places/", "tags/", "about/"]:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    search(page, "Kirby")
    assert traffic.foreign(base_url) == []
    assert traffic.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_accessibility_violation(browser, base_url, name, width,
                                                                  scheme):
    serious = violations_at(browser, f"{base_url}/{AXE_PAGES[name]}", WIDTHS[width], scheme)
    assert serious == [], json.dumps(serious, indent=1)


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


def visible_events(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "a.tl-mark", "els => els.filter(e => getComputedStyle(e).display !== 'none')"
                     ".map(e => e.getAttribute('href'))")
    return sorted(h.rstrip("/").rsplit("/", 1)[1] for h in hrefs)


def test_the_timeline_filtered_by_an_actor_shows_exactly_their_events(page, base_url):
    page.goto(f"{base_url}/timeline/?actor=sergei-shoigu")
    page.wait_for_selector(".tl-status:not(:empty)")
    expected = sorted(e.id for e in dossier().corpus.events.values()
                      if "sergei-shoigu" in {r.id for r in e.actors})
    assert visible_events(page) == expected and len(expected) >= 2
    rows = page.locator("article table tbody tr:visible")
    assert rows.count() == len(expected)
    assert "Sergei Shoigu" in page.locator(".tl-status").inner_text()


def test_the_timeline_filters_by_place_and_by_tag_too(page, base_url):
    d = dossier()
    page.goto(f"{base_url}/timeline/?place=vladivostok")
    page.wait_for_selector(".tl-status:not(:empty)")
    assert visible_events(page) == sorted(
        e.id for e in d.corpus.events.values() if "vladivostok" in {r.id for r in e.places})
    page.goto(f"{base_url}/timeline/?tag=summit")
    page.wait_for_selector(".tl-status:not(:empty)")
    assert visible_events(page) == sorted(
        e.id for e in d.corpus.events.values()
        if any("summit" in d.corpus.articles[r.id].tags for r in e.sources))


def test_an_unknown_actor_on_the_timeline_gets_a_clear_message(page, base_url):
    page.goto(f"{base_url}/timeline/?actor=sergei-shoygu")
    status = page.locator(".tl-status")
    status.wait_for()
    assert "No such actor: “sergei-shoygu”" in status.inner_text()
    assert len(visible_events(page)) == len(dossier().corpus.events)


def test_choosing_a_filter_puts_it_in_the_address(page, base_url):
    page.goto(f"{base_url}/timeline/")
    page.locator(".tl-form select[name=actor]").select_option("vladimir-putin")
    assert page.url.endswith("/timeline/?actor=vladimir-putin")
    assert "vladimir-putin" in page.locator("a.tl-mark:visible").first.get_attribute("data-actors")


def test_an_actor_page_links_to_its_filtered_timeline(page, base_url):
    page.goto(f"{base_url}/actors/sergei-shoigu/")
    page.get_by_role("link", name="See them on the timeline").click()
    page.wait_for_url("**/timeline/?actor=sergei-shoigu")
    page.wait_for_selector(".tl-status:not(:empty)")
    assert "Showing" in page.locator(".tl-status").inner_text()


def test_the_network_links_to_every_actor_with_a_co_mention(page, base_url):
    page.goto(f"{base_url}/network/")
    hrefs = page.eval_on_selector_all("svg.net-svg a.net-node", "els => els.map(e => e.href.baseVal)")
    linked = {h.rstrip("/").rsplit("/", 1)[1] for h in hrefs}
    d = dossier()
    assert {a for a, others in d.co_mentioned.items() if others} <= linked
    assert all(h.startswith("../actors/") for h in hrefs)


def test_an_actor_page_draws_its_neighbourhood_with_links_to_the_neighbours(page, base_url):
    page.goto(f"{base_url}/actors/sergei-shoigu/")
    nodes = page.locator(".nb svg a.net-node")
    names = [nodes.nth(i).get_attribute("aria-label") for i in range(nodes.count())]
    assert 2 <= len(names) <= 13 and any(n.startswith("Kim Jong Un (") for n in names)
    page.locator('.nb svg a.net-node[data-id="kim-jong-un"] circle').click()
    page.wait_for_url("**/actors/kim-jong-un/")


def test_focusing_a_node_lights_up_its_neighbours(page, base_url):
    page.goto(f"{base_url}/actors/sergei-shoigu/")
    page.locator('.nb svg a.net-node[data-id="kim-jong-un"]').focus()
    svg = page.locator(".nb svg")
    assert "net-active" in svg.get_attribute("class")
    near = page.eval_on_selector_all(".nb a.net-near", "els => els.map(e => e.dataset.id)")
    assert sorted(near) == ["kim-jong-un", "sergei-shoigu"]


def test_with_javascript_off_every_mark_and_node_is_a_working_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for path, selector in (("timeline/", "a.tl-mark"), ("network/", "a.net-node"),
                               ("actors/sergei-shoigu/", ".nb a.net-node")):
            page.goto(f"{base_url}/{path}")
            links = page.eval_on_selector_all(
                selector, "els => els.map(e => new URL(e.getAttribute('href'), location.href).href)")
            assert links, path
            for url in sorted(set(links)):
                assert page.request.get(url).status == 200, url
        page.goto(f"{base_url}/timeline/")
        page.locator("a.tl-mark").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/events/**")
    finally:
        context.close()


def test_the_drawings_build_from_a_dossier_on_another_topic(browser, built_sites):
    page = browser.new_page()
    try:
        with serve(built_sites("mkdocs", FIXTURES / "valid")) as url:
            page.goto(f"{url}/network/")
            assert page.locator("svg.net-svg a.net-node").count() == 4
            assert page.locator("path.net-disagreement").count() == 1
            page.goto(f"{url}/timeline/?actor=maria-costa")
            page.wait_for_selector(".tl-status:not(:empty)")
            assert visible_events(page) == sorted(
                e.id for e in dossier(FIXTURES / "valid").corpus.events.values()
                if "maria-costa" in {r.id for r in e.actors})
    finally:
        page.close()


def test_without_a_site_url_previews_name_addresses_from_the_server_root(page, base_url):
    for path in PAGES.values():
        page.goto(f"{base_url}/{path}")
        tags = dict(page.eval_on_selector_all(
            'meta[property^="og:"]', "els => els.map(e => [e.getAttribute('property'), e.content])"))
        assert tags["og:url"] == "/" + path
        assert page.locator('link[rel="canonical"]').count() == 0
        card = page.request.get(base_url + tags["og:image"])
        assert card.status == 200 and card.headers["content-type"] == "image/png", tags
