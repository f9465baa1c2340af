"""Search facets in a real browser: the results narrowed to one kind of page, with
counts, kept in the address, usable from the keyboard; on a corpus on another topic,
in both editions, as each engine (MkDocs and Zensical) builds it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.build.site import ENGINES
from tests.languages import EDITIONS, prefix

from .browser import RESULT_LINKS, Traffic, search, serious_violations, serve
from .conftest import FIXTURES

QUERY = "Verde"
"""A name in nearly every page of the fixture corpus, in every edition."""
KIND = "select[data-facet=kind]"


@pytest.fixture(scope="module", params=ENGINES)
def base_url(request, built_sites):
    with serve(built_sites(request.param, FIXTURES / "valid")) as url:
        yield url


@pytest.fixture(params=EDITIONS)
def home(request, base_url):
    return base_url + "/" + prefix(request.param)


def result_paths(page) -> list[str]:
    return [urlsplit(href).path for href in page.locator(RESULT_LINKS).evaluate_all(
        "els => els.map(e => e.href)")]


def choose(page, kind: str) -> None:
    page.locator(KIND).select_option(kind)
    page.wait_for_function(
        """kind => { const links = [...document.querySelectorAll('*')].flatMap(e =>
             e.shadowRoot ? [...e.shadowRoot.querySelectorAll('.md-search-result__item > a')] : [])
             .concat([...document.querySelectorAll('.md-search-result__item > a')]);
           return links.length > 0 && links.every(a => new URL(a.href).pathname.includes(kind)); }""",
        arg=f"/{kind}s/", timeout=15_000)


def shown_count(page, kind: str) -> int:
    label = page.locator(f"{KIND} option[value={kind}]").text_content()
    return int(re.search(r"\((\d+)\)$", label)[1])


def test_the_claim_facet_leaves_only_claim_pages_as_many_as_it_counts(page, home):
    page.goto(home)
    search(page, QUERY)
    counted = shown_count(page, "claim")
    choose(page, "claim")
    paths = sorted({path for path in result_paths(page)})
    assert paths and all("/claims/" in path for path in paths), paths
    items = page.locator(".md-search-result__item").count()
    assert items == counted == shown_count(page, "claim")


def test_every_kind_counts_the_results_of_that_kind(page, home):
    page.goto(home)
    search(page, QUERY)
    options = page.locator(f"{KIND} option").evaluate_all("os => os.map(o => o.value)")
    counts = {kind: shown_count(page, kind) for kind in options if kind}
    total = int(re.search(r"\((\d+)\)$", page.locator(f"{KIND} option[value='']").text_content())[1])
    assert {"article", "claim"} <= counts.keys()
    assert sum(counts.values()) == total


def test_the_address_keeps_the_facet_and_reloading_it_searches_again(page, home):
    page.goto(home)
    search(page, QUERY)
    choose(page, "claim")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": [QUERY], "kind": ["claim"]}
    page.reload()
    page.wait_for_load_state("networkidle")
    page.locator(RESULT_LINKS).first.wait_for(state="attached", timeout=20_000)
    assert page.locator(KIND).evaluate("select => select.value") == "claim"
    assert all("/claims/" in path for path in result_paths(page))


def test_a_shared_address_with_a_facet_opens_the_search_with_it(page, home):
    page.goto(home + f"?q={QUERY}&kind=article")
    page.wait_for_load_state("networkidle")
    page.locator(RESULT_LINKS).first.wait_for(state="attached", timeout=20_000)
    paths = result_paths(page)
    assert paths and all("/articles/" in path for path in paths), paths


def test_the_facets_are_reached_and_changed_from_the_keyboard(page, home):
    page.goto(home)
    search(page, QUERY)
    box = page.locator("input.md-search__input").or_(page.locator("dialog input[role=combobox]"))
    box.focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.locator(KIND).evaluate("s => s.getRootNode().activeElement === s"):
            break
    assert page.locator(KIND).evaluate("s => s.getRootNode().activeElement === s")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => new URL(location.href).searchParams.has('kind')")
    assert page.locator(KIND).evaluate("s => s.value") != ""


def test_the_search_with_its_facets_is_axe_clean_and_stays_on_the_site(page, home, base_url):
    traffic = Traffic(page)
    page.goto(home)
    search(page, QUERY)
    choose(page, "claim")
    assert serious_violations(page) == []
    assert traffic.foreign(base_url) == []
    assert traffic.errors == []
