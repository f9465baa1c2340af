"""The actors' network as data: its ties, their weights, the caps and the layout."""

from __future__ import annotations

import pytest
import math
from itertools import combinations
from dataclasses import replace

from generator.views import graph
from generator.dossier.diagnostics import Report
from generator.dossier.model import Claim, Corpus, Ref, Stance
from generator.build.pipeline import check

from .conftest import SEED, FIXTURES, ROOT, make_project, run_generator


def dossier(folder=SEED):
    report = Report()
    d = check(folder, report)
    assert report.errors == []
    return d


def claim(*stances: tuple[str, str]) -> Claim:
    source = Ref("articles", "2024-03-02-harbour-gazette-ferry-fares")
    return Claim("c", "c.yml", "A statement.",
                 [Stance(Ref("actors", a), p, source) for a, p in stances])


@pytest.mark.dossier
def test_actors_mentioned_together_are_tied_by_the_number_of_shared_articles():
    d = dossier()
    ties = {(t.source, t.target): t.weight for t in graph.co_mention_ties(d)}
    shared = sum(1 for a in d.corpus.articles.values()
                 if {r.id for r in a.actors} >= {"kim-jong-un", "vladimir-putin"})
    assert ties[("kim-jong-un", "vladimir-putin")] == shared > 1


@pytest.mark.dossier
def test_a_person_is_tied_to_their_organisation_and_their_state():
    ties = graph.affiliation_ties(dossier(), ["sergei-shoigu"])
    assert {(t.source, t.target) for t in ties} >= {
        ("sergei-shoigu", "russia-defence-ministry"), ("sergei-shoigu", "russia")}


def test_an_organisation_is_tied_to_its_state():
    ties = graph.affiliation_ties(dossier(FIXTURES / "minimal"))
    assert graph.Tie("ferry-union", "freedonia", "affiliation", 1) in ties


def test_asserting_and_denying_the_same_claim_is_a_disagreement():
    ties = graph.claim_ties(dossier(FIXTURES / "minimal"))
    assert [(t.source, t.target, t.kind, t.claims) for t in ties] == [
        ("ferry-union", "harbour-council", "disagreement", ("fare-rise-is-needed",))]


def test_the_same_position_on_a_claim_is_an_agreement():
    ties = graph.claim_ties(dossier(FIXTURES / "minimal"),
                            [claim(("a", "denies"), ("b", "denies"))])
    assert [(t.kind, t.weight) for t in ties] == [("agreement", 1)]


def test_questioning_or_declining_to_comment_is_neither_agreement_nor_disagreement():
    ties = graph.claim_ties(dossier(FIXTURES / "minimal"), [claim(
        ("a", "asserts"), ("b", "questions"), ("c", "declines-to-comment"),
        ("d", "declines-to-comment"))])
    assert ties == []


def test_opposite_positions_on_several_claims_add_up():
    d = dossier(FIXTURES / "minimal")
    ties = graph.claim_ties(d, [replace(claim(("a", "asserts"), ("b", "denies")), id=i)
                                for i in ("one", "two")])
    assert [(t.kind, t.weight, t.claims) for t in ties] == [("disagreement", 2, ("one", "two"))]


@pytest.mark.dossier
def test_the_seed_dossier_draws_opposite_positions_differently_from_co_mentions():
    lines = graph.network(dossier()).lines
    kinds = {line.tie.kind: line for line in lines}
    assert kinds["disagreement"].path.count("Q") == 1 and kinds["disagreement"].mark
    assert "Q" not in kinds["co-mention"].path and kinds["co-mention"].mark is None


@pytest.mark.dossier
def test_the_network_shows_only_the_most_connected_actors_up_to_its_cap():
    d = dossier()
    picture = graph.network(d, cap=5)
    ties = graph.all_ties(d)
    degree = {a: sum(a in (t.source, t.target) for t in ties) for a in d.corpus.actors}
    assert len(picture.nodes) == 5 and picture.total == len(degree)
    least_shown = min(degree[n.id] for n in picture.nodes)
    assert least_shown >= sorted(degree.values())[-10]


@pytest.mark.dossier
def test_every_line_joins_two_drawn_actors_and_co_mentions_are_capped():
    picture = graph.network(dossier(), tie_cap=20)
    drawn = {n.id for n in picture.nodes}
    assert all({line.tie.source, line.tie.target} <= drawn for line in picture.lines)
    assert sum(line.tie.kind == "co-mention" for line in picture.lines) == 20


@pytest.mark.dossier
def test_the_network_fits_its_picture():
    picture = graph.network(dossier())
    assert all(0 <= n.x <= picture.width and 0 <= n.y <= picture.height for n in picture.nodes)


