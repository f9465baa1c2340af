"""The drawings and the scripts (the timeline's filter box, search) speak the edition's language."""

from __future__ import annotations

import json

import pytest

from generator.build import editions
from generator.views import graph
from generator.text import i18n
from generator.views import timeline
from generator.text.i18n import Fallback
from generator.dossier.link import event_order
from generator.outputs import Publication, timeline_filters

from .conftest import FIXTURES
from .test_graph import dossier


@pytest.fixture(scope="module")
def seed():
    return dossier()


def _chart(d):
    return timeline.chart(d, sorted(d.corpus.events.values(), key=event_order))


@pytest.mark.dossier
def test_the_indonesian_timeline_axis_writes_months_as_babel_does(seed):
    with i18n.edition("id"):
        labels = {t.label for t in _chart(seed).ticks}
    assert "Agu" in labels and "Aug" not in labels
    assert "Aug" in {t.label for t in _chart(seed).ticks}


@pytest.mark.dossier
def test_the_timeline_marks_carry_the_events_translated_titles(seed):
    event = seed.corpus.events["2023-09-13-kim-putin-summit-at-vostochny"]
    with i18n.edition("id"):
        mark = next(m for m in _chart(seed).marks if m.event_id == event.id)
    assert mark.title == event.translations["id"].title
    assert mark.label.startswith(event.translations["id"].title[:20])


@pytest.mark.dossier
def test_network_nodes_are_named_in_the_editions_language(seed):
    with i18n.edition("id"):
        nodes = {n.id: n.name for n in graph.network(seed).nodes}
    assert nodes["north-korea"] == "Korea Utara"
    assert {n.id: n.name for n in graph.network(seed).nodes}["north-korea"] == "North Korea"


@pytest.mark.dossier
def test_the_ties_are_described_in_the_editions_language(seed):
    with i18n.edition("id"):
        descriptions = [line.description for line in graph.network(seed).lines]
    assert any("disebut bersama dalam" in text for text in descriptions)
    assert not any("mentioned together" in text for text in descriptions)


def test_an_untranslated_actor_keeps_its_english_name_marked_as_english():
    d = dossier(FIXTURES / "valid")
    with i18n.edition("id"):
        names = [n.name for n in graph.network(d).nodes]
    assert names and all(isinstance(name, Fallback) for name in names)


def test_a_usual_place_kind_is_translated_and_any_other_stays_english_marked():
    with i18n.edition("id"):
        assert i18n.place_kind("city") == "kota"
        assert i18n.place_kind("Military base") == "pangkalan militer"
        unusual = i18n.place_kind("desalination plant")
    assert unusual == "desalination plant" and isinstance(unusual, Fallback)
    assert not isinstance(i18n.place_kind("city"), Fallback)


@pytest.mark.dossier
def test_each_editions_filter_data_holds_its_words_and_its_names(seed):
    english = json.loads(timeline_filters.files(seed, Publication())[timeline_filters.PATH])
    with i18n.edition("id"):
        indonesian = json.loads(
            timeline_filters.files(seed, Publication())[timeline_filters.PATH])
    assert english["words"]["all"] == "Show all events"
    assert indonesian["words"]["all"] == "Tampilkan semua peristiwa"
    assert indonesian["actor"]["north-korea"] == "Korea Utara"
    assert english["actor"]["north-korea"] == "North Korea"
    # One form for one event and one for more, each with the script's placeholders.
    assert [("%(count)s" in s and "%(filter)s" in s) for s in english["words"]["showing"]] == [True, True]
    assert english["words"]["showing"][0] != english["words"]["showing"][1]


def test_each_editions_configuration_gives_the_scripts_their_words_in_its_language():
    english = editions.edition_data("en", "")["words"]
    indonesian = editions.edition_data("id", "")["words"]
    assert english["results"] == "Search results"
    assert indonesian["results"] == "Hasil pencarian"
    assert set(english) == set(indonesian) == set(editions.SCRIPT_WORDS)
