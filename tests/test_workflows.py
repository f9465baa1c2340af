"""The GitHub workflows: valid for GitHub, and safe with the repository's permissions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def check_workflows(*files: Path) -> subprocess.CompletedProcess:
    """GitHub's workflow schema as vendored by check-jsonschema: no network needed."""
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows",
                           *map(str, files)], capture_output=True, text=True)


def load(name: str) -> dict:
    # BaseLoader keeps `on` a string: YAML 1.1 would read it as True.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict) -> list[str]:
    """The actions a workflow runs, without their pinned commit: ``actions/checkout``."""
    return [action(step) for step in steps(workflow) if "uses" in step]


def action(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def test_there_is_a_ci_and_a_deploy_workflow():
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"ci.yml", "deploy.yml"}


def test_every_workflow_matches_githubs_workflow_schema():
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    result = check_workflows(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_fails_on_an_invalid_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                      "    stepz:\n      - run: make test\n")
    result = check_workflows(broken)
    assert result.returncode != 0
    assert "broken.yml" in result.stdout + result.stderr


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_no_workflow_runs_untrusted_code_with_pull_request_target(path):
    workflow = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    triggers = workflow["on"]
    names = [triggers] if isinstance(triggers, str) else list(triggers)
    assert "pull_request_target" not in names


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_reports_an_unpinned_action_and_kept_credentials(tmp_path):
    risky = tmp_path / "risky.yml"
    risky.write_text("on: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                     "    permissions: {}\n    steps:\n      - uses: actions/checkout@v4\n")
    result = zizmor(risky)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "artipacked" in result.stdout


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    assert [line for line in lines if not PINNED.match(line)] == []


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_no_workflow_grants_a_permission_to_every_job(path):
    workflow = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert workflow["permissions"] == {}
    assert all("permissions" in job for job in workflow["jobs"].values())


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_no_checkout_keeps_the_token_for_later_steps(path):
    workflow = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    checkouts = [s for s in steps(workflow) if action(s) == "actions/checkout"]
    assert checkouts
    assert all(s["with"]["persist-credentials"] == "false" for s in checkouts)


def test_ci_can_only_read_the_repository():
    assert load("ci.yml")["jobs"]["test"]["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_can_write_to_pages():
    jobs = load("deploy.yml")["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_checks_the_sources_before_testing_both_engines():
    order = [step.get("run") for step in steps(load("ci.yml"))]
    assert order.index("make check") < order.index("make test")
    checkout = next(s for s in steps(load("ci.yml")) if action(s) == "actions/checkout")
    # The job summary compares with the base branch, which a shallow clone lacks.
    assert checkout["with"]["fetch-depth"] == "0"


def check_dependabot(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.dependabot",
                           str(path)], capture_output=True, text=True)


def test_the_dependabot_configuration_matches_its_schema():
    result = check_dependabot(DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dependabot_schema_check_fails_on_an_invalid_configuration(tmp_path):
    broken = tmp_path / "dependabot.yml"
    broken.write_text("version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n"
                      "    schedule:\n      interval: fortnightly\n")
    result = check_dependabot(broken)
    assert result.returncode != 0


def test_dependabot_groups_weekly_pip_and_actions_updates():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert [g["patterns"] for g in update["groups"].values()] == [["*"]]


def test_ci_runs_on_pull_requests_and_pushes():
    assert {"pull_request", "push"} <= set(load("ci.yml")["on"])


def test_ci_tests_with_chrome_builds_strictly_and_uploads_the_preview():
    ci = load("ci.yml")
    runs = {step["run"]: step for step in steps(ci) if "run" in step}
    assert runs["make test"]["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    assert "make site" in runs
    upload = next(step for step in steps(ci) if action(step) == "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    order = [step.get("run") or action(step) for step in steps(ci)]
    assert order.index("make test") < order.index("make site") < \
        order.index("actions/upload-artifact")


def test_every_job_sets_up_python_3_11_with_a_pip_cache():
    for name in ("ci.yml", "deploy.yml"):
        setups = [step for step in steps(load(name))
                  if action(step) == "actions/setup-python"]
        assert setups, name
        for step in setups:
            assert step["with"]["python-version"] == "3.11"
            assert step["with"]["cache"] == "pip"
            assert step["with"]["cache-dependency-path"] == "requirements.txt"


def test_deploy_publishes_the_strict_build_to_pages_one_run_at_a_time():
    deploy = load("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert "make site" in [step.get("run") for step in steps(deploy)]
    upload = next(step for step in steps(deploy)
                  if action(step) == "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "actions/configure-pages" in uses(deploy)


def test_deploy_job_deploys_the_built_artifact_to_the_github_pages_environment():
    job = load("deploy.yml")["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert job["environment"]["name"] == "github-pages"
    step = next(step for step in job["steps"] if action(step) == "actions/deploy-pages")
    assert job["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_deploy_builds_for_the_address_pages_reports_with_the_whole_history():
    job = load("deploy.yml")["jobs"]["build"]
    order = [step.get("run") or step.get("uses", "").split("@")[0] for step in job["steps"]]
    pages = next(step for step in job["steps"]
                 if step.get("uses", "").startswith("actions/configure-pages@"))
    build = next(step for step in job["steps"] if step.get("run") == "make site")
    assert order.index("actions/configure-pages") < order.index("make site")
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    checkout = next(step for step in job["steps"]
                    if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"


def test_a_version_tag_builds_checks_publishes_with_trusted_publishing_and_releases():
    release = load("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    jobs = release["jobs"]
    assert [step.get("run") for step in jobs["build"]["steps"] if step.get("run")] == ["make dist"]
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert jobs["publish"]["environment"]["name"] == "pypi"
    assert any(action(step) == "pypa/gh-action-pypi-publish" for step in jobs["publish"]["steps"])
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read"}


def test_the_release_build_uses_no_cache():
    for step in steps(load("release.yml")):
        assert "cache" not in (step.get("with") or {})
