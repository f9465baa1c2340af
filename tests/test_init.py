"""`dossier init`: a new dossier repository, in any languages, that installs the generator."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__
from generator.tools import init

from .conftest import FIXTURES, ROOT, run_generator


SITE = "https://example.org/water/"
CORPORA = {"english": "minimal", "english-french": "minimal", "indonesian": "indonesian"}
"""Each dossier's sources: a small corpus on another topic, written in its own language."""


def _init(target: Path, *args: str):
    return run_generator("init", str(target), *args, cwd=target.parent)


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory):
    """``made(name)``: a dossier started by ``init`` with the fixture corpus on another
    topic as its sources, built once: English only, English with French, Indonesian."""
    specs = {"english": ("--language", "en"),
             "english-french": ("--language", "en", "--edition", "fr"),
             "indonesian": ("--language", "id")}
    built: dict[str, Path] = {}

    def made(name: str) -> Path:
        if name not in built:
            target = tmp_path_factory.mktemp("init") / name
            result = _init(target, "--title", "Water for the valley", *specs[name],
                           "--generator", str(ROOT))
            assert result.code == 0, result.err
            shutil.rmtree(target / "sources")
            shutil.copytree(FIXTURES / CORPORA[name], target / "sources")
            # Published: alternates are written only with the site's address.
            build = run_generator("site", "--strict", cwd=target, env={"SITE_URL": SITE})
            assert build.code == 0, build.err
            built[name] = target
        return built[name]

    return made


def test_init_writes_the_files_a_dossier_owns_and_no_generator_code(tmp_path):
    target = tmp_path / "new"
    assert _init(target, "--title", "T", "--language", "en").code == 0
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    for expected in ("mkdocs.yml", "Makefile", "README.md", "CONTRIBUTING.md",
                     "CONTENT-LICENCE.md", "requirements.txt", ".gitignore",
                     ".vscode/settings.json", ".github/workflows/ci.yml",
                     ".github/workflows/deploy.yml", ".github/dependabot.yml",
                     ".github/ISSUE_TEMPLATE/correction.yml", "docs/index.md", "docs/about.md",
                     "tests/test_dossier.py", *(f"sources/{f}/.gitkeep" for f in
                                                 ("articles", "actors", "events", "claims", "places"))):
        assert expected in written
    assert not [p for p in written if p.endswith(".py") and not p.startswith("tests/")]
    assert not (target / "generator").exists()


def test_the_new_dossier_pins_this_release_by_default(tmp_path):
    assert _init(tmp_path / "new", "--title", "T", "--language", "en").code == 0
    pins = (tmp_path / "new" / "requirements.txt").read_text().splitlines()
    assert f"dossier-generator[test,zensical]=={__version__}" in pins


def test_a_path_to_a_clone_becomes_a_direct_reference():
    line = init.requirement_line(str(ROOT))
    assert line == f"dossier-generator[test,zensical] @ {ROOT.resolve().as_uri()}"


def test_the_new_readme_and_contributing_say_nothing_of_the_seed_story(tmp_path):
    assert _init(tmp_path / "new", "--title", "Water", "--language", "en").code == 0
    for name in ("README.md", "CONTRIBUTING.md", "docs/index.md", "docs/about.md", "mkdocs.yml"):
        text = (tmp_path / "new" / name).read_text(encoding="utf-8")
        assert not re.search(r"Korea|Putin|Russia|Kompas|Vostochny|Indonesian news", text), name


@pytest.mark.parametrize("args, says", [
    (("--language", "xx-nope"), "unknown language tag 'xx-nope'"),
    (("--language", "en", "--edition", "klingon-zz"), "unknown language tag 'klingon-zz'"),
    (("--language", "en", "--edition", "en"), "the dossier's own language"),
], ids=["unknown language", "unknown edition", "edition is the own language"])
def test_init_refuses_a_language_with_one_line_and_writes_nothing(tmp_path, args, says):
    run = _init(tmp_path / "new", "--title", "T", *args)
    assert run.code == 2
    assert says in run.err and len(run.err.strip().splitlines()) == 1
    assert "Traceback" not in run.err
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    run = _init(target, "--title", "T", "--language", "en")
    assert run.code == 2
    assert "not empty" in run.err and len(run.err.strip().splitlines()) == 1
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_an_empty_new_dossier_is_valid_under_strict(tmp_path):
    assert _init(tmp_path / "new", "--title", "T", "--language", "en", "--edition", "fr").code == 0
    run = run_generator("check", "--strict", cwd=tmp_path / "new")
    assert run.code == 0, run.err
    assert "interface: en 100 %, fr: no catalogue, shown in English" in run.out


def test_an_english_only_dossier_has_one_edition_and_no_language_menu(dossiers):
    site = dossiers("english") / "site"
    assert not (site / "id").exists() and not (site / "fr").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert "md-select__link" not in home
    assert 'rel="alternate" hreflang' not in home


def test_a_french_edition_is_under_fr_with_hreflang_both_ways(dossiers):
    site = dossiers("english-french") / "site"
    french = (site / "fr" / "actors" / "index.html").read_text(encoding="utf-8")
    english = (site / "actors" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    for page in (french, english):
        assert f'<link rel="alternate" hreflang="fr" href="{SITE}fr/actors/">' in page
        assert f'<link rel="alternate" hreflang="en" href="{SITE}actors/">' in page


def test_an_indonesian_dossier_has_indonesian_pages_and_interface(dossiers):
    site = dossiers("indonesian") / "site"
    actors = (site / "actors" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in actors
    # The generator's own words, and the navigation's from the starter's mkdocs.yml.
    assert re.search(r">\s*Aktor\s*<", actors) and re.search(r">\s*Beranda\s*<", actors)
    assert not (site / "en").exists()


def test_the_new_dossiers_own_test_suite_passes_on_a_corpus_on_another_topic(dossiers):
    target = dossiers("english-french")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DOSSIER_ENGINES": "mkdocs"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests"], cwd=target, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\b\d+ passed", result.stdout)
