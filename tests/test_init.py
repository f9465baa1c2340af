"""`dossier init`: a new dossier repository, in any languages, that installs the generator."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
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


class _EnglishOutsideEnglish(HTMLParser):
    """The text of a page's article that is one of the generator's interface strings
    (``messages``) but is not inside an element marked ``lang="en"``."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self, messages: set[str]):
        super().__init__()
        self.messages, self.stack, self.found, self.marked = messages, [], [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        self.marked += lang == "en"
        if tag not in self.VOID:
            parent = self.stack[-1] if self.stack else (None, None, False)
            # Hidden text (the search facets' values) is read by no one.
            self.stack.append((tag, lang or parent[1], parent[2] or "hidden" in attributes))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        inside = {t for t, _, _ in self.stack}
        if "article" in inside and not {"script", "style", "svg"} & inside \
                and not self.stack[-1][2] and data.strip() in self.messages \
                and self.stack[-1][1] != "en":
            self.found.append(data.strip())


def _interface_strings() -> set[str]:
    from babel.messages.pofile import read_po
    with (ROOT / "generator/locales/messages.pot").open("rb") as pot:
        return {m.id for m in read_po(pot) if isinstance(m.id, str) and "%" not in m.id
                and len(m.id) > 3}


def test_an_edition_without_a_catalogue_marks_the_interfaces_english(dossiers):
    site = dossiers("english-french") / "site" / "fr"
    messages = _interface_strings()
    unmarked, marked = {}, 0
    for path in sorted(site.rglob("index.html")):
        parser = _EnglishOutsideEnglish(messages)
        parser.feed(path.read_text(encoding="utf-8"))
        marked += parser.marked
        if parser.found:
            unmarked[path.relative_to(site).as_posix()] = parser.found
    assert unmarked == {}
    assert marked > 0


def test_no_file_of_a_dossier_keeps_the_marks_of_english_strings(dossiers):
    target = dossiers("english-french")
    for root in ("site", "docs"):
        for path in sorted((target / root).rglob("*")):
            if path.is_file() and path.suffix in (".html", ".md", ".xml", ".json", ".csv",
                                                  ".txt", ".bib", ".ris", ".yml", ".js"):
                data = path.read_bytes()
                assert b"\xc2\x86" not in data and b"\xc2\x87" not in data, path
                assert b"%C2%86" not in data.upper() and b"&#134;" not in data, path


def test_the_new_dossiers_own_test_suite_passes_on_a_corpus_on_another_topic(dossiers):
    target = dossiers("english-french")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DOSSIER_ENGINES": "mkdocs"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests"], cwd=target, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\b\d+ passed", result.stdout)
