"""Public corrections: read and checked like every field, shown on the corrected page
and on each edition's corrections page, in the structured data, a feed and the downloads.

The valid fixture corpus carries three corrections: two of an event (2024-03-20 and
2024-04-02) and one of an article (2024-03-20); none is translated.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from pyld import jsonld

from generator.build.pipeline import generate
from generator.outputs import Publication, corrections_feed, dossier_json, tables
from generator.views import listings
from tests.languages import TRANSLATION_LANGUAGES

from .conftest import FIXTURES, ROOT, dossier_of, make_project, run_generator
from .test_jsonld import local_loader

VALID = FIXTURES / "valid"
ID = TRANSLATION_LANGUAGES[0]
SITE = "https://example.github.io/dossier/"
EVENT = "events/2024-03-14-utility-rejects-audit"
ARTICLE = "articles/2024-03-15-valley-tribune-water-contract"
CLAIM = "claims/tariffs-rose-forty-percent-since-2019"
ACTOR = "sources/actors/maria-costa.yml"
PERSON = "name: Jane Doe\nkind: person\nsummary: An engineer.\n"


@functools.lru_cache(maxsize=None)
def made(sources: Path = VALID, site_url: str | None = SITE) -> dict:
    """Every generated file of a corpus; shared between tests: none may change it."""
    return generate(dossier_of(sources), Publication(site_url=site_url), workers=1)


def _project(tmp_path: Path, appended: dict[str, str]) -> Path:
    project = make_project(tmp_path, VALID)
    for rel, text in appended.items():
        path = project / rel
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old + text, encoding="utf-8")
    return project


def _errors(project: Path) -> list[str]:
    run = run_generator("check", cwd=project)
    assert run.code == 1 and "Traceback" not in run.err
    return run.err.splitlines()[:-1]


def _jsonld(page: str) -> dict:
    return json.loads(json.loads(re.search(r'^jsonld: (".*")$', page, re.M).group(1)))


# Reading and checking


def test_corrections_are_read_into_the_model_oldest_first():
    event = dossier_of(VALID).corpus.events["2024-03-14-utility-rejects-audit"]
    assert [c.date.raw for c in event.corrections] == ["2024-03-20", "2024-04-02"]
    assert event.corrections[1].text.startswith("The event's title said")


def test_a_correction_without_a_date_is_refused_with_file_and_line(tmp_path):
    project = _project(tmp_path, {ACTOR: "corrections:\n  - text: The role was wrong.\n"})
    assert _errors(project) == [
        f"{ACTOR}:10: required field 'date' is missing: The day the correction was "
        "published, e.g. `2026-11-29`."]


@pytest.mark.parametrize("date", ["2026-11", "2026", "2026-11-29~", "2026-11-29?",
                                  "2026-11-28/2026-11-29"])
def test_a_correction_dated_other_than_by_an_exact_day_is_refused(tmp_path, date):
    project = _project(tmp_path, {
        ACTOR: f"corrections:\n  - date: \"{date}\"\n    text: The role was wrong.\n"})
    assert _errors(project) == [
        f"{ACTOR}:10:11: 'date': '{date}' is not an exact day: write the day itself, "
        "e.g. 2026-11-29, with no ~, ? or interval"]


def test_a_correction_dated_with_a_time_is_refused(tmp_path):
    project = _project(tmp_path, {
        ACTOR: "corrections:\n  - date: 2026-11-29T10:00+07:00\n    text: Wrong.\n"})
    [error] = _errors(project)
    assert error.startswith(f"{ACTOR}:10:11: 'date': '2026-11-29T10:00+07:00' has a time")


def test_a_correction_whose_text_is_a_mapping_is_refused(tmp_path):
    project = _project(tmp_path, {
        ACTOR: "corrections:\n  - date: 2026-11-29\n    text:\n      was: mayor\n"})
    [error] = _errors(project)
    assert error.startswith(f"{ACTOR}:12:7: 'text' must be text, found a mapping")


def test_a_correction_with_an_unknown_field_is_refused(tmp_path):
    project = _project(tmp_path, {
        ACTOR: "corrections:\n  - date: 2026-11-29\n    txt: Wrong.\n"})
    assert f"{ACTOR}:11: unknown field 'txt' (did you mean 'text'?): the fields of a " \
           "correction are date, text" in _errors(project)


def test_corrections_listed_newest_first_are_refused(tmp_path):
    project = _project(tmp_path, {ACTOR: "corrections:\n  - date: 2026-11-29\n    text: B.\n"
                                         "  - date: 2026-11-02\n    text: A.\n"})
    assert _errors(project) == [
        f"{ACTOR}:12: correction of 2026-11-02 is listed after one of 2026-11-29: "
        "corrections are listed oldest first, each new one at the end"]


def test_a_translated_corrections_list_of_the_wrong_length_is_refused(tmp_path):
    project = _project(tmp_path, {ACTOR: (
        "corrections:\n  - date: 2026-11-02\n    text: A.\n  - date: 2026-11-29\n    text: B.\n"
        "translations:\n  id:\n    corrections:\n      - Satu.\n")})
    assert _errors(project) == [
        f"{ACTOR}:16: 'corrections' has 1 item(s) in 'id' but 2 in English: translate "
        "each correction, in the same order"]


def test_translated_corrections_need_the_corrections_themselves(tmp_path):
    project = _project(tmp_path, {ACTOR: "translations:\n  id:\n    corrections: [Satu.]\n"})
    assert _errors(project) == [
        f"{ACTOR}:11: 'corrections' is translated into 'id', but the actor has no "
        "'corrections': write the English first, or remove the translation"]


def test_a_translated_correction_must_be_text(tmp_path):
    project = _project(tmp_path, {ACTOR: (
        "corrections:\n  - date: 2026-11-02\n    text: A.\n"
        "translations:\n  id:\n    corrections:\n      - date: 2026-11-02\n        text: A.\n")})
    [error] = _errors(project)
    assert error.startswith(f"{ACTOR}:15:9: 'corrections' must be text, found a mapping")


# The corrected page


def test_a_corrected_page_has_a_notice_with_its_latest_date_in_each_edition():
    pages = made()
    english, indonesian = pages[f"{EVENT}.md"], pages[f"{ID}/{EVENT}.md"]
    assert '!!! info "Corrected on 2 Apr 2024"' in english
    assert "corrected 2 times since it was first published. [What was corrected]" \
           "(#corrections) · [All corrections](../corrections/index.md)" in english
    assert '!!! info "Dikoreksi pada 2 Apr 2024"' in indonesian
    assert english.index("Corrected on") < english.index("| Date |")


def test_a_page_with_one_correction_says_so_without_a_count():
    assert "This page has been corrected since it was first published." in made()[f"{ARTICLE}.md"]


def test_a_page_without_corrections_has_no_notice_and_no_list():
    page = made()[f"{CLAIM}.md"]
    assert "!!! info" not in page and "{ #corrections }" not in page


def test_a_corrected_page_lists_every_correction_at_its_end_oldest_first_with_an_anchor():
    page = made()[f"{EVENT}.md"]
    items = re.findall(r'<li id="(correction-\d)"><time datetime="([\d-]+)">([^<]+)</time>',
                       page)
    assert items == [("correction-1", "2024-03-20", "20 Mar 2024"),
                     ("correction-2", "2024-04-02", "2 Apr 2024")]
    assert "## Corrections { #corrections }" in page
    assert page.index("## Corrections") > page.index("## Sources")


def test_an_untranslated_correction_is_shown_in_english_marked_as_english():
    page = made()[f"{ID}/{EVENT}.md"]
    assert '<span lang="en">The event&#x27;s title said' in page
    assert "## Koreksi { #corrections }" in page


def test_a_translated_correction_is_shown_in_the_editions_language(tmp_path):
    project = _project(tmp_path, {ACTOR: (
        "corrections:\n  - date: 2026-11-29\n    text: The role said <b>deputy</b> mayor.\n"
        "translations:\n  id:\n    corrections:\n      - Jabatannya disebut <b>wakil</b> wali kota.\n")})
    pages = generate(dossier_of(project / "sources"), Publication(), workers=1)
    page = pages[f"{ID}/actors/maria-costa.md"]
    assert "<span>Jabatannya disebut &lt;b&gt;wakil&lt;/b&gt; wali kota.</span>" in page
    assert "The role said" not in page
    assert "The role said &lt;b&gt;deputy&lt;/b&gt; mayor." in pages["actors/maria-costa.md"]


# The corrections page


def test_each_edition_has_a_corrections_page_listing_every_correction_newest_first():
    pages = made()
    for path, heading in (("corrections/index.md", "# Corrections"),
                          (f"{ID}/corrections/index.md", "# Koreksi")):
        page = pages[path]
        assert heading in page
        links = re.findall(r"\]\(\.\./([a-z]+/[\w-]+)\.md#(correction-\d)\)", page)
        assert links == [(EVENT, "correction-2"), (ARTICLE, "correction-1"),
                         (EVENT, "correction-1")], path
        assert page.index("## 2 Apr 2024") < page.index("## 20 Mar 2024")


def test_the_corrections_page_names_what_each_correction_corrects():
    page = made()["corrections/index.md"]
    assert "- Event: [Águas do Vale rejects the council's audit request]" in page
    assert "- Article: [Utility rejects audit as water contract row deepens]" in page
    assert "3 corrections." in page
    assert "](../about.md#corrections-policy)" in page


def test_a_dossier_without_corrections_still_has_its_corrections_page(tmp_path):
    project = make_project(tmp_path, VALID)
    for path in (project / "sources").glob("*/*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.split("corrections:")[0], encoding="utf-8")
    pages = generate(dossier_of(project / "sources"), Publication(), workers=1)
    assert "No corrections yet." in pages["corrections/index.md"]
    assert "Belum ada koreksi." in pages[f"{ID}/corrections/index.md"]
    assert feedparser.parse(pages[corrections_feed.PATH]).entries == []


def test_the_corrections_page_is_split_into_numbered_pages(monkeypatch):
    monkeypatch.setattr(listings, "PAGE_SIZE", 2)
    pages = generate(dossier_of(VALID), Publication(), workers=1)
    assert "[Page 2 →](pages/2.md)" in pages["corrections/index.md"]
    second = pages["corrections/pages/2.md"]
    assert f"](../../{EVENT}.md#correction-1)" in second
    assert "](../../about.md#corrections-policy)" in second


# Structured data, feed and downloads


def test_a_corrected_pages_structured_data_has_a_correction_comment_for_each():
    data = _jsonld(made()[f"{EVENT}.md"])
    assert data["correction"] == [
        {"@type": "CorrectionComment", "@id": f"{SITE}{EVENT}/#correction-1",
         "datePublished": "2024-03-20", "text": "This event was dated 15 March 2024, the day "
         "of the report; the report says the utility refused on 14 March."},
        {"@type": "CorrectionComment", "@id": f"{SITE}{EVENT}/#correction-2",
         "datePublished": "2024-04-02",
         "text": "The event's title said the mayor rejected the audit; it was the utility."}]
    assert "correction" not in _jsonld(made()[f"{CLAIM}.md"])


def test_the_correction_is_read_as_schema_orgs_by_a_json_ld_processor():
    expanded = jsonld.expand(_jsonld(made()[f"{EVENT}.md"]), {"documentLoader": local_loader})
    [comment, _] = expanded[0]["http://schema.org/correction"]
    assert comment["@type"] == ["http://schema.org/CorrectionComment"]
    assert comment["http://schema.org/datePublished"] == [
        {"@type": "http://schema.org/Date", "@value": "2024-03-20"}]


def test_every_page_names_the_sites_corrections_policy_in_its_edition():
    for prefix in ("", f"{ID}/"):
        data = _jsonld(made()[f"{prefix}{CLAIM}.md"])
        assert data["publisher"]["correctionsPolicy"] == \
            f"{SITE}{prefix}about/#corrections-policy"
        expanded = jsonld.expand(data, {"documentLoader": local_loader})
        publisher = expanded[0]["http://schema.org/publisher"][0]
        assert publisher["http://schema.org/correctionsPolicy"] == [
            {"@id": f"{SITE}{prefix}about/#corrections-policy"}]


def test_the_corrections_feed_has_an_entry_per_correction_newest_first():
    parsed = feedparser.parse(made()[corrections_feed.PATH])
    assert not parsed.bozo
    assert [e.link for e in parsed.entries] == [
        f"{SITE}{EVENT}/#correction-2", f"{SITE}{ARTICLE}/#correction-1",
        f"{SITE}{EVENT}/#correction-1"]
    assert [e.id for e in parsed.entries] == [e.link for e in parsed.entries]
    first = parsed.entries[0]
    assert first.title == "Correction: Águas do Vale rejects the council's audit request"
    assert first.summary == "The event's title said the mayor rejected the audit; it was the utility."
    assert first.updated == "2024-04-02T00:00:00+00:00"
    assert parsed.feed.updated == "2024-04-02T00:00:00+00:00"


def test_the_indonesian_corrections_feed_links_indonesian_pages_marking_english_text():
    atom = made()[f"{ID}/{corrections_feed.PATH}"]
    parsed = feedparser.parse(atom)
    assert parsed.feed.language == ID
    assert parsed.entries[0].link == f"{SITE}{ID}/{EVENT}/#correction-2"
    assert parsed.entries[0].title.startswith("Koreksi: ")
    assert b'<summary type="text" xml:lang="en">' in atom


def test_the_corrections_page_and_feed_are_the_same_bytes_on_every_build():
    again = generate(dossier_of(VALID), Publication(site_url=SITE), workers=1)
    for path in ("corrections/index.md", corrections_feed.PATH, f"{EVENT}.md"):
        assert again[path] == made()[path]


def test_dossier_json_carries_each_entitys_corrections_as_written():
    doc = json.loads(made()[dossier_json.PATH])
    event = next(e for e in doc["events"] if e["id"] == EVENT.split("/")[1])
    assert [c["date"] for c in event["fields"]["corrections"]] == ["2024-03-20", "2024-04-02"]


def test_each_type_has_a_corrections_csv_with_a_row_per_correction():
    rows = list(csv.reader(io.StringIO(
        made()[tables.nested_path("events", "corrections")].decode("utf-8-sig"))))
    assert rows[0] == ["event", "order", "date", "text"]
    assert [r[:3] for r in rows[1:]] == [["2024-03-14-utility-rejects-audit", "1", "2024-03-20"],
                                         ["2024-03-14-utility-rejects-audit", "2", "2024-04-02"]]
    header = next(csv.reader(io.StringIO(
        made()[tables.table_path("actors")].decode("utf-8-sig"))))
    assert f"translations.{ID}.corrections" in header


def test_the_data_page_lists_the_corrections_downloads_in_each_edition():
    assert b"event-corrections.csv" in made()["data/index.md"]
    assert r"Satu baris per koreksi, dengan id peristiwa yang dikoreksinya \(CSV\)" in \
        made()[f"{ID}/data/index.md"].decode("utf-8")


# How a reader asks for one


def test_the_correction_request_form_is_a_valid_github_issue_form_asking_for_page_error_and_source():
    form = ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml"
    check = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(check), "--builtin-schema", "vendor.github-issue-forms",
                             str(form)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    fields = {item["id"]: item for item in yaml.safe_load(form.read_text())["body"]
              if "id" in item}
    assert all(fields[name]["validations"]["required"] for name in ("page", "wrong", "source"))
