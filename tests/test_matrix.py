"""The who-said-what matrix as data: row order, cells, and the column cap."""

from __future__ import annotations

import shutil

import pytest

from generator.views import listings
from generator.dossier.diagnostics import Report
from generator.views.matrix import matrix
from generator.build.pipeline import check
from generator.pages.render import render
from generator.views.models import Links

from .conftest import FIXTURES

FIRST = "2024-03-02-harbour-gazette-ferry-fares"
SECOND = "2024-03-09-harbour-gazette-timetable"
QUIET = """statement: Ferries run on time.
stances:
  - actor: harbour-council
    position: asserts
    source: {first}
  - actor: harbour-council
    position: asserts
    source: {second}
  - actor: harbour-council
    position: asserts
    source: {first}
  - actor: freedonia
    position: questions
    source: {first}
""".format(first=FIRST, second=SECOND)


@pytest.fixture
def dossier(tmp_path):
    """The minimal corpus (one contested claim) with a second article and an uncontested
    claim on which the council takes three stances, two from the same article."""
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "minimal", sources)
    text = (sources / "articles" / f"{FIRST}.yml").read_text(encoding="utf-8")
    (sources / "articles" / f"{SECOND}.yml").write_text(
        text.replace("published: 2024-03-02", "published: 2024-03-09"), encoding="utf-8")
    (sources / "claims" / "ferries-run-on-time.yml").write_text(QUIET, encoding="utf-8")
    report = Report()
    d = check(sources, report)
    assert not report.errors
    return d


def _matrix(d, limit=20):
    return matrix(Links(d), sorted(d.corpus.claims.values(), key=lambda c: not c.contested),
                  limit)


def test_the_contested_claims_come_first_on_the_claims_index(dossier):
    rows = listings.claims(dossier)[0].context["matrix"].rows
    assert [(r.claim.label, r.contested) for r in rows] == [
        ("A ferry fare rise is needed to keep the service running.", True),
        ("Ferries run on time.", False)]


def test_columns_are_the_actors_with_most_stances_ties_by_id(dossier):
    assert [c.label for c in _matrix(dossier).columns] == [
        "Harbour Council", "Ferry Workers' Union", "Freedonia"]


def test_a_cell_holds_every_distinct_stance_of_the_actor_each_linking_its_source(dossier):
    quiet = _matrix(dossier).rows[1]
    council = quiet.cells[0]
    assert [(m.word, m.source.link.href) for m in council] == [
        ("asserts", f"../articles/{FIRST}.md"), ("asserts", f"../articles/{SECOND}.md")]


def test_a_cell_shows_the_position_as_a_symbol_and_a_word(dossier):
    contested = _matrix(dossier).rows[0]
    assert [[(m.symbol, m.word) for m in cell] for cell in contested.cells] == [
        [("✔", "asserts")], [("✘", "denies")], []]
    assert [[(m.symbol, m.word) for m in cell] for cell in _matrix(dossier).rows[1].cells][2] == [
        ("?", "questions")]


def test_the_column_cap_counts_the_actors_and_stances_left_out(dossier):
    capped = _matrix(dossier, limit=2)
    assert [c.label for c in capped.columns] == ["Harbour Council", "Ferry Workers' Union"]
    assert capped.hidden_actors == 1
    assert [r.others for r in capped.rows] == [0, 1]
    assert all(len(r.cells) == 2 for r in capped.rows)


def test_each_numbered_claims_page_has_its_own_matrix_and_columns(dossier, monkeypatch):
    monkeypatch.setattr(listings, "CLAIMS_PAGE_SIZE", 1)
    first, second = listings.claims(dossier)
    assert second.path == "claims/pages/2.md"
    assert [len(p.context["matrix"].rows) for p in (first, second)] == [1, 1]
    assert [c.label for c in second.context["matrix"].columns] == ["Harbour Council", "Freedonia"]
    # Links are written from the numbered page's own folder.
    assert second.context["matrix"].rows[0].claim.href == "../../claims/ferries-run-on-time.md"


def test_the_claims_index_draws_the_matrix_as_a_table_with_row_and_column_headers(dossier):
    page = render(dossier, workers=1)["claims/index.md"]
    assert '<th scope="col"><a href="../actors/harbour-council/">Harbour Council</a></th>' in page
    assert '<th scope="row"><a href="ferries-run-on-time/">Ferries run on time.</a>' in page
    assert 'role="region" aria-labelledby="who-said-what" tabindex="0"' in page
    assert "\n\n" not in page[page.index("<div class=\"dossier-matrix\""):page.index("</table>")]
