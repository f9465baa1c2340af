"""A failing build damages nothing; the same sources always give the same pages.

Every test builds the valid fixture corpus into a fresh project with the real
``mkdocs.yml`` and hand-written pages, as ``make site`` does, then compares what is
on disk byte for byte, and modification times too, so a rewrite with the same bytes
would also show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build.write import holds_owned, is_owned
from tests.conftest import FIXTURES, Run, make_project, run_generator

VALID = FIXTURES / "valid"
EVENT = "events/2024-03-14-utility-rejects-audit"

Snapshot = dict[str, tuple[bytes | None, int]]


def snapshot(*roots: Path) -> Snapshot:
    """Every file's bytes and every file's and folder's mtime under ``roots``."""
    found: Snapshot = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            key = path.relative_to(root.parent).as_posix()
            found[key] = (path.read_bytes() if path.is_file() else None, path.stat().st_mtime_ns)
    return found


def hand_written(docs: Path) -> Snapshot:
    # A folder that holds generated ones (docs/id) changes as they come and go.
    return {key: value for key, value in snapshot(docs).items()
            if not is_owned(key.split("/", 1)[1]) and not holds_owned(key.split("/", 1)[1])}


def generated(docs: Path) -> dict[str, bytes]:
    return {key: data for key, (data, _) in snapshot(docs).items()
            if is_owned(key.split("/", 1)[1]) and data is not None}


def run(project: Path, *args: str) -> Run:
    return run_generator(*args, "--root", str(project), cwd=project.parent)


def built(tmp_path: Path, sources: Path = VALID) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = make_project(tmp_path, sources)
    result = run(project, "site", "--strict")
    assert result.code == 0, result.err
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return built(tmp_path)


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "sources" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("command", ["site", "build", "check"])
def test_an_invalid_source_leaves_docs_and_site_exactly_as_they_were(project, command):
    before = snapshot(project / "docs", project / "site")
    # One legal change that would alter pages, one error that must stop everything.
    _edit(project, "actors/portugal.yml", "name: Portugal", "name: Portuguese Republic")
    with (project / "sources/actors/maria-costa.yml").open("a", encoding="utf-8") as f:
        f.write("kind: state\n")
    result = run(project, command, "--strict")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "project/sources/actors/maria-costa.yml:9:1: duplicate key 'kind' (first on line 2): "
        "keep one")
    assert "Traceback" not in result.err
    assert snapshot(project / "docs", project / "site") == before


def test_a_warning_under_strict_leaves_docs_and_site_exactly_as_they_were(project):
    before = snapshot(project / "docs", project / "site")
    (project / "sources/actors/jane-doe.yml").write_text(
        "name: Jane Doe\nkind: person\nsummary: An engineer.\n", encoding="utf-8")
    result = run(project, "site", "--strict")
    assert result.code == 1
    assert "warning: no article mentions actor 'jane-doe'" in result.err
    assert snapshot(project / "docs", project / "site") == before


def test_a_failing_mkdocs_run_leaves_docs_and_site_exactly_as_they_were(project):
    before = snapshot(project / "docs", project / "site")
    _edit(project, "actors/portugal.yml", "name: Portugal", "name: Portuguese Republic")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "name: material", "name: no-such-theme", 1), encoding="utf-8")
    result = run(project, "site", "--strict")
    assert result.code == 1
    assert result.err.rstrip().endswith("site build failed: docs/ and site/ are unchanged")
    assert snapshot(project / "docs", project / "site") == before
    assert not list((project / ".build").glob("stage-*"))


def test_a_failing_zensical_run_says_where_and_leaves_docs_and_site_as_they_were(project):
    _edit(project, "actors/portugal.yml", "name: Portugal", "name: Portuguese Republic")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n",
                     encoding="utf-8")
    before = snapshot(project / "docs", project / "site")
    result = run(project, "site", "--strict", "--engine", "zensical")
    assert result.code == 1
    assert "page does not exist" in result.err and "about.md" in result.err
    # Zensical's closing traceback and colours are not for a contributor's eyes.
    assert "Traceback" not in result.err and "\x1b[" not in result.err
    assert result.err.rstrip().endswith("site build failed: docs/ and site/ are unchanged")
    assert snapshot(project / "docs", project / "site") == before


def test_a_fixed_source_builds_again_after_a_failure(project):
    path = project / "sources/actors/maria-costa.yml"
    good = path.read_bytes()
    path.write_bytes(good + b"kind: state\n")
    assert run(project, "site", "--strict").code == 1
    path.write_bytes(good)
    _edit(project, "actors/portugal.yml", "name: Portugal", "name: Portuguese Republic")
    assert run(project, "site", "--strict").code == 0
    assert "Portuguese Republic" in (project / "site/actors/portugal/index.html").read_text("utf-8")


def test_two_builds_of_the_same_sources_give_byte_identical_pages(tmp_path):
    first = built(tmp_path / "first")
    # The second copy is written in reverse order, so the folders list differently.
    second_sources = tmp_path / "reversed-sources"
    for path in sorted(VALID.rglob("*"), reverse=True):
        target = second_sources / path.relative_to(VALID)
        if path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    second = built(tmp_path / "second", second_sources)
    assert generated(first / "docs") == generated(second / "docs")
    assert generated(first / "docs")

    def pages(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in site.rglob("*")
                if p.suffix in (".html", ".json", ".pf_fragment")
                and p.name != "pagefind-entry.json"}
    assert pages(first / "site") == pages(second / "site")

    # Pagefind writes its page fragments the same on every run since 1.3.0, but not
    # yet its filter and metadata indexes, whose names (and so pagefind-entry.json)
    # change between two runs of one input (Pagefind issue #638). What can be held is
    # that both builds index the same number of filter files per edition.
    def filter_files(site: Path) -> list[str]:
        return sorted(p.parent.relative_to(site).as_posix()
                      for p in site.rglob("*.pf_filter"))
    assert filter_files(first / "site") == filter_files(second / "site")


def test_a_rebuild_of_unchanged_sources_rewrites_no_page(project):
    before = snapshot(project / "docs")
    result = run(project, "build", "--strict")
    assert result.code == 0
    assert " 0 written, 0 removed," in result.out
    assert snapshot(project / "docs") == before


def test_a_page_whose_source_is_deleted_disappears_and_hand_written_pages_stay(tmp_path):
    project = make_project(tmp_path, VALID)
    untouched = hand_written(project / "docs")
    assert untouched and "docs/index.md" in untouched
    assert run(project, "site", "--strict").code == 0
    assert (project / f"docs/{EVENT}.md").is_file()
    assert (project / f"site/{EVENT}/index.html").is_file()

    (project / f"sources/{EVENT}.yml").unlink()
    result = run(project, "site", "--strict")
    assert result.code == 0, result.err
    assert not (project / f"docs/{EVENT}.md").exists()
    assert not (project / f"site/{EVENT}").exists()
    assert (project / "docs/events/2024-03-11-council-votes-to-review-contract.md").is_file()
    assert hand_written(project / "docs") == untouched
