"""Shared helpers: run the command line, copy fixture corpora, build sites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.site import THEME

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_generator(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m generator`` as a contributor would, in ``cwd``, with only
    ``env`` added to a bare environment."""
    env_path = str(ROOT)
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                            capture_output=True, text=True,
                            env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", **(env or {})})
    return Run(result.returncode, result.stdout, result.stderr)


def make_project(tmp_path: Path, sources: Path | None = None) -> Path:
    """A project folder: the real mkdocs.yml and hand-written docs, and ``sources``."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(
        "articles", "actors", "events", "claims", "places", "timeline", "tags", ".generated",
        "cards"))
    # mkdocs.yml's theme override (custom_dir), found beside it.
    shutil.copytree(ROOT / THEME, project / THEME)
    shutil.copytree(sources or ROOT / "sources", project / "sources")
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real dossier to build and break."""
    return make_project(tmp_path)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "seeds: needs the published articles (DOSSIER_SEEDS, or ../shared/seeds "
        "beside the repository), which the repository does not carry")
