"""Build the whole site as a trial in a staging folder; publish it only if it succeeds.

A failing build leaves ``docs/`` and ``site/`` exactly as they were: the pages are
rendered and MkDocs runs on a complete copy, and only a clean result is swapped in.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.build import editions
from generator.build import sitemaps
from generator.build import zensical
from generator.settings import other_languages, own_language, prefix
from generator.outputs import Publication, cards
from generator.pages.render import EDITION_OUTPUTS, PAGE_FOLDERS
from generator.build.write import replace_dir, stage_docs, sync


@dataclass
class Project:
    """Where a dossier's inputs and outputs live."""

    root: Path
    sources: Path
    docs: Path
    site: Path
    config: Path

    @classmethod
    def at(cls, root: Path, sources=None, docs=None, site=None, config=None) -> "Project":
        root = root.resolve()
        return cls(root, Path(sources or root / "sources"), Path(docs or root / "docs"),
                   Path(site or root / "site"), Path(config or root / "mkdocs.yml"))


THEME = "generator/theme"
"""The theme override that mkdocs.yml names as ``custom_dir``, relative to mkdocs.yml
(the generated configurations name generator/theme/ by its absolute path)."""


class BuildFailed(Exception):
    """The engine refused the staged site; its output says why."""


ENGINES = ("mkdocs", "zensical")
"""What turns the staged Markdown into HTML: MkDocs with mkdocs-material (the default),
or Zensical, Material's successor, which reads the same mkdocs.yml
(requirements-zensical.txt)."""


def engine_env() -> dict[str, str]:
    # The theme's end-of-life notice is known (README, "Engines"); repeated on every
    # build it would bury the messages that matter.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# Zensical 0.0.73 colours its report even into a pipe, and ignores NO_COLOR.
_COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def engine_output(engine: str, config: Path, site_dir: Path) -> Path:
    """Where ``engine`` writes the site: MkDocs into ``site_dir``; Zensical, which has no
    output option and keeps its site_dir inside the folder of its configuration, into
    ``site/`` beside the configuration, from where ``engine_build`` moves it."""
    return config.parent / "site" if engine == "zensical" else site_dir


def engine_command(engine: str, config: Path, site_dir: Path) -> list[str]:
    """The strict build of ``engine``, into ``engine_output(engine, config, site_dir)``."""
    if engine == "zensical":
        return [sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                "-f", str(config)]
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                "-f", str(config), "-d", str(site_dir)]
    raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def place_output(engine: str, config: Path, site_dir: Path) -> None:
    """Move what ``engine`` built into ``site_dir``, where it did not write there itself."""
    output = engine_output(engine, config, site_dir)
    if output != site_dir:
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        output.rename(site_dir)


def engine_build(engine: str, config: Path, site_dir: Path, cwd: Path) -> None:
    result = subprocess.run(engine_command(engine, config, site_dir), cwd=cwd,
                            capture_output=True, text=True, env=engine_env())
    if result.returncode != 0:
        output = _COLOUR.sub("", result.stdout + result.stderr)
        # Zensical follows its report with a Python traceback that says only "Aborted".
        raise BuildFailed(output.split("Traceback (most recent call last)")[0].strip())
    place_output(engine, config, site_dir)


# What the search covers: the home and about pages and every entity page. Listings,
# tags and the timeline only repeat entity titles; Pagefind has no exclusion glob.
SEARCH_GLOB = ("{index.html,about/index.html,articles/*/index.html,actors/*/index.html,"
               "claims/*/index.html,events/*/index.html,places/*/index.html}")


def index_search(site_dir: Path) -> None:
    """Add Pagefind's index, split into fragments a reader fetches on demand."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
               "--root-selector", "article.md-content__inner",
               "--exclude-selectors", ".headerlink", "--glob", SEARCH_GLOB]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailed("search index: " + (result.stdout + result.stderr).strip())


def edition_files(docs: Path, language: str) -> dict[str, Path]:
    """The docs tree of ``language``'s edition, by path in that tree: its pages from
    ``docs/<language>/``, and everything else (styles, scripts, downloads) shared."""
    own = docs / language
    files = {p.relative_to(own).as_posix(): p for p in sorted(own.rglob("*")) if p.is_file()}
    ours = {rel.split("/")[0] for rel in files}
    # The share cards are the site's: every edition's pages name the ones at the root.
    skip = {*PAGE_FOLDERS, *EDITION_OUTPUTS, *other_languages()}
    for path in sorted(docs.iterdir()):
        # A hand-written page with no version in this language is shown in English
        # rather than missing from the edition's navigation.
        if path.name in skip or path.name in ours:
            continue
        shared = sorted(path.rglob("*")) if path.is_dir() else [path]
        files.update({p.relative_to(docs).as_posix(): p for p in shared if p.is_file()})
    return files


def stage_edition(docs: Path, language: str, target: Path) -> None:
    """A copy of ``language``'s edition's docs tree in ``target``."""
    for rel, source in edition_files(docs, language).items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / rel)


def _write_config(base: dict, language: str, path: Path) -> Path:
    # SITE_URL is what mkdocs.yml's site_url reads (!ENV); every edition is under it.
    site_url = Publication.from_environment().site_url
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(editions.dumps(editions.config(base, language, site_url)), encoding="utf-8")
    return path


@dataclass(frozen=True)
class EditionBuild:
    """One engine run: an edition's configuration, where it builds to, and from where."""

    language: str
    config: Path
    site: Path
    cwd: Path


