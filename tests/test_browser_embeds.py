"""The embeddable views in a real browser: the view alone, at 320 px, with its filter,
on the site's own server only, and shown by the code its full view offers when that
code is pasted into a page served from elsewhere; on a corpus on another topic, in both
editions, as each engine (MkDocs and Zensical) builds it."""

from __future__ import annotations

import pytest

from generator.build.site import ENGINES
from tests.languages import EDITIONS, prefix

from .browser import Traffic, serious_violations, serve
from .conftest import FIXTURES

EMBEDS = ("timeline", "network", "map", "claims")
FULL = {"timeline": "timeline/", "network": "network/", "map": "places/", "claims": "claims/"}
ACTOR = "maria-costa"
"""An actor of the fixture corpus with events on the timeline."""


@pytest.fixture(scope="module", params=ENGINES)
def base_url(request, built_sites):
    with serve(built_sites(request.param, FIXTURES / "valid")) as url:
        yield url


@pytest.fixture(params=EDITIONS)
def edition(request, base_url):
    return base_url + "/" + prefix(request.param)


@pytest.fixture
def narrow(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", EMBEDS)
def test_an_embed_shows_the_view_without_the_sites_header_navigation_or_footer(
        narrow, edition, name):
    narrow.goto(f"{edition}embed/{name}/")
    narrow.wait_for_load_state("networkidle")
    assert narrow.locator("article svg, article table").count() > 0
    for part in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search"):
        assert not narrow.locator(part).is_visible(), part


@pytest.mark.parametrize("name", EMBEDS)
def test_an_embed_has_no_horizontal_scroll_at_320_px_and_is_axe_clean(narrow, edition, name):
    narrow.goto(f"{edition}embed/{name}/")
    narrow.wait_for_load_state("networkidle")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    assert serious_violations(narrow) == []


@pytest.mark.parametrize("name", EMBEDS)
def test_an_embed_makes_no_third_party_request_and_logs_no_error(narrow, edition, base_url,
                                                                    name):
    traffic = Traffic(narrow)
    narrow.goto(f"{edition}embed/{name}/")
    narrow.wait_for_load_state("networkidle")
    assert traffic.foreign(base_url) == []
    assert traffic.errors == []


@pytest.mark.parametrize("name", EMBEDS)
def test_an_embed_is_kept_out_of_search_engines_and_credits_the_full_view(narrow, edition, name):
    narrow.goto(f"{edition}embed/{name}/")
    assert narrow.locator('meta[name=robots]').get_attribute("content") == "noindex"
    full = narrow.locator(".dossier-embed-credit__full")
    assert full.evaluate("a => a.href") == edition + FULL[name]
    assert narrow.locator(".dossier-embed-credit a").first.evaluate("a => a.href") == edition


def test_the_embedded_timeline_keeps_its_filter_and_its_credit_line_too(narrow, edition):
    narrow.goto(f"{edition}embed/timeline/?actor={ACTOR}")
    narrow.wait_for_selector(".tl-status:not(:empty)")
    marks = narrow.locator("a.tl-mark")
    shown = narrow.locator("a.tl-mark:not(.tl-hide)")
    assert 0 < shown.count() < marks.count()
    assert all(ACTOR in ids.split() for ids in shown.evaluate_all(
        "els => els.map(e => e.getAttribute('data-actors'))"))
    full = narrow.locator(".dossier-embed-credit__full").evaluate("a => a.href")
    assert full == f"{edition}timeline/?actor={ACTOR}"


def test_the_embed_code_of_a_full_view_shows_it_on_a_page_served_from_elsewhere(
        browser, edition, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{edition}timeline/?actor={ACTOR}")
    page.wait_for_load_state("networkidle")
    page.locator(".dossier-embed summary").click()
    code = page.locator(".dossier-embed__code").input_value()
    assert code.startswith("<iframe ") and f"embed/timeline/?actor={ACTOR}" in code
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><title>Elsewhere</title><body>{code}</body></html>',
        encoding="utf-8")
    with serve(tmp_path) as elsewhere:
        assert elsewhere.split(":")[-1] != edition.split(":")[-1].split("/")[0]
        host = context.new_page()
        host.goto(elsewhere + "/")
        frame = host.frame_locator("iframe")
        frame.locator(".tl-status:not(:empty)").wait_for(timeout=15_000)
        assert frame.locator("a.tl-mark:not(.tl-hide)").count() > 0
        assert not frame.locator(".md-tabs").is_visible()
    context.close()


def test_the_embed_control_is_axe_clean_when_open(page, edition):
    page.goto(f"{edition}claims/")
    page.wait_for_load_state("networkidle")
    page.locator(".dossier-embed summary").click()
    assert "embed/claims/" in page.locator(".dossier-embed__code").input_value()
    assert serious_violations(page) == []
