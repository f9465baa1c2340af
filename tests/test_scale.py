"""A dossier large enough to split every listing builds strictly, with bounded pages."""

from __future__ import annotations

import pytest

from .bench.synth import write_corpus
from .conftest import make_project, run_generator, site_pages

PAGE_LIMIT_KB = 200


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus") / "sources"
    write_corpus(corpus, 450)
    project = make_project(tmp_path_factory.mktemp("large"), corpus)
    result = run_generator("site", "--strict", "--root", str(project), cwd=project)
    assert result.code == 0, result.err
    return project / "site"


def test_a_dossier_past_every_page_size_builds_strictly(large_site):
    assert (large_site / "events" / "pages" / "2" / "index.html").is_file()
    assert (large_site / "actors" / "index.html").is_file()


def test_no_page_of_a_large_dossier_is_over_the_size_limit(large_site):
    sizes = {p.relative_to(large_site).as_posix(): p.stat().st_size // 1024
             for p in site_pages(large_site)}
    assert {p: kb for p, kb in sizes.items() if kb > PAGE_LIMIT_KB} == {}


def test_the_feed_of_a_large_dossier_holds_the_newest_fifty_entries_of_the_site(large_site):
    import feedparser

    from generator.outputs import LOCAL_SITE_URL, feed
    result = feedparser.parse((large_site / feed.PATH).read_bytes())
    assert result.bozo == 0
    assert len(result.entries) == feed.LENGTH
    for entry in result.entries:
        assert (large_site / entry.link.removeprefix(LOCAL_SITE_URL) / "index.html").is_file()
