"""Shared helpers: run the command line, copy fixture corpora, build sites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.settings import use
from tests.languages import FIXTURE_SETTINGS

from generator.pages.render import owned
from generator.build.site import THEME

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
SEED = ROOT / "sources"
"""The seed dossier's sources. Only its own tests read them, marked ``dossier``: the
generator's tests run on the fixture corpora and pass whatever ``sources/`` holds."""


def site_pages(site: Path) -> list[Path]:
    """The site's pages: every HTML file but the dossier's printable documents
    (``dossier.html`` and its parts), which are not pages of the site's theme."""
    from generator.outputs import pdf
    return sorted(p for p in site.rglob("*.html")
                  if p.name != pdf.HTML and pdf.FOLDER not in p.relative_to(site).parts)


def corpus_names(corpora: dict[str, Path]) -> list:
    """``corpora``'s names as test parameters, the seed dossier's marked as its own."""
    return [pytest.param(name, marks=pytest.mark.dossier, id=name) if path == SEED else name
            for name, path in sorted(corpora.items())]


def dossier_of(sources: Path):
    """The linked dossier of a corpus, read in this process; it must be valid."""
    from generator.dossier.diagnostics import Report
    from generator.build.pipeline import check
    report = Report()
    dossier = check(sources, report)
    assert dossier is not None, [item.format() for item in report.sorted()]
    return dossier


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
    """A project folder: this repository's mkdocs.yml and hand-written docs, and
    ``sources`` (the other-topic fixture corpus unless given)."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # Only the hand-written pages git holds: a build of this repository may have left
    # generated files in docs/ that a project without their manifest would refuse.
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "docs"], capture_output=True,
                            text=True).stdout.split()
    if listed:
        for rel in listed:
            (project / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, project / rel)
    else:
        shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*owned()))
    # mkdocs.yml's theme override (custom_dir), found beside it.
    shutil.copytree(ROOT / THEME, project / THEME)
    shutil.copytree(sources or VALID, project / "sources")
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project on the other-topic fixture corpus, to build and break."""
    return make_project(tmp_path)


@pytest.fixture(scope="session", autouse=True)
def fixture_languages():
    """Tests that read a corpus in this process read it as the fixture corpora's
    project declares: English with an Indonesian edition."""
    with use(FIXTURE_SETTINGS):
        yield


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dossier: a test of the seed dossier's own content (its sources/), not of "
        "the generator")
    config.addinivalue_line(
        "markers", "seeds: needs the published articles (DOSSIER_SEEDS, or ../shared/seeds "
        "beside the repository), which the repository does not carry")


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory):
    """``build(engine, sources)``: the site of a corpus (the other-topic fixture unless given)
    as ``python -m generator site --strict --engine ENGINE`` builds it, built once per
    test run and shared by the modules that only read it."""
    sites: dict[tuple[str, Path], Path] = {}
    # Both engines' builds of a corpus make the same PDFs: the second takes the first's.
    cache = tmp_path_factory.mktemp("cache")

    def build(engine: str, sources: Path = VALID) -> Path:
        if (engine, sources) not in sites:
            project = make_project(tmp_path_factory.mktemp(f"site-{engine}"), sources)
            result = run_generator("site", "--strict", "--engine", engine,
                                   "--root", str(project), cwd=project,
                                   env={"DOSSIER_CACHE": str(cache)})
            assert result.code == 0, result.err
            sites[engine, sources] = project / "site"
        return sites[engine, sources]
    return build


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (Playwright, through tests/browser.py)."""
    from .browser import chromium
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page in its own context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