@pytest.mark.dossier
def test_the_network_is_the_same_whatever_the_order_of_the_sources():
    d = dossier()
    flipped = lambda mapping: dict(reversed(list(mapping.items())))
    c = d.corpus
    shuffled = replace(d, corpus=Corpus(flipped(c.articles), flipped(c.actors), flipped(c.events),
                                        flipped(c.claims), flipped(c.places)),
                       co_mentioned=flipped(d.co_mentioned), mentioned_in=flipped(d.mentioned_in),
                       members=flipped(d.members))
    assert graph.network(shuffled) == graph.network(d)


@pytest.mark.dossier
def test_an_actors_neighbourhood_keeps_its_strongest_links_up_to_the_cap():
    d = dossier()
    picture = graph.neighbourhood(d, "sergei-shoigu", cap=3)
    around = [n.id for n in picture.nodes if n.id != "sergei-shoigu"]
    assert len(around) == 3 and picture.nodes[-1].id == "sergei-shoigu"
    assert picture.total > 3
    # Affiliations weigh more than one shared article: the ministry is among the strongest.
    assert "russia-defence-ministry" in around
    assert all("sergei-shoigu" in (line.tie.source, line.tie.target) for line in picture.lines)


@pytest.mark.dossier
def test_the_neighbours_stand_on_a_circle_around_the_actor():
    picture = graph.neighbourhood(dossier(), "kim-jong-un")
    centre = picture.nodes[-1]
    assert (centre.x, centre.y) == (picture.width / 2, picture.height / 2)
    rx, ry = picture.width / 2 - 170, picture.height / 2 - 50
    for n in picture.nodes[:-1]:
        assert math.isclose(((n.x - centre.x) / rx) ** 2 + ((n.y - centre.y) / ry) ** 2, 1,
                            abs_tol=0.01)


def test_an_actor_with_no_tie_has_an_empty_neighbourhood():
    d = dossier(FIXTURES / "minimal")
    d.co_mentioned["freedonia"] = []
    d.members["freedonia"] = []
    assert graph.neighbourhood(d, "freedonia").nodes == ()


@pytest.mark.dossier
def test_long_names_are_shortened_to_the_room_beside_the_node():
    picture = graph.neighbourhood(dossier(), "north-korea")
    for n in picture.nodes:
        assert n.label == n.name or (n.label.endswith("…") and n.name.startswith(n.label[:-1]))
    assert any(n.label != n.name for n in picture.nodes)


def test_two_builds_in_fresh_processes_draw_byte_identical_pictures(tmp_path):
    # Each process hashes strings differently: anything walked in set order would show.
    built = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        project = make_project(tmp_path / name)
        result = run_generator("build", "--strict", "--root", str(project), cwd=project)
        assert result.code == 0, result.err
        docs = project / "docs"
        built.append({p.relative_to(docs).as_posix(): p.read_bytes()
                      for folder in ("network", "timeline", "actors") for p in (docs / folder).rglob("*")})
    assert "network/index.md" in built[0] and b"<svg" in built[0]["network/index.md"]
    assert built[0] == built[1]


def _synthetic(tmp_path, articles=100):
    from .bench.synth import write_corpus
    write_corpus(tmp_path / "sources", articles)
    return dossier(tmp_path / "sources")


def test_every_actor_the_network_draws_is_named_without_hovering(tmp_path):
    picture = graph.network(_synthetic(tmp_path))
    assert len(picture.nodes) >= 20
    assert all(n.labelled and n.label for n in picture.nodes)


def test_no_two_names_in_the_network_overlap_and_none_covers_a_circle(tmp_path):
    picture = graph.network(_synthetic(tmp_path))
    boxes = {n.id: graph._label_box(n.label, n.label_x, n.label_y, n.anchor)
             for n in picture.nodes}
    for a, b in combinations(picture.nodes, 2):
        assert not graph._overlaps(boxes[a.id], boxes[b.id]), (a.id, b.id)
        assert not graph._covers(boxes[a.id], b.x, b.y, b.r), (a.id, b.id)
    assert all(0 <= box[0] and box[2] <= picture.width for box in boxes.values())


def test_a_shortened_name_ends_on_a_whole_word_of_the_full_name():
    label = graph._shorten("United States, United Kingdom, South Korea and Japan", 200)
    assert label.endswith("…") and label != "United States, United Kingdom, South Korea and Japan"
    words = label[:-1].split()
    assert " ".join(words) == " ".join("United States, United Kingdom, South Korea and Japan"
                                       .split()[:len(words)]).rstrip(",")
