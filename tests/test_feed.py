"""The Atom feed of the newest articles and events: valid, bounded, from the data only."""

from __future__ import annotations

import functools
import shutil
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import pytest

from generator.dossier.dates import parse_date
from generator.outputs import LOCAL_SITE_URL, Publication, feed
from generator.build.pipeline import generate

from .conftest import FIXTURES, ROOT, SEED, corpus_names, dossier_of

SITE = "https://example.github.io/dossier/"
CORPORA = {"real": SEED, "valid": FIXTURES / "valid", "hostile": FIXTURES / "hostile"}


@functools.lru_cache(maxsize=None)
def made(sources: Path, site_url: str | None = SITE) -> dict:
    return generate(dossier_of(sources), Publication(site_url=site_url, site_name="Dossier"),
                    workers=1)


def parsed(sources: Path, site_url: str | None = SITE):
    return feedparser.parse(made(sources, site_url)[feed.PATH])


@pytest.mark.parametrize("name", corpus_names(CORPORA))
@pytest.mark.parametrize("site_url", [SITE, None])
def test_the_feed_is_valid_atom_for_feedparser(name, site_url):
    result = parsed(CORPORA[name], site_url)
    assert result.bozo == 0, result.get("bozo_exception")
    assert result.version == "atom10"
    assert result.entries


@pytest.mark.parametrize("name", corpus_names(CORPORA))
def test_every_entry_links_to_a_generated_page_and_is_identified_by_it(name):
    pages = made(CORPORA[name])
    for entry in parsed(CORPORA[name]).entries:
        assert entry.link.startswith(SITE)
        assert entry.link.removeprefix(SITE).removesuffix("/") + ".md" in pages
        assert entry.id == entry.link


@pytest.mark.dossier
def test_the_feed_holds_every_article_and_event_of_a_small_dossier():
    d = dossier_of(SEED)
    expected = {f"{SITE}articles/{i}/" for i in d.corpus.articles}
    expected |= {f"{SITE}events/{i}/" for i in d.corpus.events}
    assert {e.link for e in parsed(SEED).entries} == expected


@pytest.mark.dossier
def test_entries_are_newest_first_and_bounded():
    d = dossier_of(SEED)
    chosen = feed.entries(d, SITE, length=7)
    assert len(chosen) == 7
    everything = feed.entries(d, SITE, length=1000)
    assert chosen == everything[:7]
    starts = [feed.instant(_date_of(d, e.url)) for e in everything]
    assert starts == sorted(starts, reverse=True)


def _date_of(d, url: str):
    folder, entity_id = url.removeprefix(SITE).strip("/").split("/")
    entity = d.corpus.folder(folder)[entity_id]
    return entity.published if folder == "articles" else entity.date


def test_dates_come_from_the_data_never_from_the_clock(tmp_path):
    # Outside git no source has a history: each entry's date is the start of its own.
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "valid", sources)
    publication = Publication(site_url=SITE, site_name="Dossier")
    atom = generate(dossier_of(sources), publication, workers=1)[feed.PATH]
    result = feedparser.parse(atom)
    by_link = {e.link: e for e in result.entries}
    event = by_link[f"{SITE}events/2024-03-11-council-votes-to-review-contract/"]
    assert event.updated == "2024-03-11T00:00:00+00:00"
    assert "published" not in event
    article = by_link[f"{SITE}articles/2024-03-12-jornal-do-vale-contrato-agua/"]
    assert article.published == "2024-03-12T08:30:00+00:00"  # the date line's own time
    assert result.feed.updated == max(e.updated for e in result.entries)
    assert generate(dossier_of(sources), publication, workers=1)[feed.PATH] == atom


def test_an_entry_is_updated_when_its_source_file_last_changed():
    d = dossier_of(FIXTURES / "valid")
    changed = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    d.history = type(d.history)({"events/2024-03-14-utility-rejects-audit.yml": changed})
    entry = next(e for e in feed.entries(d, SITE) if e.url.endswith("utility-rejects-audit/"))
    assert entry.updated == changed


def test_an_approximate_date_is_never_given_as_an_instant():
    d = dossier_of(FIXTURES / "valid")
    article = d.corpus.articles["2024-03-12-jornal-do-vale-contrato-agua"]
    article.published = parse_date("2024-03-12T08:30+00:00~", allow_time=True)
    entry = feed.article_entry(article, d, SITE)
    assert entry.published is None
    assert "c. 12 Mar 2024" in entry.summary


