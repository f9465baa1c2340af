from generator.dossier.diagnostics import Report
from generator.build.pipeline import check

from .conftest import FIXTURES

ARTICLE = "2024-03-02-harbour-gazette-ferry-fares"


def minimal():
    report = Report()
    dossier = check(FIXTURES / "minimal", report)
    assert report.items == []
    return dossier


def test_an_actor_knows_the_articles_that_mention_it():
    d = minimal()
    assert [a.id for a in d.mentioned_in["ferry-union"]] == [ARTICLE]


def test_an_actor_knows_its_quotes_and_stances():
    d = minimal()
    assert [q.text for _, q in d.quotes_by["harbour-council"]] == \
        ["Fares will rise by ten per cent from April."]
    assert [(c.id, s.position) for c, s in d.stances_by["ferry-union"]] == \
        [("fare-rise-is-needed", "denies")]


def test_a_state_lists_its_members_and_places():
    d = minimal()
    assert [a.id for a in d.members["freedonia"]] == ["ferry-union", "harbour-council"]
    assert [p.id for p in d.places_in["freedonia"]] == ["port-town"]


def test_an_article_knows_the_events_and_stances_that_cite_it():
    d = minimal()
    assert [e.id for e in d.events_from[ARTICLE]] == ["2024-03-01-fare-rise-announced"]
    assert len(d.stances_from[ARTICLE]) == 2


def test_a_place_knows_its_events_and_articles():
    d = minimal()
    assert [e.id for e in d.events_at["port-town"]] == ["2024-03-01-fare-rise-announced"]
    assert [a.id for a in d.articles_at["port-town"]] == [ARTICLE]


def test_actors_mentioned_together_are_ranked_by_shared_articles():
    d = minimal()
    assert [(a.id, n) for a, n in d.co_mentioned["ferry-union"]] == \
        [("freedonia", 1), ("harbour-council", 1)]


def test_a_claim_asserted_and_denied_is_contested():
    d = minimal()
    assert d.corpus.claims["fare-rise-is-needed"].contested
