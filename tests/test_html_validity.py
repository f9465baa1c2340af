"""The markup the generator writes is valid HTML: the Nu HTML Checker (vnu, pinned in
tests/node/package.json, run with this machine's Java) finds no error in it, on one page
of each kind of both editions, as each engine builds them.

The engines' own markup is not ours: an error on an element of the theme (a class
``md-…``: Material's header toggles and navigation labels) is left to the theme."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build.site import ENGINES

from .conftest import FIXTURES, ROOT
from .lighthouse import editions, page_kinds

VNU = ROOT / "tests" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def one_page_of_each_kind(site: Path) -> list[Path]:
    pages = [site / "404.html"]
    for folder in editions(site).values():
        pages += [folder / path / "index.html" for path in page_kinds(folder).values()]
    return pages


def errors(files: list[Path]) -> list[dict]:
    """vnu's errors in ``files``, each with its file, line and the markup it is about."""
    java = shutil.which("java")
    assert java and VNU.is_file(), "vnu needs Java and `make node-tools`"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def ours(message: dict) -> bool:
    return 'class="md-' not in message.get("extract", "")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("corpus", ["seed", "valid"])
def test_vnu_finds_no_error_in_the_markup_we_write(built_sites, engine, corpus):
    site = built_sites(engine, *(() if corpus == "seed" else (FIXTURES / "valid",)))
    found = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
             for m in errors(one_page_of_each_kind(site)) if ours(m)]
    assert found == [], "\n".join(found[:20])


def test_the_checker_finds_an_error_where_there_is_one(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="en"><title>t</title><table><tr role="row">'
                    "<td>x</td></tr></table></html>", encoding="utf-8")
    assert [m for m in errors([page]) if ours(m)]
