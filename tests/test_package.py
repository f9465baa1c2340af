"""The generator as a distribution: its version, its command, its package data."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from generator import __version__
from generator.tools import release

from .conftest import ROOT, run_generator


def test_dossier_version_prints_the_packages_version():
    run = run_generator("--version", cwd=ROOT)
    assert run.code == 0 and run.out.strip() == f"dossier {__version__}"


def test_the_version_is_semantic_and_read_by_the_build_backend_from_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["hatch"]["version"]["path"] == "generator/__init__.py"
    assert "version" in project["project"]["dynamic"]
    assert [part.isdigit() for part in __version__.split(".")] == [True, True, True]


def test_the_command_is_the_dossier_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"dossier": "generator.__main__:run"}


def test_the_changelogs_first_entry_is_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert first.startswith(f"## {__version__} ")


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """The sdist and the wheel, built as the release workflow builds them."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir",
                            str(out), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    return out


def test_the_wheel_carries_the_package_data_and_the_release_check_finds_nothing(dist):
    assert release.problems(dist, f"v{__version__}") == []


def test_the_release_check_refuses_a_tag_of_another_version(dist):
    assert release.problems(dist, "v0.0.1") == [
        f"tag 'v0.0.1' does not name version {__version__} (expected v{__version__})"]


RUNTIME_ONLY = {"numpy"}
"""Distributions a dependency imports only when called, which no import in generator/
shows: networkx's spring_layout (the network drawing) imports NumPy."""


def _closure(requirements: list[str]) -> set[str]:
    """The distributions ``requirements`` bring, with what each requires (no extras)."""
    import re
    from importlib import metadata
    seen: set[str] = set()
    todo = [re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0] for r in requirements]
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [re.split(r"[\s\[<>=!~;(]", r, maxsplit=1)[0] for r in requires
                 if "extra ==" not in r]
    return seen


def test_the_packages_dependencies_bring_everything_the_generator_imports():
    import ast
    from importlib import metadata
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    brought = _closure(project["dependencies"])
    owners = metadata.packages_distributions()
    imported: set[str] = set(RUNTIME_ONLY)
    for path in (ROOT / "generator").rglob("*.py"):
        if "starter" in path.parts or "testing" in path.parts:
            continue  # the dossier's tests, installed with the [test] extra
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0
                     and node.module else [])
            for name in names:
                for owner in owners.get(name.split(".")[0], []):
                    imported.add(owner.lower().replace("_", "-"))
    assert sorted(imported - brought - {project["name"]}) == []
