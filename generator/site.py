"""Build the whole site as a trial in a staging folder; publish it only if it succeeds.

A failing build leaves ``docs/`` and ``site/`` exactly as they were: the pages are
rendered and MkDocs runs on a complete copy, and only a clean result is swapped in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .write import replace_dir, stage_docs, sync


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
"""The theme override that mkdocs.yml names as ``custom_dir``, relative to mkdocs.yml."""


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


def engine_command(engine: str, config: Path, site_dir: Path) -> list[str]:
    """The strict build of ``engine``. Zensical has no output option: it writes to the
    config's site_dir, ``site/`` beside the config, which is where ``site_dir`` is here."""
    if engine == "zensical":
        if site_dir != config.parent / "site":
            raise ValueError(f"zensical writes to {config.parent / 'site'}, not {site_dir}")
        return [sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                "-f", str(config)]
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                "-f", str(config), "-d", str(site_dir)]
    raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def engine_build(engine: str, config: Path, site_dir: Path, cwd: Path) -> None:
    result = subprocess.run(engine_command(engine, config, site_dir), cwd=cwd,
                            capture_output=True, text=True, env=engine_env())
    if result.returncode != 0:
        output = _COLOUR.sub("", result.stdout + result.stderr)
        # Zensical follows its report with a Python traceback that says only "Aborted".
        raise BuildFailed(output.split("Traceback (most recent call last)")[0].strip())


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


def build_site(project: Project, pages: dict[str, str | bytes], engine: str = "mkdocs"
               ) -> tuple[int, int]:
    """Trial-build the site with ``pages`` (generated files under docs/) and ``engine``;
    on success publish docs and site."""
    work = project.root / ".build"
    work.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=work, prefix="stage-"))
    try:
        shutil.copy2(project.config, stage / "mkdocs.yml")
        # MkDocs finds custom_dir beside the config it is given: the staged copy.
        if (project.config.parent / THEME).is_dir():
            shutil.copytree(project.config.parent / THEME, stage / THEME)
        stage_docs(pages, project.docs, stage / "docs")
        engine_build(engine, stage / "mkdocs.yml", stage / "site", cwd=stage)
        index_search(stage / "site")
        counts = sync(pages, project.docs)
        replace_dir(stage / "site", project.site)
        return counts
    finally:
        shutil.rmtree(stage, ignore_errors=True)
