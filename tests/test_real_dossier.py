"""A full build of the real sources, checked as a reader would follow links."""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.languages import TRANSLATION_LANGUAGES

from .conftest import SEED, ROOT, site_pages

pytestmark = pytest.mark.dossier
"""The seed dossier's own tests: they read its sources (tests/conftest.py, SEED)."""

FOLDERS = ("articles", "actors", "events", "claims", "places")


def _seeds() -> Path:
    """The articles as published, to check quotes against: the outlets' own texts, kept
    beside the repository (research material) rather than published in it. A local
    clone of the repository finds them beside the one it was cloned from."""
    if os.environ.get("DOSSIER_SEEDS"):
        return Path(os.environ["DOSSIER_SEEDS"])
    beside = ROOT.parent / "shared" / "seeds"
    origin = subprocess.run(["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True).stdout.strip()
    cloned_from = Path(origin.removeprefix("file://"))
    if not beside.is_dir() and origin and cloned_from.is_absolute() and cloned_from.is_dir():
        return cloned_from.resolve().parent / "shared" / "seeds"
    return beside


SEEDS = _seeds()
QUOTE_MARKS = re.compile('[\u201c\u201d"]')


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self._in_content = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self._in_content = 1
        if self._in_content and tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


@pytest.fixture(scope="module")
def site(built_sites) -> Path:
    return built_sites("mkdocs", SEED)


def sources(folder: str) -> list[str]:
    return sorted(p.stem for p in (SEED / folder).glob("*.yml"))


def links_from(site: Path, folder: str, entity_id: str) -> set[str]:
    """Site-relative paths (``actors/x``) that an entity page's content links to."""
    page = f"{folder}/{entity_id}/index.html"
    parser = _Links()
    parser.feed((site / page).read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        if href.startswith(("http", "#", "mailto:", "data:")):
            continue
        # A filter in the query (timeline/?actor=x) is read by the page's script.
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                                   href.split("#")[0].split("?")[0]))
        found.add(target.removesuffix("/index.html").strip("/"))
    return found


def raw(folder: str, entity_id: str) -> dict:
    return yaml.load((SEED / folder / f"{entity_id}.yml").read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_source_file_has_its_page(site, folder):
    missing = [i for i in sources(folder) if not (site / folder / i / "index.html").is_file()]
    assert missing == []


@pytest.mark.parametrize("folder", FOLDERS + ("timeline",))
def test_every_folder_has_an_index_page(site, folder):
    assert (site / folder / "index.html").is_file()


def test_articles_and_their_actors_link_both_ways(site):
    for article in sources("articles"):
        for actor in raw("articles", article)["actors"]:
            assert f"actors/{actor}" in links_from(site, "articles", article)
            assert f"articles/{article}" in links_from(site, "actors", actor), (article, actor)


def test_articles_and_their_places_link_both_ways(site):
    for article in sources("articles"):
        for place in raw("articles", article).get("places", []):
            assert f"places/{place}" in links_from(site, "articles", article)
            assert f"articles/{article}" in links_from(site, "places", place)


def test_events_and_their_sources_actors_and_places_link_both_ways(site):
    for event in sources("events"):
        data = raw("events", event)
        out = links_from(site, "events", event)
        for article in data["sources"]:
            assert f"articles/{article}" in out
            assert f"events/{event}" in links_from(site, "articles", article)
        for actor in data.get("actors", []):
            assert f"actors/{actor}" in out
            assert f"events/{event}" in links_from(site, "actors", actor)
        for place in data.get("places", []):
            assert f"places/{place}" in out
            assert f"events/{event}" in links_from(site, "places", place)


def test_claim_stances_link_their_actor_and_source_both_ways(site):
    for claim in sources("claims"):
        out = links_from(site, "claims", claim)
        for stance in raw("claims", claim)["stances"]:
            assert f"actors/{stance['actor']}" in out
            assert f"articles/{stance['source']}" in out
            assert f"claims/{claim}" in links_from(site, "actors", stance["actor"])
            assert f"claims/{claim}" in links_from(site, "articles", stance["source"])


def test_quotes_link_their_speaker_and_appear_on_the_speakers_page(site):
    for article in sources("articles"):
        for quote in raw("articles", article).get("quotes", []):
            assert f"actors/{quote['by']}" in links_from(site, "articles", article)
            speaker_page = (site / "actors" / quote["by"] / "index.html").read_text(encoding="utf-8")
            assert quote["text"].split()[0] in speaker_page


def test_the_timeline_lists_every_event(site):
    timeline = links_from(site, "timeline", "")
    assert {f"events/{e}" for e in sources("events")} <= timeline


def test_no_page_links_to_a_missing_page(site):
    for folder in FOLDERS:
        for entity in sources(folder):
            for target in links_from(site, folder, entity):
                if target.startswith(("assets", "search")):
                    continue
                assert (site / target / "index.html").is_file() or (site / target).is_file(), \
                    (folder, entity, target)


def test_the_home_page_shows_generated_figures(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    count = len(sources("articles"))
    assert re.search(rf'Articles</a></td>\s*<td>{count}</td>', home)


def test_the_site_makes_no_third_party_request(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', html), page


def test_the_site_carries_its_search_index_and_material_indexes_nothing(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind" / "fragment").iterdir())
    import json
    assert json.loads((site / "search" / "search_index.json").read_text())["docs"] == []


def test_every_page_links_the_feed_and_each_entity_page_has_one_structured_data_block(site):
    import json
    for page in site_pages(site):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" href="[^"]*feed\.xml"',
                         html), page
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        parts = page.relative_to(site).parts
        if parts[0] in TRANSLATION_LANGUAGES:
            parts = parts[1:]  # the same page in another edition
        entity_page = len(parts) == 3 and parts[0] in FOLDERS
        assert len(blocks) == entity_page, page
        if blocks:
            data = json.loads(blocks[0])
            assert data["@type"] == "WebPage" and data["url"].endswith(f"/{parts[1]}/"), page


def test_the_built_feed_links_to_pages_of_the_site(site):
    import feedparser
    result = feedparser.parse((site / "feed.xml").read_bytes())
    assert result.bozo == 0
    assert len(result.entries) == len(sources("articles")) + len(sources("events"))
    for entry in result.entries:
        path = entry.link.removeprefix("http://127.0.0.1:8000/")
        assert (site / path / "index.html").is_file(), entry.link


def test_the_data_page_and_its_downloads_are_in_the_site(site):
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("dossier.json", "dossier.ftm.json", "articles.csv", "schemas/actor.schema.json"):
        assert (site / "data" / name).is_file()
        assert f'href="{name}"' in page


@functools.cache
def published_texts() -> dict[str, list[str]]:
    """Article id -> the seed texts that carry its headline (exactly one, when all is well)."""
    assert SEEDS.is_dir(), (f"the published articles are not at {SEEDS}: "
                            "set DOSSIER_SEEDS to the folder that holds them")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return {a: [t for t in texts if raw("articles", a)["title"] in t] for a in sources("articles")}


def seed(article: str) -> str:
    return published_texts()[article][0]


def all_quotes() -> list[tuple[str, str, str]]:
    """(where, article id, text) for every article quote and every stance quote."""
    found = [(f"articles/{a}", a, q["text"]) for a in sources("articles")
             for q in raw("articles", a).get("quotes", [])]
    found += [(f"claims/{c}", s["source"], s["quote"]) for c in sources("claims")
              for s in raw("claims", c)["stances"] if s.get("quote")]
    return found


def in_quotation_marks(text: str, fragment: str) -> bool:
    """Whether the fragment sits inside quotation marks in its paragraph.

    A paragraph with an odd number of marks opens inside a quotation whose opening mark
    the outlet dropped (Galamedianews' Budanov quote ends with one but never opens it).
    """
    for paragraph in text.splitlines():
        start = paragraph.find(fragment)
        if start < 0:
            continue
        before = len(QUOTE_MARKS.findall(paragraph[:start]))
        if before % 2 or (before == 0 and len(QUOTE_MARKS.findall(paragraph)) % 2):
            return True
    return False


@pytest.mark.seeds
def test_every_article_has_its_published_text_to_check_quotes_against():
    assert {a: len(found) for a, found in published_texts().items()} == \
        dict.fromkeys(sources("articles"), 1)


@pytest.mark.seeds
def test_every_quote_and_stance_quote_is_verbatim_in_its_article():
    missing = [(where, text) for where, article, text in all_quotes() if text not in seed(article)]
    assert missing == []


@pytest.mark.seeds
def test_every_quote_and_stance_quote_is_words_the_article_puts_in_quotation_marks():
    paraphrases = [(where, text) for where, article, text in all_quotes()
                   if not in_quotation_marks(seed(article), text)]
    assert paraphrases == []


def test_a_paraphrase_is_not_taken_for_quoted_words():
    text = 'Dia menyebutnya "mengganggu" jika Rusia membahas program yang berpotensi melanggar.'
    assert in_quotation_marks(text, "mengganggu")
    assert not in_quotation_marks(text, "berpotensi melanggar")


def contested_claims() -> list[str]:
    positions = {c: {s["position"] for s in raw("claims", c)["stances"]} for c in sources("claims")}
    return [c for c, taken in positions.items() if {"asserts", "denies"} <= taken]


def page_text(site: Path, page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", (site / page).read_text(encoding="utf-8")))


def test_the_home_page_counts_the_contested_claims_from_the_stances(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"Contested claims</td>\s*<td>{len(contested_claims())}</td>", home)


def test_the_claims_index_counts_the_contested_claims_from_the_stances(site):
    text = " ".join(page_text(site, "claims/index.html").split())
    count = len(contested_claims())
    assert f"{count} {'is' if count == 1 else 'are'} contested" in text


def test_the_claims_index_tallies_each_claims_positions_from_its_stances(site):
    text = " ".join(page_text(site, "claims/index.html").split())
    for claim in sources("claims"):
        data = raw("claims", claim)
        counts = Counter(s["position"] for s in data["stances"])
        tally = ", ".join(f"{n} {p.replace('-', ' ')}" for p, n in sorted(counts.items()))
        # Each row of the matrix heads with the claim, its status and its tally.
        status = "Contested · " if claim in contested_claims() else ""
        assert f"{data['statement']} {status}{tally}" in text, claim


def test_only_the_contested_claims_are_marked_contested(site):
    for claim in sources("claims"):
        marked = "Contested" in page_text(site, f"claims/{claim}/index.html")
        assert marked == (claim in contested_claims()), claim
