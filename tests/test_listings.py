"""Listings split once they pass their page size, so no page grows with the corpus."""

from __future__ import annotations

import shutil

import pytest

from generator.views import listings
from generator.views import models as views
from generator.dossier.diagnostics import Report
from generator.build.pipeline import check
from generator.pages.render import render

from .conftest import FIXTURES

ARTICLE = "2024-03-02-harbour-gazette-ferry-fares"


@pytest.fixture
def many_articles(tmp_path):
    """The minimal corpus with nine more articles over three months."""
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "minimal", sources)
    text = (sources / "articles" / f"{ARTICLE}.yml").read_text(encoding="utf-8")
    for n in range(9):
        month = 1 + n % 3
        body = text.replace("published: 2024-03-02", f"published: 2024-0{month}-1{n}")
        (sources / "articles" / f"2024-0{month}-1{n}-gazette-{n}.yml").write_text(body, encoding="utf-8")
    report = Report()
    dossier = check(sources, report)
    assert not report.errors
    return dossier


def test_a_small_articles_index_is_one_page(many_articles):
    pages = render(many_articles)
    assert not any(p.startswith("articles/months/") for p in pages)


def test_a_large_articles_index_splits_by_month(many_articles, monkeypatch):
    monkeypatch.setattr(listings, "PAGE_SIZE", 4)
    pages = render(many_articles)
    assert sorted(p for p in pages if p.startswith("articles/months/")) == [
        "articles/months/2024-01.md", "articles/months/2024-02.md", "articles/months/2024-03.md"]
    assert "(months/2024-02.md)" in pages["articles/index.md"]
    assert "(../../articles/2024-02-11-gazette-1.md)" in pages["articles/months/2024-02.md"]


def test_a_crowded_month_is_split_into_parts(many_articles, monkeypatch):
    monkeypatch.setattr(listings, "PAGE_SIZE", 2)
    pages = render(many_articles)
    assert "articles/months/2024-03-part-2.md" in pages


def test_numbered_pages_link_to_each_other(many_articles, monkeypatch):
    monkeypatch.setattr(listings, "PAGE_SIZE", 1)
    pages = render(many_articles)
    assert "[Page 2 →](pages/2.md)" in pages["actors/index.md"]
    assert "[← Page 1](../index.md)" in pages["actors/pages/2.md"]
    assert "[Page 3 →](3.md)" in pages["actors/pages/2.md"]


def test_a_tag_page_lists_its_articles_in_parts(many_articles, monkeypatch):
    monkeypatch.setattr(listings, "PAGE_SIZE", 4)
    pages = render(many_articles)
    assert {"tags/index.md", "tags/fares.md", "tags/fares/2.md", "tags/fares/3.md"} <= set(pages)
    assert "(../../articles/2024-01-10-gazette-0.md)" in pages["tags/fares/3.md"]


def test_backlink_lists_are_capped_and_say_how_many_there_are(many_articles, monkeypatch):
    monkeypatch.setattr(views, "LIST_LIMIT", 3)
    page = render(many_articles)["actors/ferry-union.md"]
    assert "The 3 most recent of 10 articles" in page
    mentioned = page.split("## Mentioned in")[1].split("\n## ")[0]
    assert mentioned.count("(../articles/") == 3


def test_numbered_pages_link_other_sections_from_their_own_depth(many_articles):
    assert "(../timeline/index.md)" in render(many_articles)["events/index.md"]
    page = listings.Listing("events/pages/2.md", "events_index.md.j2", "Events, page 2")
    assert page.context["root"] == "../../"


def test_the_actors_index_groups_actors_by_kind(many_articles):
    page = render(many_articles)["actors/index.md"]
    assert page.index("## Organisations") < page.index("## States")
    assert page.index("[Harbour Council]") < page.index("## States") < page.index("[Freedonia]")
