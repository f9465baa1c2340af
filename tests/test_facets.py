"""Search facets: each entity page says what kind of page it is, the years it concerns
and, for an article, its outlet and language, for Pagefind's filters."""

from __future__ import annotations

import json
import re

import pytest

from generator.build.editions import SCRIPT_WORDS
from generator.dossier.dates import parse_date
from generator.pages.render import render
from generator.views import facets

from .conftest import FIXTURES, dossier_of

ARTICLE = "2024-03-12-jornal-do-vale-contrato-agua"
CLAIM = "tariffs-rose-forty-percent-since-2019"


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


def test_an_article_is_faceted_by_kind_year_outlet_and_language(dossier):
    found = facets.of(dossier, "articles", dossier.corpus.articles[ARTICLE])
    assert found == facets.Facets("article", ["2024"], "Jornal do Vale", "pt")


def test_a_claim_concerns_the_years_of_the_reports_that_source_its_stances(dossier):
    claim = dossier.corpus.claims[CLAIM]
    sources = {dossier.corpus.articles[s.source.id].published.start.year for s in claim.stances}
    assert facets.of(dossier, "claims", claim).year == [str(y) for y in sorted(sources)]


def test_an_interval_concerns_every_year_it_spans():
    assert facets.years([parse_date("2021-11/2023-02")]) == ["2021", "2022", "2023"]


def test_an_actor_without_articles_or_events_has_a_kind_and_no_year(dossier):
    from dataclasses import replace
    actor = next(iter(dossier.corpus.actors.values()))
    alone = replace(dossier, mentioned_in={}, events_of_actor={})
    assert facets.of(alone, "actors", actor).meta() == {"kind": "actor"}


def test_every_entity_page_carries_its_facets_in_its_front_matter(dossier):
    pages = render(dossier, workers=1)
    for folder, kind in (("articles", "article"), ("actors", "actor"), ("events", "event"),
                         ("claims", "claim"), ("places", "place")):
        for entity_id in dossier.corpus.folder(folder):
            assert front_matter(pages[f"{folder}/{entity_id}.md"])["facets"]["kind"] == kind


def test_an_outlet_is_escaped_in_the_front_matter_as_the_title_is(dossier):
    from dataclasses import replace
    article = dossier.corpus.articles[ARTICLE]
    dossier.corpus.articles[ARTICLE] = replace(article, outlet="Vale <b>&</b> Co")
    try:
        page = render(dossier, workers=1)[f"articles/{ARTICLE}.md"]
    finally:
        dossier.corpus.articles[ARTICLE] = article
    assert front_matter(page)["facets"]["outlet"] == "Vale &lt;b&gt;&amp;&lt;/b&gt; Co"


def test_titles_and_names_weigh_more_than_the_text_in_the_search(dossier):
    pages = render(dossier, workers=1)
    for folder in ("articles", "actors", "events", "claims", "places"):
        for entity_id in dossier.corpus.folder(folder):
            heading = re.search(r"^# .*$", pages[f"{folder}/{entity_id}.md"], re.M)[0]
            assert heading.endswith('{ data-pagefind-weight="10" }')


def test_the_search_script_has_words_for_every_facet_and_kind():
    for key in ("kind", "year", "outlet", "language"):
        assert f"facet_{key}" in SCRIPT_WORDS
    for kind in facets.KINDS:
        assert f"kind_{kind}" in SCRIPT_WORDS
