"""The test suite every dossier runs: ``from generator.testing.suite import *`` in its
``tests/`` (``dossier init`` writes that file).

It fits any content, from an empty ``sources/`` to thousands of articles: the sources
valid under ``--strict``; the site built by each installed engine, in every edition;
every source file with its page; every internal link resolving; no request to a third
party; axe-core finding nothing serious on a page of each type in each edition, wide and
light, narrow and dark; and, when the dossier keeps the texts of its articles
(``texts/<article-id>.txt``, or the folder ``DOSSIER_TEXTS`` names), every quote
verbatim in its article's text.

The dossier is the folder ``DOSSIER_ROOT`` names, else the working folder; a dossier's
``conftest.py`` may override the ``dossier_root`` fixture instead.
"""

from __future__ import annotations

import importlib.util
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build.configuration import load_settings
from generator.dossier.schema import FOLDERS
from generator.settings import Settings

ENGINES = tuple(engine for engine, module in (("mkdocs", "mkdocs"), ("zensical", "zensical"))
                if importlib.util.find_spec(module) is not None
                and engine in os.environ.get("DOSSIER_ENGINES", engine).split(","))
"""The engines installed beside the generator: the site is built and checked with each
(``DOSSIER_ENGINES=mkdocs`` names fewer)."""
SECTIONS = ("", "about/", *(f"{folder}/" for folder in FOLDERS), "timeline/", "network/",
            "tags/", "data/")
"""The pages every edition has, besides the entities' own."""


def _copy(root: Path, target: Path) -> Path:
    """The dossier's inputs in ``target``, so that a test build leaves its docs/ alone."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(root / "sources", target / "sources", symlinks=True)
    shutil.copytree(root / "docs", target / "docs", symlinks=True)
    if (root / ".git").exists():
        # Each page says when its source last changed, from the repository's history.
        shutil.copytree(root / ".git", target / ".git", symlinks=True)
    return target


def _dossier(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # The generator this suite comes with, installed or in a checkout of its repository.
    home = str(Path(__file__).resolve().parent.parent.parent)
    path = os.pathsep.join(p for p in (home, os.environ.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": path})


@pytest.fixture(scope="session")
def dossier_root() -> Path:
    return Path(os.environ.get("DOSSIER_ROOT") or Path.cwd()).resolve()


@pytest.fixture(scope="session")
def dossier_settings(dossier_root) -> Settings:
    return load_settings(dossier_root / "mkdocs.yml")


@pytest.fixture(scope="session")
def dossier_sites(dossier_root, tmp_path_factory):
    """``site(engine)``: the dossier built by ``engine``, once per test run."""
    sites: dict[str, Path] = {}

    def site(engine: str) -> Path:
        if engine not in sites:
            project = _copy(dossier_root, tmp_path_factory.mktemp(f"dossier-{engine}"))
            result = _dossier("site", "--strict", "--engine", engine, cwd=project)
            assert result.returncode == 0, result.stdout + result.stderr
            sites[engine] = project / "site"
        return sites[engine]

    return site


def _entities(root: Path, folder: str) -> list[str]:
    return sorted(p.stem for p in (root / "sources" / folder).glob("*.yml"))


def test_the_sources_are_valid_under_strict(dossier_root, tmp_path):
    result = _dossier("check", "--strict", cwd=_copy(dossier_root, tmp_path / "dossier"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_every_edition_has_every_section_and_every_entity_page(dossier_sites, dossier_root,
                                                               dossier_settings, engine):
    site = dossier_sites(engine)
    missing = []
    for language in dossier_settings.editions:
        prefix = dossier_settings.prefix(language)
        pages = [*SECTIONS, *(f"{folder}/{entity}/" for folder in FOLDERS
                              for entity in _entities(dossier_root, folder))]
        missing += [prefix + page for page in pages
                    if not (site / prefix / page / "index.html").is_file()]
    assert missing == []


class _References(HTMLParser):
    """Every address a page links to or loads."""

    def __init__(self):
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "href" and tag in ("a", "link", "area")
                          or name == "src" and tag in ("script", "img", "iframe", "source")):
                self.targets.append(value)


def _local_target(page: str, address: str) -> str | None:
    """The site-relative file ``address`` on ``page`` leads to, or None when it leaves
    the site or stays on the page."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or address.startswith("#"):
        return None
    path = parts.path if parts.path.startswith("/") else posixpath.join(posixpath.dirname(page),
                                                                         parts.path)
    return posixpath.normpath(path).lstrip("/")


