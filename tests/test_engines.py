"""The two engines build the same site: the same pages in every edition, each with the
same main content, on the real dossier and on a corpus on another topic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.languages import EDITIONS, TRANSLATION_LANGUAGES, prefix
from generator.build import editions
from generator.build import zensical
from generator.build.site import ENGINES, engine_command

from .conftest import FIXTURES, ROOT, SEED, corpus_names, run_generator
from .parity import differences, main_content, page_paths

CORPORA = {"seed dossier": SEED, "other topic": FIXTURES / "valid"}


@pytest.fixture(scope="module", params=corpus_names(CORPORA))
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


# What makes the Indonesian edition build with Zensical: a complete configuration, and
# raw links that Zensical reads as the generator meant them.

def test_each_editions_configuration_is_complete_with_its_lists_given_once(tmp_path):
    base = editions.read_config(ROOT / "mkdocs.yml")
    own = editions.config(base, "id", None)
    assert "INHERIT" not in own
    assert own["theme"]["language"] == "id" and own["theme"]["features"] == \
        base["theme"]["features"]
    assert len(own["nav"]) == len(base["nav"]) and own["nav"][0] == {"Beranda": "index.md"}
    assert len(own["theme"]["palette"]) == len(base["theme"]["palette"])
    assert own["markdown_extensions"] == base["markdown_extensions"]
    assert base["theme"]["language"] == "en"  # the base is left as it was


def test_mkdocs_yml_site_url_is_read_from_the_environment_as_mkdocs_reads_it(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/dossier")
    base = editions.read_config(ROOT / "mkdocs.yml")
    assert base["site_url"] == "https://example.org/dossier"
    assert editions.config(base, "en", None)["site_url"] == "https://example.org/dossier/"
    assert editions.config(base, "id", None)["site_url"] == "https://example.org/dossier/id/"


def test_a_setting_no_configuration_file_can_carry_fails_the_build_with_its_line(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra_templates:\n"
                      "  - !!python/name:os.system\n", encoding="utf-8")
    run = run_generator("site", "--strict", "--engine", "zensical", cwd=project)
    assert run.code == 1
    assert "mkdocs.yml" in run.err and "line" in run.err and "python/name" in run.err
    assert "Traceback" not in run.err
    assert not (project / "site").exists()


def test_a_raw_link_is_rewritten_relative_to_its_source_file_for_zensical():
    page = '<a class="net-node" href="../../actors/belarus/" data-id="belarus">'
    assert zensical.adapt_page(page, "actors/alexander-lukashenko.md") == \
        '<a class="net-node" href="belarus/" data-id="belarus">'
    assert zensical.file_relative("../../claims/x/#stances", "articles/a.md") == \
        "../claims/x/#stances"
    assert zensical.file_relative("../", "tags/summit/2.md") == "./"


def test_markdown_links_and_absolute_addresses_are_left_to_zensical(tmp_path):
    text = ("[Belarus](../actors/belarus.md) <a href=\"https://example.org/x/\">x</a> "
            "<a href=\"#top\">top</a> <a href=\"/feed.xml\">feed</a>")
    assert zensical.adapt_page(text, "actors/x.md") == text
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    index = '<a href="../network/">network</a>'
    (docs / "actors" / "index.md").write_text(index, encoding="utf-8")
    zensical.adapt_docs(docs)
    assert (docs / "actors" / "index.md").read_text(encoding="utf-8") == index
