"""Translations in the sources: read into the model, counted as coverage, never an error."""

from __future__ import annotations

import pytest
from pathlib import Path

from generator.dossier import schema as s
from generator.dossier.coverage import Coverage, coverage
from generator.dossier.diagnostics import Report
from generator.text.markup import html_text
from generator.build.pipeline import check
from generator.pages.render import render
from tests.conftest import SEED, FIXTURES, ROOT, make_project, run_generator

VALID = FIXTURES / "valid"
HOSTILE = FIXTURES / "hostile"
ACTOR = "sources/actors/maria-costa.yml"
TRANSLATED_ACTOR = """
translations:
  id:
    name: Maria Costa
    aliases: [Maria da Costa]
    role: Wali kota Vale Verde, per Maret 2024
    summary: |
      Maria Costa adalah wali kota Vale Verde pada Maret 2024.
"""


def _project(tmp_path: Path, appended: dict[str, str]) -> Path:
    project = make_project(tmp_path, VALID)
    for rel, text in appended.items():
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return project


def _dossier(sources: Path):
    report = Report()
    dossier = check(sources, report)
    assert dossier is not None, [d.format() for d in report.items]
    return dossier


def test_an_entitys_translation_is_read_into_the_model(tmp_path):
    project = _project(tmp_path, {ACTOR: TRANSLATED_ACTOR})
    actor = _dossier(project / "sources").corpus.actors["maria-costa"]
    translation = actor.translations["id"]
    assert translation.role == "Wali kota Vale Verde, per Maret 2024"
    assert translation.aliases == ["Maria da Costa"]
    assert translation.summary.startswith("Maria Costa adalah")
    assert translation.statement is None


def test_quote_and_stance_translations_are_read_into_the_model():
    corpus = _dossier(HOSTILE).corpus
    quote = corpus.articles["2024-05-02-gazeta-payload-report"].quotes[0]
    stance = corpus.claims["hostile-claim"].stances[0]
    assert quote.translations["id"].startswith("Quote translations id")
    assert stance.translation.startswith("Stance translation ")
    assert stance.translations["id"].startswith("Stance translations id")


def test_a_corpus_without_translations_has_zero_coverage():
    corpus = _dossier(VALID).corpus
    total = sum(len(corpus.folder(f)) for f in s.FOLDERS)
    assert coverage(corpus) == [Coverage("id", 0, total)]


def test_an_entity_counts_once_every_field_it_has_is_translated(tmp_path):
    project = _project(tmp_path, {ACTOR: TRANSLATED_ACTOR})
    assert coverage(_dossier(project / "sources").corpus)[0].translated == 1


def test_an_entity_with_one_field_untranslated_does_not_count(tmp_path):
    partial = TRANSLATED_ACTOR.replace("    role: Wali kota Vale Verde, per Maret 2024\n", "")
    project = _project(tmp_path, {ACTOR: partial})
    assert coverage(_dossier(project / "sources").corpus)[0].translated == 0


def test_an_article_in_the_language_needs_no_translated_headline(tmp_path):
    article = "sources/articles/2024-03-16-harian-contoh.yml"
    project = make_project(tmp_path, VALID)
    (project / article).write_text(
        "title: Dewan meninjau kontrak air\noutlet: Harian Contoh\npublished: 2024-03-16\n"
        "language: id\nsummary: The council reviews the contract.\nactors: [maria-costa]\n"
        "translations:\n  id:\n    summary: Dewan meninjau kontrak.\n", encoding="utf-8")
    corpus = _dossier(project / "sources").corpus
    assert coverage(corpus)[0].translated == 1


def test_coverage_rounds_down_so_that_100_means_complete():
    assert Coverage("id", 94, 95).percent == 98
    assert Coverage("id", 95, 95).percent == 100
    assert Coverage("id", 0, 0).percent == 0


def test_check_reports_coverage_as_a_figure_and_succeeds_at_zero(tmp_path):
    run = run_generator("check", "--strict", cwd=make_project(tmp_path, VALID))
    assert (run.code, run.err) == (0, "")
    assert run.out.splitlines()[1] == "translations: id 0 % (0 of 11 entities)"


def test_check_reports_full_coverage_of_a_fully_translated_corpus(tmp_path):
    run = run_generator("check", "--strict", cwd=make_project(tmp_path, HOSTILE))
    assert run.code == 0, run.err
    assert run.out.splitlines()[1] == "translations: id 100 % (10 of 10 entities)"


@pytest.mark.dossier
def test_every_stance_quote_on_a_claim_page_shows_its_english_translation():
    dossier = _dossier(SEED)
    pages = render(dossier, workers=1)
    quoted = [(c, st) for c in dossier.corpus.claims.values() for st in c.stances if st.quote]
    assert quoted
    for claim, stance in quoted:
        assert f"<br><em>{html_text(stance.translation)}</em>" in pages[f"claims/{claim.id}.md"]