@pytest.mark.parametrize("engine", ENGINES)
def test_every_internal_link_resolves(dossier_sites, engine):
    site = dossier_sites(engine)
    broken = []
    for html_file in sorted(site.rglob("*.html")):
        page = html_file.relative_to(site).as_posix()
        if page.endswith("404.html"):
            continue  # served at any address, it links from the site's root
        parser = _References()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for address in parser.targets:
            target = _local_target(page, address)
            if target is None or target == ".":
                continue
            resolved = site / target
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{page} -> {address}")
    assert broken == []


_FOREIGN = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\s(?:src|href)="(?:https?:)?//')


@pytest.mark.parametrize("engine", ENGINES)
def test_no_page_loads_anything_from_another_site(dossier_sites, engine):
    site = dossier_sites(engine)
    loading = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
               if _FOREIGN.search(p.read_text(encoding="utf-8"))]
    assert loading == []


def _sample(root: Path, settings: Settings) -> list[str]:
    """A page of each type in each edition: the sections, and an entity of each kind."""
    pages = [*SECTIONS, *(f"{folder}/{ids[0]}/" for folder in FOLDERS
                          if (ids := _entities(root, folder)))]
    return [settings.prefix(language) + page for language in settings.editions for page in pages]


@pytest.fixture(scope="session")
def browser():
    from generator.testing.browser import chromium
    with chromium() as running:
        yield running


@pytest.mark.parametrize("engine", ENGINES)
def test_a_page_of_each_type_requests_nothing_from_another_site(
        dossier_sites, dossier_root, dossier_settings, browser, engine):
    from generator.testing.browser import Traffic, serve
    site = dossier_sites(engine)
    foreign = {}
    with serve(site) as base:
        page = browser.new_page()
        traffic = Traffic(page)
        for address in _sample(dossier_root, dossier_settings):
            page.goto(f"{base}/{address}")
            page.wait_for_load_state("networkidle")
        foreign = traffic.foreign(base)
        page.close()
    assert foreign == []


@pytest.mark.parametrize("engine", ENGINES)
def test_axe_finds_nothing_serious_on_a_page_of_each_type_in_each_edition(
        dossier_sites, dossier_root, dossier_settings, browser, engine):
    from generator.testing.browser import serve, violations_at
    site = dossier_sites(engine)
    found = {}
    with serve(site) as base:
        for address in _sample(dossier_root, dossier_settings):
            for width, scheme in ((1280, "light"), (390, "dark")):
                violations = violations_at(browser, f"{base}/{address}", width, scheme)
                if violations:
                    found[f"{address} {width} {scheme}"] = violations
    assert found == {}


def _texts(root: Path) -> Path:
    return Path(os.environ.get("DOSSIER_TEXTS") or root / "texts")


def _said(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_is_verbatim_in_its_articles_text(dossier_root):
    texts = _texts(dossier_root)
    if not texts.is_dir():
        pytest.skip(f"the dossier keeps no texts of its articles ({texts.name}/)")
    missing = []
    for path in sorted((dossier_root / "sources" / "articles").glob("*.yml")):
        article = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        quoted = [q.get("text", "") for q in article.get("quotes") or []]
        for claim in sorted((dossier_root / "sources" / "claims").glob("*.yml")):
            stances = (yaml.safe_load(claim.read_text(encoding="utf-8")) or {}).get("stances") or []
            quoted += [s["quote"] for s in stances if s.get("source") == path.stem and s.get("quote")]
        if not quoted:
            continue
        source = texts / f"{path.stem}.txt"
        if not source.is_file():
            missing.append(f"{path.stem}: no {texts.name}/{source.name}")
            continue
        published = _said(source.read_text(encoding="utf-8"))
        missing += [f"{path.stem}: {quote!r}" for quote in quoted if _said(quote) not in published]
    assert missing == []
