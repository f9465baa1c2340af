"""The scale benchmark's code, run at a tiny size so that `make bench` cannot rot.

The figures themselves are not checked here: `make bench` is outside the test budget.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter

import pytest

from generator.build import site
from generator.dossier.names import skeleton
from tests.bench import run, synth
from generator.testing.browser_path import browser_path

from .conftest import run_generator

SIZE = 30


def test_corpus_is_deterministic_and_proportional():
    first, second = synth.generate(SIZE), synth.generate(SIZE)
    assert first == second
    assert {folder: len(files) for folder, files in first.items()} == synth.counts(SIZE)
    assert synth.counts(5000) == {"articles": 5000, "actors": 1000, "events": 2500,
                                  "claims": 250, "places": 200}


def test_every_actor_and_place_has_a_name_of_its_own_at_the_largest_size():
    # `check --strict` refuses two names readers cannot tell apart; a clash that only the
    # 5,000-article corpus draws stops `make bench` there.
    files = synth.generate(5000)
    for folder in ("actors", "places"):
        names = [re.search(r"^name: (.*)$", text, re.M).group(1)
                 for text in files[folder].values()]
        looks = Counter(skeleton(name.strip("'\"")) for name in names)
        assert [name for name, count in looks.items() if count > 1] == [], folder


def test_some_actors_are_in_a_large_share_of_articles():
    articles = synth.generate(500)["articles"].values()
    mentions = Counter(a for text in articles
                       for a in re.search(r"^actors: \[(.*)\]$", text, re.M).group(1).split(", "))
    assert mentions.most_common(1)[0][1] > 0.3 * 500


def test_corpus_passes_the_strict_check_without_warnings(tmp_path):
    synth.write_corpus(tmp_path / "sources", SIZE)
    result = run_generator("check", "--strict", "--root", str(tmp_path), cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.err == ""


def test_corrections_are_added_after_the_rest_of_the_corpus_which_they_leave_unchanged():
    plain, corrected = synth.generate(SIZE), synth.generate(SIZE, corrections=0.3)
    changed = [(folder, entity_id) for folder, files in corrected.items()
               for entity_id, text in files.items() if text != plain[folder][entity_id]]
    assert changed
    assert all(corrected[f][i].startswith(plain[f][i] + "corrections:\n") for f, i in changed)


def test_a_corpus_with_corrections_passes_the_strict_check(tmp_path):
    synth.write_corpus(tmp_path / "sources", SIZE, corrections=0.3)
    result = run_generator("check", "--strict", "--root", str(tmp_path), cwd=tmp_path)
    assert (result.code, result.err) == (0, "")


def test_measuring_a_tiny_dossier_with_both_engines(tmp_path):
    results = run.measure(SIZE, tmp_path / "project", browser=browser_path() is not None,
                          search_runs=1, phases=True, log=lambda *a: None)
    assert [r.engine for r in results] == list(site.ENGINES)
    for result in results:
        assert result.generate_s > 0 and result.build_s > 0 and result.search_index_s > 0
        assert result.total_s == result.generate_s + result.build_s + result.search_index_s
        assert result.peak_mb > 0
        assert result.pages > sum(synth.counts(SIZE).values())
        assert result.largest and result.largest[0][1] > 0
        assert result.pagefind_kb > 0 and result.pagefind_kb_by_part["fragments"] > 0
        if result.search_ms_after_load is not None:
            assert result.search_results > 0
            # The first search fetches Pagefind's runtime, index chunks and result
            # fragments (the worker's requests included), and nothing of the page again.
            assert {"runtime", "index chunks", "fragments"} <= \
                set(result.search_download_by_part)
            assert result.search_download_b == sum(result.search_download_by_part.values())
    mkdocs, zensical = results
    # Both engines build every edition.
    assert mkdocs.pages == zensical.pages
    assert zensical.parity == []
    assert mkdocs.regen_rewritten == mkdocs.regen_bytes_changed >= 1
    assert "Markdown to HTML" in mkdocs.mkdocs_phases
    table = run.table(results)
    assert table.count("\n") == 3
    assert f"| {SIZE} | mkdocs |" in table and f"| {SIZE} | zensical |" in table
    assert "zensical / mkdocs at 30 articles: build" in run.summary(results)
    assert "Targets at 30 articles (mkdocs)" in run.targets(results)


def test_the_search_index_is_built_as_the_site_build_does(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(site.subprocess, "run",
                        lambda command, **kw: calls.append(command) or
                        subprocess.CompletedProcess(command, 0, "", ""))
    site.index_search(tmp_path)
    assert calls == [run.search_index_command(tmp_path)]


def test_a_failing_step_reports_its_output(tmp_path):
    with pytest.raises(run.BenchError, match="sources folder not found"):
        run.generate(tmp_path)
