"""``dossier init``: write a new dossier repository that installs the generator.

The new repository holds what a dossier owns: its settings (``mkdocs.yml``), its
hand-written pages, an empty ``sources/``, a Makefile, its README and CONTRIBUTING, its
workflows and its test suite. It holds no generator code: the generator is a pinned
requirement (``requirements.txt``), so a dossier upgrades by changing one version.

The files come from ``starter/``, package data rendered with Jinja. Everything that
depends on a language is written in that language where the generator's catalogue has
it, and in English otherwise (the README says which pages to translate).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import __version__
from generator.dossier.schema import FOLDERS
from generator.settings import Settings, babel_locale, language_name, use
from generator.text import english, i18n

STARTER = Path(__file__).resolve().parent / "starter"
DISTRIBUTION = "dossier-generator"
DEFAULT_REQUIREMENT = f"{DISTRIBUTION}=={__version__}"
"""This release, as published: what a new dossier installs unless told otherwise."""
EXTRAS = "test,zensical"
"""The generator's extras a dossier installs: its test suite's needs, and the second
engine, so that its tests build with both."""


class InitError(Exception):
    """The dossier cannot be written; nothing was."""


@dataclass(frozen=True)
class Edition:
    language: str
    name: str
    prefix: str
    interface_in_english: bool


def requirement_line(requirement: str) -> str:
    """The line of ``requirements.txt`` that installs the generator with its test extra.

    ``requirement`` is a pip requirement (``dossier-generator==1.0.0``), or a path to a
    clone or a wheel of it, which pip is given as a direct reference."""
    spec = requirement.strip()
    if not spec:
        raise InitError("--generator: give a pip requirement, or a path to a clone or a wheel")
    if spec.startswith(DISTRIBUTION):
        rest = spec[len(DISTRIBUTION):]
        if rest.startswith("["):
            return spec
        return f"{DISTRIBUTION}[{EXTRAS}]{rest}"
    looks_like_path = os.sep in spec or spec.startswith(".") or spec.endswith(".whl")
    if looks_like_path or "://" in spec:
        url = spec if "://" in spec else Path(spec).expanduser().resolve().as_uri()
        return f"{DISTRIBUTION}[{EXTRAS}] @ {url}"
    raise InitError(f"--generator {spec!r}: give {DISTRIBUTION} with a version "
                    f"({DEFAULT_REQUIREMENT}), a path to a clone or a wheel, or an address")


def _check_language(tag: str, option: str) -> str:
    try:
        babel_locale(tag)
    except ValueError as exc:
        raise InitError(f"{option}: {exc}") from None
    return tag


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(STARTER), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             extensions=["jinja2.ext.i18n"], autoescape=False)
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
    env.filters["yaml_string"] = _yaml_string
    return env


def _yaml_string(value: str) -> str:
    """``value`` as a double-quoted YAML string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


_ROOT_FILES = {
    "mkdocs.yml.j2": "mkdocs.yml",
    "Makefile": "Makefile",
    "requirements.txt.j2": "requirements.txt",
    "README.md.j2": "README.md",
    "CONTRIBUTING.md.j2": "CONTRIBUTING.md",
    "CONTENT-LICENCE.md.j2": "CONTENT-LICENCE.md",
    "gitignore": ".gitignore",
    "vscode-settings.json": ".vscode/settings.json",
    "workflows/ci.yml": ".github/workflows/ci.yml",
    "workflows/deploy.yml": ".github/workflows/deploy.yml",
    "dependabot.yml": ".github/dependabot.yml",
    "correction.yml": ".github/ISSUE_TEMPLATE/correction.yml",
    "test_dossier.py": "tests/test_dossier.py",
    "conftest.py": "tests/conftest.py",
    "vscode-extensions.json": ".vscode/extensions.json",
}
"""Starter file -> where it goes in the new dossier (``.j2`` files are rendered)."""
_PAGES = {"index.md.j2": "index.md", "about.md.j2": "about.md"}
"""Hand-written pages, written once per edition (``docs/``, ``docs/<language>/``)."""


def plan(title: str, language: str, editions: list[str], requirement: str) -> dict[str, str]:
    """Every file of the new dossier, by its path in it."""
    title = " ".join(title.split())
    if not title:
        raise InitError("--title: give the dossier's title")
    _check_language(language, "--language")
    others: list[str] = []
    for tag in editions:
        _check_language(tag, "--edition")
        if tag == language:
            raise InitError(f"--edition {tag}: that is the dossier's own language (--language)")
        if tag not in others:
            others.append(tag)
    line = requirement_line(requirement)
    settings = Settings(language=language, translations=tuple(others))
    env = _environment()
    all_editions = [Edition(tag, language_name(tag), settings.prefix(tag),
                            not i18n.has_catalogue(tag)) for tag in settings.editions]
    context = {
        "title": title, "language": language, "own": all_editions[0],
        "editions": all_editions[1:], "all_editions": all_editions,
        "requirement": line, "version": __version__, "folders": FOLDERS,
        "year": datetime.date.today().year,
    }
    files: dict[str, str] = {}
    with use(settings):
        for name, target in _ROOT_FILES.items():
            files[target] = _render(env, name, context, language)
        for edition in all_editions:
            for name, target in _PAGES.items():
                files[f"docs/{edition.prefix}{target}"] = _render(
                    env, f"docs/{name}", {**context, "edition": edition}, edition.language)
    for folder in FOLDERS:
        files[f"sources/{folder}/.gitkeep"] = ""
    return dict(sorted(files.items()))


def _render(env: jinja2.Environment, name: str, context: dict, language: str) -> str:
    if not name.endswith(".j2"):
        # Workflows and other files that carry their own ${{ }} are copied as they are.
        return (STARTER / name).read_text(encoding="utf-8")
    template = env.get_template(name)
    with i18n.edition(language):
        text = template.render(**context)
    # The starter's own words in an edition with no catalogue: English, marked so in the
    # pages, plain elsewhere (generator/text/english.py).
    return english.in_page(text) if name.endswith(".md.j2") else english.unmark(text)


def create(target: Path, title: str, language: str, editions: list[str],
           requirement: str = DEFAULT_REQUIREMENT) -> list[Path]:
    """Write the new dossier into ``target``, which must be missing or empty."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(f"{target}: the folder is not empty; choose a new or an empty folder")
    files = plan(title, language, editions, requirement)
    written = []
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