def prepare_editions(stage: Path, config: Path, engine: str = "mkdocs") -> list[EditionBuild]:
    """Configurations (and docs trees) of every edition in ``stage``, whose ``docs/`` holds
    all pages: English from ``docs/`` into ``site/``, each other language from a tree of
    its own into ``site/<language>/``. The English build comes first: it empties site/.

    Each configuration is complete (generator/editions.py), so that both engines read it;
    for Zensical, each docs tree's raw links are adapted (generator/zensical.py)."""
    try:
        base = editions.read_config(config)
    except editions.ConfigError as exc:
        raise BuildFailed(str(exc)) from None
    builds = [EditionBuild(own_language(), _write_config(
        base, own_language(), stage / "mkdocs.en.yml"), stage / "site", stage)]
    for language in other_languages():
        # Its own folder, so that paths mkdocs.yml gives relative to the working folder
        # (the snippets' docs/.generated) lead into this edition's tree.
        root = stage / language
        shutil.rmtree(root, ignore_errors=True)
        stage_edition(stage / "docs", language, root / "docs")
        own = _write_config(base, language, root / "mkdocs.yml")
        builds.append(EditionBuild(language, own, stage / "site" / language, root))
    if engine == "zensical":
        for build in builds:
            zensical.adapt_docs(build.config.parent / "docs", skip=other_languages())
    return builds


UNLISTED = ("embed/",)
"""Folders of pages kept out of the sitemap: the embeddable views, which are also kept
out of search engines (``noindex``) and of the search index (SEARCH_GLOB)."""
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)


def unlist(site_dir: Path, site_url: str, folders: tuple[str, ...] = UNLISTED) -> None:
    """Take the pages under ``folders`` out of the edition's sitemap (and its gzipped copy,
    written again with the engine's timestamp), whichever engine wrote it."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    def keep(match: re.Match) -> str:
        loc = match[1].strip()
        path = loc[len(site_url):] if site_url and loc.startswith(site_url) else loc
        return "" if path.lstrip("/").startswith(folders) else match[0]
    unlisted = _SITEMAP_URL.sub(keep, text)
    if unlisted == text:
        return
    sitemap.write_text(unlisted, encoding="utf-8")
    packed = site_dir / "sitemap.xml.gz"
    if packed.is_file():
        # The gzip header's time (bytes 4-8) is the engine's; kept, so is the output.
        mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
        with packed.open("wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=mtime,
                                                     filename="") as gz:
            gz.write(unlisted.encode("utf-8"))


def build_editions(stage: Path, config: Path, engine: str = "mkdocs") -> None:
    """Build and index every edition from ``stage/docs`` into ``stage/site``."""
    site_url = Publication.from_environment().site_url or ""
    for build in prepare_editions(stage, config, engine):
        engine_build(engine, build.config, build.site, cwd=build.cwd)
        unlist(build.site, site_url + prefix(build.language))
        index_search(build.site)


def build_site(project: Project, pages: dict[str, str | bytes], engine: str = "mkdocs"
               ) -> tuple[int, int]:
    """Trial-build the site with ``pages`` (generated files under docs/) and ``engine``;
    on success publish docs and site."""
    work = project.root / ".build"
    work.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=work, prefix="stage-"))
    try:
        # Each edition's configuration names the theme override by its absolute path
        # (generator/editions.py), so only the docs are staged.
        stage_docs(pages, project.docs, stage / "docs")
        build_editions(stage, project.config, engine)
        # Once every edition is built: the root sitemap lists them all.
        sitemaps.write(stage / "site", Publication.from_environment().site_url)
        counts = sync(pages, project.docs)
        replace_dir(stage / "site", project.site)
        return counts
    finally:
        shutil.rmtree(stage, ignore_errors=True)