def test_summaries_are_plain_text():
    result = parsed(FIXTURES / "hostile")
    for entry in result.entries:
        assert entry.summary_detail.type == "text/plain"
    titles = " ".join(e.title for e in result.entries)
    assert "<script>alert(1)</script>" in titles  # as text, escaped in the XML


def test_a_local_build_uses_the_local_servers_address():
    result = parsed(FIXTURES / "valid", None)
    assert all(e.link.startswith(LOCAL_SITE_URL) for e in result.entries)
    assert result.feed.id == LOCAL_SITE_URL


# The Indonesian edition's feed, beside its pages.

ID_FEED = "id/" + feed.PATH


def parsed_edition(sources: Path, site_url: str | None = SITE):
    return feedparser.parse(made(sources, site_url)[ID_FEED])


@pytest.mark.parametrize("name", corpus_names(CORPORA))
def test_the_indonesian_feed_is_valid_atom_in_indonesian_linking_indonesian_pages(name):
    result = parsed_edition(CORPORA[name])
    assert result.bozo == 0, result.get("bozo_exception")
    assert result.feed.language == "id"
    assert result.feed.link == f"{SITE}id/"
    pages = made(CORPORA[name])
    for entry in result.entries:
        assert entry.link.startswith(f"{SITE}id/")
        assert entry.link.removeprefix(SITE).removesuffix("/") + ".md" in pages


@pytest.mark.dossier
def test_the_indonesian_feed_gives_translated_titles_and_summaries_in_indonesian():
    d = dossier_of(SEED)
    result = parsed_edition(SEED)
    assert result.feed.title == "Dossier: artikel dan peristiwa terbaru"
    events = [e for e in result.entries if "/events/" in e.link]
    assert events
    for entry in events:
        event = d.corpus.events[entry.link.rstrip("/").split("/")[-1]]
        assert entry.title == event.translations["id"].title
        assert entry.title_detail.language == "id"
        assert entry.summary_detail.language == "id"


@pytest.mark.dossier
def test_a_headline_stays_as_published_and_says_its_language_in_each_feed():
    d = dossier_of(SEED)
    for result in (parsed(SEED), parsed_edition(SEED)):
        articles = [e for e in result.entries if "/articles/" in e.link]
        assert articles
        for entry in articles:
            assert entry.title == d.corpus.articles[entry.link.rstrip("/").split("/")[-1]].title
            assert entry.title_detail.language == "id"


@pytest.mark.dossier
def test_dates_in_the_indonesian_feed_are_written_as_indonesian_writes_them():
    summaries = [e.summary for e in parsed_edition(SEED).entries]
    assert any(" Agu 2023" in s for s in summaries)
    assert not any(" Aug " in s or s.startswith("Aug") for s in summaries)


def test_without_translations_the_indonesian_feed_gives_the_english_marked_as_english():
    english = {e.link.replace(SITE, f"{SITE}id/"): e for e in parsed(FIXTURES / "valid").entries}
    result = parsed_edition(FIXTURES / "valid")
    assert result.feed.language == "id"
    for entry in result.entries:
        assert entry.summary_detail.language == "en"
        if "/events/" in entry.link:
            assert entry.title == english[entry.link].title
            assert entry.title_detail.language == "en"


def test_hostile_text_in_a_translation_is_plain_text_in_the_indonesian_feed():
    result = parsed_edition(FIXTURES / "hostile")
    assert all(e.summary_detail.type == "text/plain" for e in result.entries)
    titles = " ".join(e.title for e in result.entries)
    assert "ID Event title <script>alert(1)</script>" in titles  # as text, escaped in the XML
    raw = made(FIXTURES / "hostile")[ID_FEED]
    assert b"<script>" not in raw


@pytest.mark.dossier
def test_the_indonesian_feed_is_the_same_bytes_on_every_build(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SEED, sources)
    publication = Publication(site_url=SITE, site_name="Dossier")
    first = generate(dossier_of(sources), publication, workers=1)
    second = generate(dossier_of(sources), publication, workers=1)
    assert first[ID_FEED] == second[ID_FEED] and first[feed.PATH] == second[feed.PATH]


def test_each_feed_is_titled_by_its_editions_name_in_mkdocs_yml():
    publication = Publication.from_environment({}, config=ROOT / "mkdocs.yml")
    made = generate(dossier_of(FIXTURES / "valid"), publication, workers=1)
    english, indonesian = feedparser.parse(made[feed.PATH]), feedparser.parse(made[ID_FEED])
    assert english.feed.title == f"{publication.site_name}: newest articles and events"
    assert indonesian.feed.title.startswith("Senjata untuk perang di Ukraina")
    assert indonesian.feed.author == publication.name_in("id")
