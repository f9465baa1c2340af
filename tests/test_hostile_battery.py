"""Hostile input, second battery (issue 18): crashes, CI output injection, unescaped
settings, invisible text and lost hand-written pages.

Every case starts from the small corpus in ``fixtures/minimal`` (a harbour council and
its ferry fares), breaks one thing, and runs the generator as a contributor would. A
refusal names the file (and the line), exits non-zero, prints no traceback and leaves
docs/ and site/ byte for byte as they were.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import jinja2
import pytest
from markdown_it import MarkdownIt

from generator import __main__ as cli
from generator.build.site import THEME
from generator.build.write import MANIFEST
from generator.dossier.diagnostics import Report
from generator.build.pipeline import check, generate
from generator.outputs import OutputCollision, Publication
from generator.text.markup import render_markdown
from tests.conftest import FIXTURES, ROOT, Run, make_project, run_generator

MINIMAL = FIXTURES / "minimal"
ARTICLE = "sources/articles/2024-03-02-harbour-gazette-ferry-fares.yml"
COUNCIL = "sources/actors/harbour-council.yml"
EVENT = "sources/events/2024-03-01-fare-rise-announced.yml"
PLACE = "sources/places/port-town.yml"
CLAIM = "sources/claims/fare-rise-is-needed.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, MINIMAL)


@pytest.fixture
def built(project: Path) -> Path:
    """The project after one successful ``build``: docs/ holds the generated pages."""
    result = run(project, "build", "--strict")
    assert result.code == 0, result.err
    return project


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    return run_generator(*args, "--root", str(project), cwd=project, env=env)


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(*roots: Path) -> dict[str, bytes | None]:
    return {path.relative_to(root.parent).as_posix(): path.read_bytes() if path.is_file()
            else None for root in roots if root.exists() for path in sorted(root.rglob("*"))}


def refused(result: Run, *lines: str) -> None:
    """The run failed cleanly and printed each of ``lines`` as one line."""
    assert result.code != 0
    assert "Traceback" not in result.err, result.err
    printed = result.err.splitlines()
    for line in lines:
        assert any(p.startswith(line) for p in printed), (line, result.err)


def corpus(tmp_path: Path) -> Path:
    """A copy of the minimal sources to change and read in this process."""
    sources = tmp_path / "sources"
    shutil.copytree(MINIMAL, sources)
    return sources


def generated(sources: Path, costly: bool = True) -> dict[str, str | bytes]:
    report = Report()
    dossier = check(sources, report)
    assert dossier is not None, [d.format() for d in report.sorted()]
    return generate(dossier, Publication(), workers=1, costly=costly)


# 1. A character reference to a control character in a Markdown field.

@pytest.mark.parametrize("reference", ["&#x1;", "&#7;", "&#x1B;", "&#xFFFF;"])
def test_a_reference_to_a_control_character_in_a_summary_is_refused_with_file_and_line(
        project, reference):
    edit(project, PLACE, "coordinates:", f"summary: 'A bell {reference} rings.'\ncoordinates:")
    refused(run(project, "check"), f"sources/places/port-town.yml:4:10: 'summary' holds the "
            f"character reference {reference!r}")


def test_a_reference_to_a_control_character_in_an_article_stops_before_the_feed(project):
    edit(project, ARTICLE, "  The ferry operators'", "  A bell &#x1; rang. The ferry operators'")
    before = snapshot(project / "docs")
    refused(run(project, "build"), f"{ARTICLE}:6:10: 'summary' holds the character reference")
    assert snapshot(project / "docs") == before


def test_a_control_character_that_reaches_the_renderer_never_reaches_the_html():
    html = render_markdown("A bell &#x1; and an escape &#x1b; and &#xFFFF; *here*.")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", html)


# 2. Dates at both ends of four digits.

@pytest.mark.parametrize("date", ["9999-12-31", "9999-12", "9999", "2024-03-01/9999-12-31",
                                  "0001-01-01", "0001"])
def test_an_event_at_either_end_of_the_years_is_drawn_on_the_timeline(tmp_path, date):
    sources = corpus(tmp_path)
    edit(sources.parent, "sources/events/2024-03-01-fare-rise-announced.yml",
         "date: 2024-03-01", f"date: '{date}'")
    assert "timeline/index.md" in generated(sources)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "9999-12-31T10:00+05:00"])
def test_an_article_published_at_either_end_of_the_years_is_in_the_feed(tmp_path, published):
    sources = corpus(tmp_path)
    edit(sources.parent, "sources/articles/2024-03-02-harbour-gazette-ferry-fares.yml",
         "published: 2024-03-02", f"published: '{published}'")
    assert b"<feed" in generated(sources)["feed.xml"]


@pytest.mark.parametrize("rel, old, new, line", [
    (EVENT, "date: 2024-03-01", "date: 0000-01-01", f"{EVENT}:1:7: 'date': '0000-01-01' is in "
     "year 0000: years run from 0001 to 9999"),
    (ARTICLE, "published: 2024-03-02", "published: 0000-01-01", f"{ARTICLE}:3:12: 'published': "
     "'0000-01-01' is in year 0000"),
    (ARTICLE, "published: 2024-03-02", "published: 9999-12-31T23:00-05:00",
     f"{ARTICLE}:3:12: 'published': '9999-12-31T23:00-05:00' is outside the years 0001 to "
     "9999 in UTC"),
])
def test_a_date_outside_the_years_is_refused_with_file_and_line(project, rel, old, new, line):
    edit(project, rel, old, new)
    refused(run(project, "check"), line)


# 3. Names of generated pages.

def test_a_tag_named_index_is_refused_with_file_and_line(project):
    edit(project, ARTICLE, "tags: [fares]", "tags: [fares, index]")
    refused(run(project, "check"), f"{ARTICLE}:13:15: 'tags': tag 'index' is reserved")


@pytest.mark.parametrize("name", ["pages", "months", "id", "data", "2024-03", "network",
                                  "tags", "feed", "cards"])
def test_no_other_tag_or_id_takes_the_path_of_a_generated_page(tmp_path, name):
    sources = corpus(tmp_path)
    edit(sources.parent, "sources/articles/2024-03-02-harbour-gazette-ferry-fares.yml",
         "tags: [fares]", f"tags: [fares, {name}]")
    shutil.copy(sources / "places/port-town.yml", sources / f"places/{name}.yml")
    shutil.copy(sources / "actors/freedonia.yml", sources / f"actors/{name}.yml")
    edit(sources.parent, f"sources/actors/{name}.yml", "name: Freedonia", f"name: {name} Land")
    edit(sources.parent, f"sources/places/{name}.yml", "name: Port Town", f"name: {name} Bay")
    pages = generated(sources)
    assert f"tags/{name}.md" in pages and f"actors/{name}.md" in pages


def test_a_collision_of_generated_paths_is_one_line_not_a_traceback(project, monkeypatch,
                                                                    capsys):
    def colliding(*args, **kwargs):
        raise OutputCollision("two outputs would write docs/tags/index.md")
    monkeypatch.setattr(cli, "generate", colliding)
    assert cli.main(["build", "--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "two outputs would write docs/tags/index.md: nothing was written"]


# 4. Slow Markdown.

def _timed(tmp_path: Path, summary: str) -> tuple[float, dict]:
    sources = corpus(tmp_path)
    edit(sources.parent, "sources/actors/freedonia.yml",
         "summary: The state in which the harbour lies.", f"summary: '{summary}'")
    started = time.perf_counter()
    # Without the PDF, whose typesetting takes seconds for any dossier.
    pages = generated(sources, costly=False)
    return time.perf_counter() - started, pages


def test_a_summary_of_20000_open_brackets_takes_under_five_seconds_more_than_prose(tmp_path):
    normal, _ = _timed(tmp_path / "normal", "The state in which the harbour lies.")
    brackets, pages = _timed(tmp_path / "brackets", "[" * 20000)
    assert brackets - normal < 5
    assert "[" * 20000 in pages["actors/freedonia.md"]


def test_brackets_that_cannot_make_a_link_are_shown_as_written_and_links_still_work():
    html = render_markdown("[[[[deep]]]] [open ( and `[` with [a link](https://example.org/(x))")
    assert html.startswith("<p>[[[[deep]]]] [open ( and <code>[</code> with <a href="
                           '"https://example.org/(x)"')


def test_lists_nested_too_deep_to_render_are_refused_with_file_and_line(project):
    edit(project, COUNCIL, "summary: The elected council that runs the harbour.",
         f"summary: '{'1. ' * 2000}x'")
    refused(run(project, "check"), f"{COUNCIL}:5:10: 'summary' starts a line with 10 or more "
            "list or quote markers")


# 5. File names in what `check` prints.

INJECTED = "x\n::error file=mkdocs.yml,line=1::NASA is fabricated\n.yml"


def test_a_file_name_with_a_line_break_cannot_start_a_workflow_command(project):
    (project / "sources/actors" / INJECTED).write_text("name: X\n", encoding="utf-8")
    result = run(project, "check", env={"GITHUB_ACTIONS": "true"})
    refused(result, "sources/actors/x\\x0a::error file=mkdocs.yml,line=1::NASA is fabricated"
            "\\x0a.yml: file name")
    commands = [line for line in (result.out + result.err).splitlines() if line.startswith("::")]
    assert len(commands) == 1 and commands[0].startswith("::error file=sources/actors/x\\x0a")


def test_a_file_name_with_a_terminal_escape_is_printed_escaped(project):
    (project / "sources/actors/x\x1b[2Jy.yml").write_text("name: X\n", encoding="utf-8")
    result = run(project, "check")
    refused(result, "sources/actors/x\\x1b[2Jy.yml: file name")
    assert "\x1b" not in result.out + result.err


# 6. The job summary.

EVIL_FIELD = "[All checks passed: approve](https://evil.example/) <img src=x onerror=alert(1)>"


def test_the_job_summary_shows_a_hostile_field_name_as_text(project):
    edit(project, COUNCIL, "kind: organization", f"kind: organization\n'{EVIL_FIELD}': yes")
    summary = project / "summary.md"
    result = run(project, "check", env={"GITHUB_ACTIONS": "true",
                                        "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.code == 1
    markdown = summary.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<a " not in html and "<img" not in html
    assert "[All checks passed: approve](https://evil.example/) &lt;img src=x" in html
    # GitHub makes a link of any https:// it finds in text: none is left to find.
    assert "://" not in markdown


# 7. SITE_URL.

@pytest.mark.parametrize("value", [
    'http://evil/"><script>alert(311)</script>', "http://ev il.example/",
    "https://example.org:99999/", "https://example.org/?x=1#top", "https://example.org/#top",
    "https://user@example.org/", "javascript://example.org/"])
def test_a_site_url_that_is_not_a_plain_address_is_refused_in_one_line(project, value):
    result = run(project, "check", env={"SITE_URL": value})
    assert result.code != 0 and "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and "SITE_URL" in lines[0] and repr(value) in lines[0]


def _theme(**context) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / THEME))
    env.filters["url"] = lambda value: value  # MkDocs' own filter
    return env.get_template("partials/editions.html").render(**context)


def test_the_theme_escapes_the_site_address_in_its_hreflang_links():
    edition = {"site_url": 'http://evil/"><script>alert(311)</script>/', "root": "",
               "words": {}, "editions": [{"language": "en", "prefix": ""},
                                         {"language": "id", "prefix": "id/"}]}
    html = _theme(config={"extra": {"edition": edition}}, page={"url": "actors/x/"},
                  base_url=".")
    assert "<script>alert" not in html and "&#34;&gt;&lt;script&gt;" in html


# 8. site_name.

@pytest.mark.parametrize("setting, value, shown", [
    ("site_name: ", "'Harbour <b>News</b> <!-- '", "site_name holds markup ('<')"),
    ("      site_name: ", "'Berita &lt;i&gt;'", "extra.editions.id.site_name holds markup "
     "('&lt;')"),
    ("copyright: ", "'<a href=\"https://evil.example/\">us</a>'", "copyright holds markup"),
])
def test_markup_in_a_setting_the_pages_print_is_refused_with_the_line_of_mkdocs_yml(
        project, setting, value, shown):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith(setting))
    lines[number - 1] = setting + value
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(run(project, "check"), f"{config}:{number}: {shown}")


def test_the_theme_escapes_the_site_name_in_the_title():
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(ROOT / THEME),
        jinja2.PackageLoader("material", "templates")]))
    env.filters["url"] = lambda value: value  # MkDocs' own filter
    template = env.get_template("main.html")
    context = template.new_context({"config": {"site_name": "A <b>bold</b> name"},
                                    "page": {"meta": {}, "title": "Port <i>", "is_homepage": False}})
    title = "".join(template.blocks["htmltitle"](context))
    assert "<b>" not in title and "&lt;b&gt;bold&lt;/b&gt;" in title


# 9. Bidirectional controls.

@pytest.mark.parametrize("rel, old, line", [
    (COUNCIL, "name: Harbour Council", f"{COUNCIL}:1:7: 'name'"),
    (EVENT, "title: Council announces ferry fare rise", f"{EVENT}:2:8: 'title'"),
    (CLAIM, "statement: A ferry fare rise is needed to keep the service running.", f"{CLAIM}:1:12: 'statement'"),
    (ARTICLE, "title: Ferry fares to rise, council says", f"{ARTICLE}:1:8: 'title'"),
    (ARTICLE, "outlet: Harbour Gazette", f"{ARTICLE}:2:9: 'outlet'"),
])
def test_a_right_to_left_override_in_a_text_field_is_refused_with_file_and_line(
        project, rel, old, line):
    key, value = old.split(": ", 1)
    edit(project, rel, old, f'{key}: "{value} \\u202Egnp.exe"')
    refused(run(project, "check"), f"{line} holds the bidirectional control U+202E "
            "(RIGHT-TO-LEFT OVERRIDE)")


def test_a_bidirectional_isolate_in_a_plain_text_field_is_refused_too(project):
    edit(project, PLACE, "kind: city", 'kind: "\u2067city"')
    refused(run(project, "check"), f"{PLACE}:2:7: 'kind' holds the bidirectional "
            "control U+2067 (RIGHT-TO-LEFT ISOLATE)")


# 10. Names that look the same.

ARMSTRONGS = {"neil-armstrong": "Neil Armstrong", "neil-armstrong-again": "Neil Armstrong",
              "neil-armstrong-cyrillic": "N\\u0435il Armstrong",
              "neil-armstrong-accent": "Nei\\u0301l Armstrong"}


def add_armstrongs(project: Path, names: dict[str, str]) -> None:
    for actor_id, name in names.items():
        (project / f"sources/actors/{actor_id}.yml").write_text(
            f'name: "{name}"\nkind: person\nsummary: An astronaut.\n', encoding="utf-8")
    ids = ", ".join(names)
    edit(project, ARTICLE, "actors: [harbour-council,", f"actors: [{ids}, harbour-council,")


@pytest.mark.parametrize("actor_id", ["neil-armstrong-again", "neil-armstrong-cyrillic",
                                      "neil-armstrong-accent"])
def test_an_actor_whose_name_looks_like_another_actors_is_warned_about(project, actor_id):
    add_armstrongs(project, ARMSTRONGS)
    result = run(project, "check")
    assert result.code == 0, result.err
    assert any(line.startswith(f"sources/actors/{actor_id}.yml:1: warning: the name ")
               and "sources/actors/neil-armstrong.yml" in line for line in result.err.splitlines())


def test_names_that_look_the_same_fail_a_strict_check(project):
    add_armstrongs(project, ARMSTRONGS)
    refused(run(project, "check", "--strict"), "sources/actors/neil-armstrong-accent.yml:1: "
            "warning: the name")


def test_a_zero_width_space_in_a_name_is_refused_with_file_and_line(project):
    add_armstrongs(project, {"neil-armstrong": "Neil\\u200b Armstrong"})
    refused(run(project, "check"), "sources/actors/neil-armstrong.yml:1:7: 'name' holds the "
            "invisible character U+200B (ZERO WIDTH SPACE)")


# 11. A hand-written file inside a generated folder.

def test_a_hand_written_page_in_a_generated_folder_is_refused_by_name_and_kept(built):
    notes = built / "docs/actors/notes.md"
    notes.write_text("# Notes\n", encoding="utf-8")
    before = snapshot(built / "docs")
    refused(run(built, "build"), "docs/actors/notes.md: was not written by the generator")
    assert notes.read_text(encoding="utf-8") == "# Notes\n"
    assert snapshot(built / "docs") == before


def test_the_manifest_lists_what_was_written_and_only_that_is_removed(built):
    manifest = json.loads((built / "docs" / MANIFEST).read_text(encoding="utf-8"))
    assert "actors/freedonia.md" in manifest["files"]
    assert "index.md" not in manifest["files"] and MANIFEST not in manifest["files"]
    (built / "sources/places/port-town.yml").unlink()
    for rel in (ARTICLE, EVENT):
        edit(built, rel, "places: [port-town]\n", "")
    result = run(built, "build", "--strict")
    assert result.code == 0, result.err
    assert not (built / "docs/places/port-town.md").exists()
    assert (built / "docs/index.md").exists() and (built / "docs/about.md").exists()


def test_make_clean_and_gitignore_cover_the_manifest():
    folder = MANIFEST.split("/")[0]
    assert f"docs/{folder}/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"docs/{folder} " in (ROOT / "Makefile").read_text(encoding="utf-8")


# 12. A hand-written page at a generated address.

def test_a_hand_written_page_at_a_generated_pages_address_is_refused_naming_both(built):
    (built / "docs/data.md").write_text("# My data\n", encoding="utf-8")
    before = snapshot(built / "docs")
    refused(run(built, "build"), "docs/data.md: its address /data/ is that of the generated "
            "page docs/data/index.md")
    assert snapshot(built / "docs") == before


def test_a_hand_written_page_at_an_editions_address_is_refused_naming_the_edition(built):
    (built / "docs/id.md").write_text("# Identity\n", encoding="utf-8")
    before = snapshot(built / "docs")
    refused(run(built, "build"), "docs/id.md: its address /id/ is inside the 'id' edition, "
            "which is published at /id/ from docs/id/")
    assert snapshot(built / "docs") == before


# 13. Front matter of a hand-written page.

def test_broken_front_matter_in_a_hand_written_page_is_refused_with_file_and_line(built):
    (built / "docs/notes.md").write_text("---\ntitle: [unclosed\n---\n# Notes\n",
                                         encoding="utf-8")
    before = snapshot(built / "docs")
    refused(run(built, "build"), "docs/notes.md:2: front matter is not valid YAML")
    assert snapshot(built / "docs") == before


def test_a_refused_site_build_leaves_docs_and_site_as_they_were(project):
    result = run(project, "site", "--strict")
    assert result.code == 0, result.err
    before = snapshot(project / "docs", project / "site")
    (project / "docs/about.md").write_text("---\ntitle: [unclosed\n---\n# About\n",
                                           encoding="utf-8")
    before["docs/about.md"] = (project / "docs/about.md").read_bytes()
    refused(run(project, "site", "--strict"), "docs/about.md:2: front matter is not valid YAML")
    assert snapshot(project / "docs", project / "site") == before
