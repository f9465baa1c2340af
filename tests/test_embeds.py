"""Embeddable views: the timeline, network, map and claims matrix, each on a page of its
own for another site's <iframe>, linked from the full view and kept out of search."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from generator.build.site import SEARCH_GLOB, unlist
from generator.pages.render import render
from generator.views import listings

from .conftest import FIXTURES, dossier_of

VIEWS = {"timeline": "timeline/", "network": "network/", "map": "places/", "claims": "claims/"}


@pytest.fixture(scope="module")
def dossier():
    from generator.settings import use
    from tests.languages import FIXTURE_SETTINGS
    with use(FIXTURE_SETTINGS):
        yield dossier_of(FIXTURES / "valid")


def front_matter(page: str) -> dict:
    block = page.split("---\n")[1]
    return {line.split(": ", 1)[0]: json.loads(line.split(": ", 1)[1])
            for line in block.splitlines()}


@pytest.mark.parametrize("name", VIEWS)
def test_each_view_has_an_embed_page_drawn_by_the_embed_template(dossier, name):
    meta = front_matter(render(dossier, workers=1)[f"embed/{name}.md"])
    assert meta["template"] == "embed.html"
    assert meta["embed"]["full"] == VIEWS[name]
    assert meta["search"] == {"exclude": True}


@pytest.mark.parametrize("name", VIEWS)
def test_each_full_view_offers_the_code_of_its_embed(dossier, name):
    full = render(dossier, workers=1)[VIEWS[name] + "index.md"]
    assert f'data-embed="../embed/{name}/"' in full


def test_an_embed_page_has_no_embed_control_of_its_own(dossier):
    pages = render(dossier, workers=1)
    assert not any("data-embed=" in pages[f"embed/{name}.md"] for name in VIEWS)


def test_the_embedded_timeline_keeps_its_filter_box(dossier):
    page = render(dossier, workers=1)["embed/timeline.md"]
    assert 'data-filters="../../timeline/filters.json"' in page


def test_the_embedded_month_bars_lead_to_the_timelines_month_pages(dossier, monkeypatch):
    monkeypatch.setattr(listings, "TIMELINE_PAGE_SIZE", 1)
    pages = render(dossier, workers=1)
    bars = lambda page: re.findall(r'class="tl-month" href="([^"]+)"', pages[page])
    assert bars("timeline/index.md")
    assert bars("embed/timeline.md") == ["../../timeline/" + b for b in bars("timeline/index.md")]


def test_the_search_index_leaves_the_embed_pages_out():
    assert "embed" not in SEARCH_GLOB


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url>
         <loc>https://example.org/d/id/</loc>
    </url>
    <url>
         <loc>https://example.org/d/id/embed/timeline/</loc>
    </url>
    <url>
         <loc>https://example.org/d/id/timeline/</loc>
    </url>
</urlset>"""


def test_the_sitemap_leaves_the_embed_pages_out_and_keeps_the_others(tmp_path):
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    with gzip.GzipFile(tmp_path / "sitemap.xml.gz", "wb", mtime=1234567) as packed:
        packed.write(SITEMAP.encode())
    unlist(tmp_path, "https://example.org/d/id/")
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "embed" not in text
    assert text.count("<url>") == 2 and "https://example.org/d/id/timeline/" in text
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode() == text
    assert int.from_bytes((tmp_path / "sitemap.xml.gz").read_bytes()[4:8], "little") == 1234567
