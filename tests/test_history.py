"""When each source file last changed, from one pass over the git log."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.dossier import history
from generator.pages.render import render

from .conftest import FIXTURES, make_project, run_generator
from .test_link import ARTICLE, minimal

MONDAY = "2024-05-06T10:00:00+07:00"
TUESDAY = "2024-05-07T09:30:00+00:00"
WEDNESDAY = "2024-05-08T12:00:00+00:00"


def _git(repo: Path, *args: str, when: str = MONDAY) -> None:
    env = {"GIT_AUTHOR_NAME": "Curator", "GIT_AUTHOR_EMAIL": "curator@example.org",
           "GIT_COMMITTER_NAME": "Curator", "GIT_COMMITTER_EMAIL": "curator@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "PATH": "/usr/bin:/bin",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _write(repo: Path, rel: str, text: str) -> None:
    path = repo / "sources" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two actors committed on Monday; one of them changed again on Tuesday."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _write(tmp_path, "actors/jane-doe.yml", "name: Jane Doe\n")
    _write(tmp_path, "actors/city-council.yml", "name: City Council\n")
    (tmp_path / "README.md").write_text("not a source\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    _write(tmp_path, "actors/jane-doe.yml", "name: Jane Doe\nrole: Mayor\n")
    _git(tmp_path, "commit", "-q", "-am", "second", when=TUESDAY)
    return tmp_path


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def test_each_file_is_dated_by_the_last_commit_that_changed_it(repo):
    h = history.read(repo / "sources")
    assert h.last_changed("actors", "jane-doe") == _utc(TUESDAY)
    assert h.last_changed("actors", "city-council") == _utc(MONDAY)


def test_dates_are_in_utc_whatever_the_committers_time_zone(repo):
    assert history.read(repo / "sources").last_changed("actors", "city-council") \
        == datetime(2024, 5, 6, 3, 0, tzinfo=timezone.utc)


def test_files_outside_the_sources_folder_are_not_listed(repo):
    assert sorted(history.read(repo / "sources").changed) == [
        "actors/city-council.yml", "actors/jane-doe.yml"]


def test_an_edited_file_has_no_date_and_is_pending(repo):
    _write(repo, "actors/city-council.yml", "name: City Council of Springfield\n")
    h = history.read(repo / "sources")
    assert h.last_changed("actors", "city-council") is None
    assert h.is_pending("actors", "city-council")
    assert not h.is_pending("actors", "jane-doe")


def test_a_new_file_not_yet_committed_is_pending(repo):
    _write(repo, "places/springfield.yml", "name: Springfield\n")
    h = history.read(repo / "sources")
    assert h.is_pending("places", "springfield")
    assert h.last_changed("places", "springfield") is None


def test_a_change_merged_from_a_branch_is_dated_by_the_merge(repo):
    _git(repo, "checkout", "-q", "-b", "edit")
    _write(repo, "actors/city-council.yml", "name: City Council\nkind: organization\n")
    _git(repo, "commit", "-q", "-am", "edit", when=TUESDAY)
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--no-ff", "-m", "merge", "edit", when=WEDNESDAY)
    assert history.read(repo / "sources").last_changed("actors", "city-council") \
        == _utc(WEDNESDAY)


def test_a_folder_outside_git_has_no_history(tmp_path):
    _write(tmp_path, "actors/jane-doe.yml", "name: Jane Doe\n")
    h = history.read(tmp_path / "sources")
    assert h.changed == {} and h.pending == frozenset()


def test_a_repository_without_commits_has_only_pending_files(tmp_path):
    _git(tmp_path, "init", "-q")
    _write(tmp_path, "actors/jane-doe.yml", "name: Jane Doe\n")
    h = history.read(tmp_path / "sources")
    assert h.changed == {} and h.is_pending("actors", "jane-doe")


def test_git_runs_three_times_however_many_files_there_are(repo, monkeypatch):
    for n in range(30):
        _write(repo, f"articles/a-{n}.yml", "title: x\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "many")
    calls = []
    real = subprocess.run
    monkeypatch.setattr(history.subprocess, "run",
                        lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    assert len(history.read(repo / "sources").changed) == 32
    assert len(calls) == 3


def test_in_a_shallow_clone_the_oldest_fetched_commit_dates_nothing():
    log = ("\x1e1715000000 abc123\nactors/jane-doe.yml\0"
           "\x1e1714000000 \nactors/jane-doe.yml\0actors/city-council.yml\0")
    assert history.parse_log(log, shallow=True) == {
        "actors/jane-doe.yml": datetime.fromtimestamp(1715000000, timezone.utc)}
    assert len(history.parse_log(log, shallow=False)) == 2


def _article_page(h: history.History) -> str:
    d = minimal()
    d.history = h
    return render(d, workers=1)[f"articles/{ARTICLE}.md"]


def test_an_entity_page_states_when_its_source_file_last_changed():
    when = datetime(2024, 5, 7, 9, 30, tzinfo=timezone.utc)
    page = _article_page(history.History({f"articles/{ARTICLE}.yml": when}))
    assert 'Last updated: <time datetime="2024-05-07T09:30:00Z">7 May 2024</time>' in page


def test_an_entity_page_whose_source_is_not_committed_says_so():
    page = _article_page(history.History(pending=frozenset({f"articles/{ARTICLE}.yml"})))
    assert "Last updated: not yet committed" in page


def test_without_history_an_entity_page_says_nothing_of_updates():
    assert "Last updated" not in _article_page(history.History())


def test_every_entity_page_built_in_a_git_checkout_states_its_last_change(tmp_path):
    project = make_project(tmp_path, FIXTURES / "valid")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "sources")
    _git(project, "commit", "-q", "-m", "sources", when=TUESDAY)
    assert run_generator("build", "--root", str(project), cwd=project).code == 0
    sources = sorted((project / "sources").rglob("*.yml"))
    for source in sources:
        page = project / "docs" / source.parent.name / f"{source.stem}.md"
        assert '<time datetime="2024-05-07T09:30:00Z">7 May 2024</time>' in page.read_text(
            encoding="utf-8"), page
    assert len(sources) > 10
