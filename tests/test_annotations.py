"""`check` on GitHub Actions: problems on the lines that caused them, and a job summary
with the problems and the dossier's changes against the base branch. GitHub is not
needed: the tests set its variables and read what `check` prints and writes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.tools.annotations import command, escape_data, escape_property
from generator.dossier.diagnostics import Diagnostic, Severity
from tests.conftest import FIXTURES, run_generator

ROBOT = "name: Bad Robot\nkind: robot\nsummary: Not a kind the model knows.\n"
PERSON = "name: Jane Doe\nkind: person\nsummary: An engineer at the water utility.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "valid", tmp_path / "sources")
    return tmp_path


def check_on_github(project: Path, *extra: str, **env: str):
    summary = project / "summary.md"
    result = run_generator("check", *extra, "--root", str(project), cwd=project,
                           env={"GITHUB_ACTIONS": "true",
                                "GITHUB_STEP_SUMMARY": str(summary), **env})
    return result, summary.read_text(encoding="utf-8") if summary.exists() else None


def test_a_message_escapes_percent_and_line_ends():
    assert escape_data("100% sure\r\nnext: line") == "100%25 sure%0D%0Anext: line"


def test_a_property_also_escapes_colons_and_commas():
    assert escape_property("a,b: 50%\n") == "a%2Cb%3A 50%25%0A"


def test_a_warning_becomes_a_warning_command_at_its_line_and_column():
    item = Diagnostic("sources/actors/x.yml", 4, 3, "not mentioned, yet", Severity.WARNING)
    assert command(item, strict=False) == \
        "::warning file=sources/actors/x.yml,line=4,col=3,title=Dossier check::not mentioned, yet"


def test_a_problem_with_the_whole_file_has_no_line():
    item = Diagnostic("sources/actors/x y.yml", 0, 0, "bad name")
    assert command(item, strict=True) == \
        "::error file=sources/actors/x y.yml,title=Dossier check::bad name"


def test_check_on_github_prints_an_error_command_for_the_bad_line(project):
    (project / "sources" / "actors" / "bad-robot.yml").write_text(ROBOT)
    result, _ = check_on_github(project)
    assert result.code == 1
    assert ("::error file=sources/actors/bad-robot.yml,line=2,col=7,title=Dossier check::"
            "'kind': 'robot' is not allowed: use one of person, organization, state") \
        in result.out.splitlines()
    # The usual report is still there for people reading the log.
    assert "sources/actors/bad-robot.yml:2:7: 'kind': 'robot' is not allowed" in result.err


def test_the_job_summary_lists_the_problem_in_a_table(project):
    (project / "sources" / "actors" / "bad-robot.yml").write_text(ROBOT)
    _, summary = check_on_github(project)
    assert "| file | line | problem | message |" in summary
    assert ("| `sources/actors/bad-robot.yml` | 2:7 | error | 'kind': 'robot' is not allowed: "
            "use one of person, organization, state |") in summary


def test_outside_github_actions_check_prints_no_workflow_command(project):
    (project / "sources" / "actors" / "bad-robot.yml").write_text(ROBOT)
    result = run_generator("check", "--root", str(project), cwd=project)
    assert result.code == 1
    assert "::" not in result.out


def test_a_valid_dossier_gets_a_summary_without_a_table(project):
    result, summary = check_on_github(project, "--strict")
    assert result.code == 0, result.err
    assert "::error" not in result.out
    assert "no problem found" in summary and "| file |" not in summary
    assert "Not a pull request" in summary


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c",
                    "user.email=test@example.org", *args], check=True, capture_output=True)


@pytest.fixture
def pull_request(project: Path) -> Path:
    """A repository whose `main` has the valid corpus, checked out on a branch that adds
    an actor, changes another and removes a place."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "sources")
    git(project, "commit", "-q", "-m", "The dossier")
    git(project, "checkout", "-q", "-b", "new-actor")
    actors = project / "sources" / "actors"
    (actors / "jane-doe.yml").write_text(PERSON)
    changed = sorted(actors.glob("*.yml"))[0]
    changed.write_text(changed.read_text() + "aliases: [Someone else]\n")
    git(project, "add", "sources")
    git(project, "commit", "-q", "-m", "A new actor, a corrected one")
    return project


def test_the_summary_lists_the_entities_a_pull_request_adds_and_changes(pull_request):
    changed = sorted((pull_request / "sources" / "actors").glob("*.yml"))[0].stem
    _, summary = check_on_github(pull_request, GITHUB_BASE_REF="main")
    assert "Against `main`:" in summary
    assert "- **added** (1): `actors/jane-doe`" in summary
    assert f"- **changed** (1): `actors/{changed}`" in summary
    assert "**removed**" not in summary


def test_the_summary_lists_a_removed_entity(pull_request):
    place = sorted((pull_request / "sources" / "places").glob("*.yml"))[0]
    place.unlink()
    _, summary = check_on_github(pull_request, GITHUB_BASE_REF="main")
    assert f"- **removed** (1): `places/{place.stem}`" in summary


def test_a_base_branch_missing_from_the_checkout_is_said_not_fatal(pull_request):
    result, summary = check_on_github(pull_request, GITHUB_BASE_REF="release")
    assert "Could not compare with `release`: the base branch 'release' is not in this " \
           "checkout" in summary
