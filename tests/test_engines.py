"""The two engines build the same site: the same pages, each with the same main content,
on the real dossier and on a corpus on another topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site import ENGINES, engine_command

from .conftest import FIXTURES, ROOT, make_project, run_generator
from .parity import differences, main_content, page_paths

CORPORA = {"seed dossier": ROOT / "sources", "other topic": FIXTURES / "valid"}


@pytest.fixture(scope="module", params=CORPORA)
def builds(request, tmp_path_factory) -> dict[str, Path]:
    """The corpus built by each engine: engine -> site folder."""
    sites = {}
    for engine in ENGINES:
        project = make_project(tmp_path_factory.mktemp(engine), CORPORA[request.param])
        result = run_generator("site", "--strict", "--engine", engine,
                               "--root", str(project), cwd=project)
        assert result.code == 0, result.err
        sites[engine] = project / "site"
    return sites


def test_both_engines_build_the_same_pages(builds):
    mkdocs, zensical = page_paths(builds["mkdocs"]), page_paths(builds["zensical"])
    assert len(mkdocs) > 10
    assert sorted(mkdocs ^ zensical) == []


def test_every_page_has_the_same_main_content_in_both_builds(builds):
    assert differences(builds["mkdocs"], builds["zensical"]) == []


def test_both_builds_carry_the_same_search_index(builds):
    for site in builds.values():
        assert (site / "pagefind" / "pagefind.js").is_file()
    fragments = [len(list((site / "pagefind" / "fragment").iterdir())) for site in builds.values()]
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


def test_an_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown engine 'hugo'"):
        engine_command("hugo", tmp_path / "mkdocs.yml", tmp_path / "site")
