"""The two engines build the same site: the same pages in every edition, each with the
same main content, on the real dossier and on a corpus on another topic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.languages import EDITIONS, TRANSLATION_LANGUAGES, prefix
from generator.site import ENGINES, engine_command

from .conftest import FIXTURES, ROOT
from .parity import differences, main_content, page_paths

CORPORA = {"seed dossier": ROOT / "sources", "other topic": FIXTURES / "valid"}


@pytest.fixture(scope="module", params=CORPORA)
def builds(request, built_sites) -> dict[str, Path]:
    """The corpus built by each engine: engine -> site folder."""
    return {engine: built_sites(engine, CORPORA[request.param]) for engine in ENGINES}


def test_both_engines_build_the_same_pages_in_every_edition(builds):
    mkdocs, zensical = page_paths(builds["mkdocs"]), page_paths(builds["zensical"])
    for language in TRANSLATION_LANGUAGES:
        assert len({p for p in mkdocs if p.startswith(prefix(language))}) > 10
    assert sorted(mkdocs ^ zensical) == []


def test_every_page_has_the_same_main_content_in_both_builds(builds):
    assert differences(builds["mkdocs"], builds["zensical"]) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_both_builds_carry_the_same_search_index_for_each_edition(builds, edition):
    indexes = [site / prefix(edition) / "pagefind" for site in builds.values()]
    for index in indexes:
        entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [edition]
    fragments = [len(list((index / "fragment").iterdir())) for index in indexes]
    assert fragments[0] == fragments[1] > 0


def test_the_comparison_notices_a_changed_word_and_a_link_elsewhere():
    page = ('<article class="md-content__inner md-typeset"><h1>Sergei Shoigu</h1>'
            '<a href="../russia/">Russia</a></article>')
    path = "actors/sergei-shoigu/index.html"
    same = page.replace("../russia/", "../../actors/russia/")
    assert main_content(same, path) == main_content(page, path)
    assert main_content(page.replace("Shoigu", "Shoygu"), path) != main_content(page, path)
    assert main_content(page.replace("../russia/", "../rusia/"), path) != \
        main_content(page, path)
    # One folder too high: the same page at a server's root, elsewhere under a path.
    assert main_content(page.replace("../russia/", "../../../actors/russia/"), path) != \
        main_content(page, path)


def test_an_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown engine 'hugo'"):
        engine_command("hugo", tmp_path / "mkdocs.yml", tmp_path / "site")
