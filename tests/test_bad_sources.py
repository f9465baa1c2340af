"""Careless and hostile source files: every one gets a precise, compiler-style message.

Each case copies the valid fixture corpus, adds one bad file, runs
``python -m generator check`` as a contributor would and compares stderr line by
line. Stored cases live in ``fixtures/bad/<category>/<path under sources/>``; bytes
that an editor or git might quietly repair (other encodings, NUL bytes) are made here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.dossier.diagnostics import Report
from generator.build.pipeline import check
from tests.conftest import FIXTURES, Run, make_project, run_generator

VALID = FIXTURES / "valid"
BAD = FIXTURES / "bad"

DATE_FORMS = ("use one of: 2023, 2023-09, 2023-09-05, 2023-09-05~ (approximate), "
              "2023-09-05? (uncertain), 2023-09-10/2023-09-13 (interval)")
PUBLISHED_FORMS = f"{DATE_FORMS}, 2023-09-05T06:45+07:00"
PERSON = "name: Jane Doe\nkind: person\nsummary: An engineer at the water utility.\n"

# Every stored bad file, by its path under fixtures/bad/, with the exact lines that
# `check` must print for it (the summary line is checked separately).
EXPECTED = {
    'aliases/actors/billion-laughs.yml': [
        'sources/actors/billion-laughs.yml:4:4: anchors and aliases (&name, *name) are not allowed: write the value out in full',
    ],
    'aliases/actors/merge-key.yml': [
        'sources/actors/merge-key.yml:5:5: anchors and aliases (&name, *name) are not allowed: write the value out in full',
    ],

    'dates/articles/day-first-retrieved.yml': [
        f"sources/articles/day-first-retrieved.yml:6:12: 'retrieved': '20/03/2024' is not a date (did you mean '2024-03-20'?); {DATE_FORMS}",
    ],
    'dates/articles/free-text-published.yml': [
        f"sources/articles/free-text-published.yml:3:12: 'published': '5 September 2023' is not a date (did you mean '2023-09-05'?); {PUBLISHED_FORMS}",
    ],
    'dates/articles/time-with-a-space.yml': [
        f"sources/articles/time-with-a-space.yml:3:12: 'published': '2024-03-16 10:30' is not a date: write a time as 2023-09-05T06:45+07:00, with a T before it and the UTC offset after it; {PUBLISHED_FORMS}",
    ],
    'dates/events/february-30.yml': [
        f"sources/events/february-30.yml:1:7: 'date': '2023-02-30' is not a day of February 2023; {DATE_FORMS}",
    ],
    'dates/events/interval-ends-before-it-starts.yml': [
        f"sources/events/interval-ends-before-it-starts.yml:1:7: 'date': interval '2024-03-18/2024-03-11' ends before it starts; {DATE_FORMS}",
    ],
    'dates/events/month-13.yml': [
        f"sources/events/month-13.yml:1:7: 'date': '2024-13' has no month 13; {DATE_FORMS}",
    ],
    'dates/events/time-on-an-event.yml': [
        f"sources/events/time-on-an-event.yml:1:7: 'date': '2024-03-18T10:00+00:00' has a time: times are allowed in an article's `published` only; {DATE_FORMS}",
    ],

    'duplicate-keys/actors/two-names.yml': [
        "sources/actors/two-names.yml:4:1: duplicate key 'name' (first on line 1): keep one",
    ],
    'duplicate-keys/claims/stance-with-two-positions.yml': [
        "sources/claims/stance-with-two-positions.yml:6:5: duplicate key 'position' (first on line 4): keep one",
    ],

    'empty/actors/empty.yml': [
        'sources/actors/empty.yml: file is empty: an actor needs at least name, kind and summary',
    ],
    'empty/actors/only-comments.yml': [
        'sources/actors/only-comments.yml: file has only comments: an actor needs at least name, kind and summary',
    ],

    'encoding/actors/escaped-control-character.yml': [
        'sources/actors/escaped-control-character.yml:1:7: an escape sequence here produces U+0007 (a control character), which is not allowed in text: remove it',
    ],
    'encoding/actors/escaped-half-emoji.yml': [
        'sources/actors/escaped-half-emoji.yml:3:10: an escape sequence here produces U+D83D (half of a surrogate pair, not a character), which is not allowed in text: remove it',
    ],

    'file-names/actors/Jane_Doe.yml': [
        "sources/actors/Jane_Doe.yml: file name 'Jane_Doe' is not a valid id: use lower-case ASCII letters and digits joined by single hyphens, e.g. 'jane-doe'",
    ],
    'file-names/actors/index.yml': [
        "sources/actors/index.yml: file name 'index' is reserved for the folder's index page: choose another name",
    ],
    'file-names/events/council meeting.yml': [
        "sources/events/council meeting.yml: file name 'council meeting' is not a valid id: use lower-case ASCII letters and digits joined by single hyphens, e.g. 'council-meeting'",
    ],

    'layout/README.md': [
        'sources/README.md: unexpected file: sources go in one of the folders articles, actors, events, claims, places',
    ],
    'layout/actors/drafts/jane-doe.yml': [
        'sources/actors/drafts/jane-doe.yml: unexpected sub-folder: put the file directly in sources/actors/',
    ],
    'layout/actors/jane-doe.yaml': [
        'sources/actors/jane-doe.yaml: unexpected file: source files end in .yml (rename it to .yml)',
    ],
    'layout/actors/notes.txt': [
        'sources/actors/notes.txt: unexpected file: source files end in .yml',
    ],
    'layout/people/jane-doe.yml': [
        "sources/people: unknown folder 'people': the folders are articles, actors, events, claims, places",
    ],

    'nesting/actors/deep-nesting.yml': [
        'sources/actors/deep-nesting.yml:3:59: nesting is too deep: lists and mappings may go at most 50 levels deep',
    ],

    'quotes/articles/quote-without-translation.yml': [
        "sources/articles/quote-without-translation.yml:8: quote has no 'translation': quotes in an article in 'pt' need an English translation",
    ],

    'references/actors/affiliation-is-a-person.yml': [
        "sources/actors/affiliation-is-a-person.yml:4: actor 'joao-pereira' is a person, expected an organization or a state",
    ],
    'references/actors/country-is-a-person.yml': [
        "sources/actors/country-is-a-person.yml:4: actor 'maria-costa' is a person, expected a state",
    ],
    'references/actors/misspelled-country.yml': [
        "sources/actors/misspelled-country.yml:4: unknown actor 'portugl' (did you mean 'portugal'?): no file sources/actors/portugl.yml",
    ],
    'references/articles/misspelled-actor.yml': [
        "sources/articles/misspelled-actor.yml:6: unknown actor 'joao-pereria' (did you mean 'joao-pereira'?): no file sources/actors/joao-pereria.yml",
    ],
    'references/claims/source-is-an-actor.yml': [
        "sources/claims/source-is-an-actor.yml:5: unknown article 'maria-costa': no file sources/articles/maria-costa.yml; 'maria-costa' is an actor (sources/actors/maria-costa.yml), but an article id is needed here",
    ],
    'references/events/name-instead-of-id.yml': [
        "sources/events/name-instead-of-id.yml:3:10: 'actors': 'Maria Costa' is not an id (did you mean 'maria-costa'?): ids are lower-case words joined by hyphens, the file name without .yml",
    ],
    'references/events/unknown-source.yml': [
        "sources/events/unknown-source.yml:3: unknown article '2024-03-18-jornal-do-vale-reuniao' (did you mean '2024-03-12-jornal-do-vale-contrato-agua'?): no file sources/articles/2024-03-18-jornal-do-vale-reuniao.yml",
    ],
    'references/places/country-is-an-organisation.yml': [
        "sources/places/country-is-an-organisation.yml:2: actor 'aguas-do-vale' is an organization, expected a state",
    ],

    'required-fields/actors/empty-name.yml': [
        "sources/actors/empty-name.yml:1: required field 'name' is empty: Common English name.",
    ],
    'required-fields/actors/missing-summary.yml': [
        "sources/actors/missing-summary.yml:1: required field 'summary' is missing: Profile (Markdown).",
    ],
    'required-fields/articles/no-actors.yml': [
        "sources/articles/no-actors.yml:6: required field 'actors' is empty: Ids of the actors the article mentions.",
    ],
    'required-fields/claims/no-stances.yml': [
        "sources/claims/no-stances.yml:2: required field 'stances' is empty: Who asserts, denies or questions it.",
    ],
    'required-fields/claims/stance-without-source.yml': [
        "sources/claims/stance-without-source.yml:3: required field 'source' is missing: Id of the article reporting the stance.",
    ],

    'tabs/actors/tab-indented.yml': [
        'sources/actors/tab-indented.yml:5:1: tab character in indentation: indent with spaces',
        'sources/actors/tab-indented.yml:6:1: tab character in indentation: indent with spaces',
    ],

    'top-level/actors/just-a-list.yml': [
        'sources/actors/just-a-list.yml:1:1: the file must be a mapping of `field: value` lines, found a list',
    ],
    'top-level/actors/just-text.yml': [
        "sources/actors/just-text.yml:1:1: the file must be a mapping of `field: value` lines, found text 'Jane Doe, engineer'",
    ],

    'translations/actors/english-as-a-translation.yml': [
        "sources/actors/english-as-a-translation.yml:5: 'translations': 'en' is the dossier's own language: English goes in the fields themselves (a quote's English in `translation`), not in `translations`",
    ],
    'translations/actors/role-translated-but-absent.yml': [
        "sources/actors/role-translated-but-absent.yml:6: 'role' is translated into 'id', but the actor has no 'role': write the English first, or remove the translation",
    ],
    'translations/actors/translated-name-is-a-list.yml': [
        "sources/actors/translated-name-is-a-list.yml:6:11: 'name' must be text, found a list: if the text starts with [ or -, put it in quotes",
    ],
    'translations/actors/unknown-language.yml': [
        "sources/actors/unknown-language.yml:5: 'translations': unknown language 'fr': this site publishes translations in id",
    ],
    'translations/actors/untranslatable-field.yml': [
        "sources/actors/untranslatable-field.yml:7: unknown field 'kind': the fields of an actor's translation are aliases, corrections, name, role, summary",
    ],
    'translations/articles/key-points-not-one-for-one.yml': [
        "sources/articles/key-points-not-one-for-one.yml:12: 'key_points' has 1 item(s) in 'id' but 2 in English: translate each point, in the same order",
    ],
    'translations/articles/quote-translated-into-its-own-language.yml': [
        "sources/articles/quote-translated-into-its-own-language.yml:12: the quote needs no 'id' translation: the article is in 'id' already; remove it",
    ],
    'translations/articles/quote-translation-is-a-list.yml': [
        "sources/articles/quote-translation-is-a-list.yml:11:11: 'translations.id' must be text, found a list: if the text starts with [ or -, put it in quotes",
    ],
    'translations/articles/title-already-in-its-language.yml': [
        "sources/articles/title-already-in-its-language.yml:9: 'title' needs no 'id' translation: the article is in 'id' already; remove it",
    ],
    'translations/claims/stance-quote-without-translation.yml': [
        "sources/claims/stance-quote-without-translation.yml:3: stance quote has no 'translation': article '2024-03-12-jornal-do-vale-contrato-agua' is in 'pt', so the quote needs an English translation",
    ],
    'translations/claims/stance-translation-without-quote.yml': [
        "sources/claims/stance-translation-without-quote.yml:6: stance has a 'translation' but no 'quote': add the verbatim quote, or remove it",
    ],
    'translations/events/translations-is-a-list.yml': [
        "sources/events/translations-is-a-list.yml:5:3: 'translations' must be a mapping from a language to its translation, found a list: write `translations:` and, on the next line, `  id: ...`",
    ],
    'translations/places/empty-translation.yml': [
        "sources/places/empty-translation.yml:3: 'translations': the 'id' translation is empty: translate something or remove it",
    ],

    'unknown-fields/actors/id-field.yml': [
        "sources/actors/id-field.yml:1: unknown field 'id': the file name is the id, so remove the field (or rename the file)",
    ],
    'unknown-fields/actors/misspelled-summary.yml': [
        "sources/actors/misspelled-summary.yml:1: required field 'summary' is missing: Profile (Markdown).",
        "sources/actors/misspelled-summary.yml:3: unknown field 'sumary' (did you mean 'summary'?): the fields of an actor are affiliations, aliases, corrections, country, kind, links, name, role, summary, translations",
    ],
    'unknown-fields/claims/unknown-field-in-stance.yml': [
        "sources/claims/unknown-field-in-stance.yml:6: unknown field 'date': the fields of a stance are actor, position, quote, source, translation, translations",
    ],

    'urls/actors/javascript-link.yml': [
        "sources/actors/javascript-link.yml:6:10: 'url': 'javascript:alert(1)' uses the javascript: scheme: only http:// and https:// addresses are accepted",
    ],
    'urls/articles/data-url.yml': [
        "sources/articles/data-url.yml:6:15: 'archived_url': 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' uses the data: scheme: only http:// and https:// addresses are accepted",
    ],
    'urls/articles/ftp-url.yml': [
        "sources/articles/ftp-url.yml:6:6: 'url': 'ftp://valley-tribune.example/news/row.txt' uses the ftp: scheme: only http:// and https:// addresses are accepted",
    ],
    'urls/articles/no-scheme.yml': [
        "sources/articles/no-scheme.yml:6:6: 'url': 'www.valley-tribune.example/news/row' is not an absolute URL: it must start with https:// (or http://)",
    ],
    'urls/articles/space-in-url.yml': [
        "sources/articles/space-in-url.yml:6:6: 'url': 'https://valley-tribune.example/news/water row' contains a space or line break: write %20 for a space, or remove it",
    ],

    'wrong-types/actors/kind-not-allowed.yml': [
        "sources/actors/kind-not-allowed.yml:2:7: 'kind': 'company' is not allowed: use one of person, organization, state",
    ],
    'wrong-types/actors/name-is-a-list.yml': [
        "sources/actors/name-is-a-list.yml:1:7: 'name' must be text, found a list: if the text starts with [ or -, put it in quotes",
    ],
    'wrong-types/actors/summary-is-a-mapping.yml': [
        "sources/actors/summary-is-a-mapping.yml:4:3: 'summary' must be text, found a mapping: if the text contains ': ', put it in quotes, or write it on the lines after `summary: |`",
    ],
    'wrong-types/articles/actors-is-text.yml': [
        "sources/articles/actors-is-text.yml:6:9: 'actors' must be a list, found text 'maria-costa': write `- item` lines or `[a, b]`",
    ],
    'wrong-types/articles/language-is-a-name.yml': [
        "sources/articles/language-is-a-name.yml:4:11: 'language': 'English' is not a BCP 47 language tag (e.g. `id`, `en`, `en-GB`)",
    ],
    'wrong-types/articles/tag-with-spaces.yml': [
        "sources/articles/tag-with-spaces.yml:7:8: 'tags': tag 'Water Contract' must be lower-case words joined by hyphens, e.g. `arms-negotiations`",
    ],
    'wrong-types/claims/position-misspelled.yml': [
        "sources/claims/position-misspelled.yml:4:15: 'position': 'assert' is not allowed (did you mean 'asserts'?): use one of asserts, denies, declines-to-comment, questions",
    ],
    'wrong-types/events/title-on-two-lines.yml': [
        "sources/events/title-on-two-lines.yml:2:8: 'title' must be one line",
    ],
    'wrong-types/places/coordinates-not-numbers.yml': [
        "sources/places/coordinates-not-numbers.yml:2:14: 'coordinates' must be [latitude, longitude] in decimal degrees, e.g. [43.12, 131.9]",
    ],
    'wrong-types/places/coordinates-out-of-range.yml': [
        "sources/places/coordinates-out-of-range.yml:2:14: 'coordinates': latitude 141.15 is not between -90 and 90 (are latitude and longitude swapped?); write [latitude, longitude], e.g. [43.12, 131.9]",
    ],
    'wrong-types/places/longitude-out-of-range.yml': [
        "sources/places/longitude-out-of-range.yml:2:14: 'coordinates': longitude 208.61 is not between -180 and 180; write [latitude, longitude], e.g. [43.12, 131.9]",
    ],

    'yaml-syntax/actors/bad-indentation.yml': [
        "sources/actors/bad-indentation.yml:6:4: YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block collection that starts on line 5): check the indentation: fields of one mapping and items of one list line up",
    ],
    'yaml-syntax/actors/colon-in-value.yml': [
        "sources/actors/colon-in-value.yml:3:15: YAML syntax error: mapping values are not allowed here: a value contains ': ' or the indentation is off; put text with a colon in quotes, or write it on the next lines after `field: |`",
    ],
    'yaml-syntax/actors/two-documents.yml': [
        'sources/actors/two-documents.yml:4:1: YAML syntax error: expected a single document in the stream, but found another document: a `---` line starts a second entity: one entity per file, so remove it',
    ],
    'yaml-syntax/actors/unclosed-quote.yml': [
        'sources/actors/unclosed-quote.yml:4:1: YAML syntax error: found unexpected end of the file (while scanning a quoted scalar that starts on line 1): a quotation mark or bracket is opened but never closed',
    ],
    'yaml-syntax/events/unclosed-list.yml': [
        "sources/events/unclosed-list.yml:4:1: YAML syntax error: expected ',' or ']', but got the end of the file (while parsing a flow sequence that starts on line 3): a [list] is not closed with ]",
    ],

    'yaml-tags/actors/include-tag.yml': [
        "sources/actors/include-tag.yml:3:10: YAML tag '!include' is not allowed: remove it, or put the value in quotes if the ! belongs to the text",
    ],
    'yaml-tags/actors/python-object.yml': [
        "sources/actors/python-object.yml:1:7: YAML tag '!!python/object/apply:os.system' is not allowed: remove it, or put the value in quotes if the ! belongs to the text",
    ],}

# Bad bytes made here rather than stored: (bytes, expected lines).
GENERATED = {
    "encoding/actors/latin-1.yml": (
        "name: José Pereira\nkind: person\nsummary: An engineer.\n".encode("latin-1"), [
            "sources/actors/latin-1.yml:1:10: byte 0xe9 is not UTF-8: save the file as UTF-8 "
            "(it looks like another encoding, such as Latin-1 or Windows-1252)",
        ]),
    "encoding/actors/windows-1252-quotes.yml": (
        "name: Jane Doe\nkind: person\nsummary: The “engineer”.\n".encode("cp1252"), [
            "sources/actors/windows-1252-quotes.yml:3:14: byte 0x93 is not UTF-8: save the file "
            "as UTF-8 (it looks like another encoding, such as Latin-1 or Windows-1252)",
        ]),
    "encoding/actors/utf-16.yml": (
        PERSON.encode("utf-16"), [
            "sources/actors/utf-16.yml:1:1: the file is saved as UTF-16: save it as UTF-8",
        ]),
    "encoding/actors/nul-byte.yml": (
        b"name: Jane Doe\nkind: person\x00\nsummary: An engineer.\n", [
            "sources/actors/nul-byte.yml:2:13: invisible character U+0000 (a control character) "
            "is not allowed: delete it (it often comes with text copied from a PDF or a word "
            "processor)",
        ]),
    "encoding/actors/escape-character.yml": (
        b"name: Jane Doe\nkind: person\nsummary: An \x1b[1mengineer\x1b[0m.\n", [
            "sources/actors/escape-character.yml:3:13: invisible character U+001B (a control "
            "character) is not allowed: delete it (it often comes with text copied from a PDF or "
            "a word processor)",
            "sources/actors/escape-character.yml:3:25: invisible character U+001B (a control "
            "character) is not allowed: delete it (it often comes with text copied from a PDF or "
            "a word processor)",
        ]),
    "encoding/actors/bom-and-crlf-with-a-bad-kind.yml": (
        b"\xef\xbb\xbfname: Jane Doe\r\nrole: Engineer\r\nkind: persn\r\nsummary: An engineer.\r\n", [
            "sources/actors/bom-and-crlf-with-a-bad-kind.yml:3:7: 'kind': 'persn' is not allowed "
            "(did you mean 'person'?): use one of person, organization, state",
        ]),
}


@dataclass(frozen=True)
class Case:
    name: str
    """Path under fixtures/bad/: category, then the path under sources/."""
    data: bytes
    lines: list[str]

    @property
    def target(self) -> str:
        return self.name.split("/", 1)[1]


def _stored_cases() -> list[Case]:
    files = sorted(p for p in BAD.rglob("*") if p.is_file())
    return [Case(p.relative_to(BAD).as_posix(), p.read_bytes(),
                 EXPECTED.get(p.relative_to(BAD).as_posix(), [])) for p in files]


CASES = _stored_cases() + [Case(name, data, lines) for name, (data, lines) in GENERATED.items()]


def _project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    """The valid corpus with ``files`` (paths under sources/) added or replaced."""
    project = make_project(tmp_path, VALID)
    for rel, data in files.items():
        target = project / "sources" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return project


def _check(tmp_path: Path, files: dict[str, bytes | str], *args: str) -> Run:
    return run_generator("check", *args, cwd=_project(tmp_path, files))


def _assert_errors(run: Run, lines: list[str]) -> None:
    assert "Traceback" not in run.err
    assert run.err.splitlines() == [*lines, f"{len(lines)} error(s), 0 warning(s)"]
    assert run.code == 1
    assert run.out == ""


def test_the_valid_fixture_passes_strict_check():
    run = run_generator("check", "--strict", "--sources", str(VALID), cwd=VALID.parent)
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("sources are valid")


def test_every_stored_bad_file_has_its_expected_message():
    stored = {case.name for case in _stored_cases()}
    assert stored == set(EXPECTED)


def test_there_are_at_least_thirty_distinct_bad_files():
    assert len({case.data for case in CASES}) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_file_gets_its_exact_message_at_its_line_and_exit_1(tmp_path, case):
    _assert_errors(_check(tmp_path, {case.target: case.data}), case.lines)


def _case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


def test_duplicate_key_is_reported_with_both_lines(tmp_path):
    run = _check(tmp_path, {"actors/two-names.yml": _case("duplicate-keys/actors/two-names.yml").data})
    assert run.err.splitlines()[0] == (
        "sources/actors/two-names.yml:4:1: duplicate key 'name' (first on line 1): keep one")


def test_misspelled_reference_gets_a_did_you_mean_hint(tmp_path):
    run = _check(tmp_path, {"articles/a.yml": _case("references/articles/misspelled-actor.yml").data})
    assert "unknown actor 'joao-pereria' (did you mean 'joao-pereira'?)" in run.err


def test_a_value_outside_a_choice_lists_the_allowed_values(tmp_path):
    run = _check(tmp_path, {"actors/a.yml": _case("wrong-types/actors/kind-not-allowed.yml").data})
    assert "'kind': 'company' is not allowed: use one of person, organization, state" in run.err


def test_a_free_text_date_gets_the_iso_form_and_the_allowed_forms(tmp_path):
    run = _check(tmp_path, {"articles/a.yml": _case("dates/articles/free-text-published.yml").data})
    assert f"'5 September 2023' is not a date (did you mean '2023-09-05'?); {PUBLISHED_FORMS}" \
        in run.err


def test_an_alias_bomb_is_refused_at_its_first_anchor_without_expanding(tmp_path):
    run = _check(tmp_path, {"actors/bomb.yml": _case("aliases/actors/billion-laughs.yml").data})
    assert run.err.splitlines()[0].startswith("sources/actors/bomb.yml:4:4: anchors and aliases")


def test_a_python_object_tag_is_refused_and_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    data = f'name: !!python/object/apply:os.system ["touch {marker}"]\nkind: person\n'
    run = _check(tmp_path, {"actors/a.yml": data})
    assert run.code == 1 and "YAML tag '!!python/object/apply:os.system' is not allowed" in run.err
    assert not marker.exists()


def test_a_file_with_errors_is_not_reported_again_as_missing_where_it_is_referenced(tmp_path):
    broken = (VALID / "actors/maria-costa.yml").read_bytes() + b"kind: state\n"
    run = _check(tmp_path, {"actors/maria-costa.yml": broken})
    _assert_errors(run, [
        "sources/actors/maria-costa.yml:9:1: duplicate key 'kind' (first on line 2): keep one",
    ])


def test_every_problem_of_a_run_is_reported_at_once_sorted_by_path_and_line(tmp_path):
    files = {
        # Two value errors in one file, written in reverse order of their lines.
        "actors/zed.yml": "name: Zed\nkind: persn\nsummary: An engineer.\nlinks:\n"
                          "  - title: Profile\n    url: ftp://zed.example/\n",
        "actors/abe.yml": 'name: "Abe\nkind: person\n',
        # Refers to abe, which exists but is not readable YAML: not a "missing file".
        "events/2024-03-20-meeting.yml": "date: 2024-03-20\ntitle: Meeting\nactors: [abe]\n"
                                         "sources: [2024-03-20-no-such-article]\n",
        "places/reservoir.yml": "name: Reservoir\ncoordinates: [1, 2, 3]\nsumary: A lake.\n",
        # Refers to zed, whose own errors are reported already: no second message.
        "claims/zed-asserts.yml": "statement: Zed says so.\nstances:\n  - actor: zed\n"
                                  "    position: asserts\n"
                                  "    source: 2024-03-12-jornal-do-vale-contrato-agua\n",
        "people/bob.yml": "name: Bob\n",
    }
    run = _check(tmp_path, files)
    _assert_errors(run, [
        "sources/actors/abe.yml:3:1: YAML syntax error: found unexpected end of the file "
        "(while scanning a quoted scalar that starts on line 1): a quotation mark or bracket "
        "is opened but never closed",
        "sources/actors/zed.yml:2:7: 'kind': 'persn' is not allowed (did you mean 'person'?): "
        "use one of person, organization, state",
        "sources/actors/zed.yml:6:10: 'url': 'ftp://zed.example/' uses the ftp: scheme: only "
        "http:// and https:// addresses are accepted",
        "sources/events/2024-03-20-meeting.yml:4: unknown article '2024-03-20-no-such-article': "
        "no file sources/articles/2024-03-20-no-such-article.yml",
        "sources/people: unknown folder 'people': the folders are articles, actors, events, "
        "claims, places",
        "sources/places/reservoir.yml:2:14: 'coordinates' must be [latitude, longitude] in "
        "decimal degrees, e.g. [43.12, 131.9]",
        "sources/places/reservoir.yml:3: unknown field 'sumary' (did you mean 'summary'?): the "
        "fields of a place are coordinates, corrections, country, kind, name, summary, translations",
    ])


# Legal but suspicious: a warning each; `--strict` (what CI runs) makes them fail.
WARNINGS = {
    "an_actor_no_article_mentions": (
        {"actors/jane-doe.yml": PERSON},
        "sources/actors/jane-doe.yml:1: warning: no article mentions actor 'jane-doe': add it "
        "to an article's `actors` or remove the file"),
    "a_place_nothing_references": (
        {"places/reservoir.yml": "name: Vale Verde reservoir\nkind: reservoir\n"},
        "sources/places/reservoir.yml:1: warning: nothing references place 'reservoir': add "
        "it to an article's or an event's `places`"),
    "a_stance_whose_actor_the_cited_article_does_not_mention": (
        {"claims/audit-was-requested.yml":
            "statement: The council requested an audit of the utility.\nstances:\n"
            "  - actor: maria-costa\n    position: asserts\n"
            "    source: 2024-03-12-jornal-do-vale-contrato-agua\n"
            "  - actor: joao-pereira\n    position: asserts\n"
            "    source: 2024-03-12-jornal-do-vale-contrato-agua\n"},
        "sources/claims/audit-was-requested.yml:6: warning: stance by 'joao-pereira' cites "
        "article '2024-03-12-jornal-do-vale-contrato-agua', which does not list that actor in "
        "its `actors`"),
    "a_quote_by_an_actor_the_article_does_not_list": (
        {"articles/2024-03-16-valley-tribune-follow-up.yml":
            "title: Council and utility trade blame\noutlet: The Valley Tribune\n"
            "published: 2024-03-16\nlanguage: en\nsummary: The row goes on.\n"
            "actors: [maria-costa]\nquotes:\n  - by: joao-pereira\n    text: We did nothing wrong.\n"},
        "sources/articles/2024-03-16-valley-tribune-follow-up.yml:8: warning: quote by "
        "'joao-pereira', who is not in the article's `actors`"),
}


@pytest.mark.parametrize("files,line", WARNINGS.values(), ids=WARNINGS.keys())
def test_suspicious_but_legal_source_is_a_warning_that_strict_turns_into_an_error(
        tmp_path, files, line):
    project = _project(tmp_path, files)
    plain = run_generator("check", cwd=project)
    assert (plain.code, plain.err.splitlines()) == (0, [line, "0 error(s), 1 warning(s)"])
    assert plain.out.startswith("sources are valid")
    strict = run_generator("check", "--strict", cwd=project)
    assert (strict.code, strict.err.splitlines()) == (
        1, [line, "0 error(s), 1 warning(s) (--strict: warnings count as errors)"])
    assert strict.out == "" and "Traceback" not in strict.err


@pytest.mark.parametrize("args", [
    (), ("frobnicate",), ("check", "--frobnicate"), ("check", "extra-argument"),
    ("check", "--strict=yes"),
], ids=["no command", "unknown command", "unknown option", "extra argument", "option value"])
def test_wrong_usage_exits_2_with_a_usage_line(tmp_path, args):
    run = run_generator(*args, cwd=_project(tmp_path, {}))
    assert run.code == 2
    assert "usage: dossier" in run.err
    assert "Traceback" not in run.err


def _rewrite_all(tmp_path: Path, change) -> Path:
    project = make_project(tmp_path, VALID)
    for path in (project / "sources").rglob("*.yml"):
        path.write_bytes(change(path.read_bytes()))
    return project


VALID_EDGES = {
    "a UTF-8 byte-order mark": lambda data: b"\xef\xbb\xbf" + data,
    "CRLF line endings": lambda data: data.replace(b"\n", b"\r\n"),
    "a byte-order mark and CRLF": lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"),
    "no newline at the end": lambda data: data.rstrip(b"\n"),
    "double-quoted dates": lambda data: _quote_dates(data, '"'),
    "single-quoted dates": lambda data: _quote_dates(data, "'"),
}


def _quote_dates(data: bytes, quote: str) -> bytes:
    return re.sub(rb"^(\s*(?:date|published|retrieved|said_on): )(\d[^\s\"']*)$",
                  lambda m: m.group(1) + quote.encode() + m.group(2) + quote.encode(),
                  data, flags=re.M)


@pytest.mark.parametrize("change", VALID_EDGES.values(), ids=VALID_EDGES.keys())
def test_valid_sources_stay_valid_with(tmp_path, change):
    project = _rewrite_all(tmp_path, change)
    run = run_generator("check", "--strict", cwd=project)
    assert (run.code, run.err) == (0, "")


def _dates(sources: Path) -> dict:
    report = Report()
    dossier = check(sources, report)
    assert dossier is not None and not report.items
    c = dossier.corpus
    return {**{e.id: e.date for e in c.events.values()},
            **{a.id: (a.published, a.retrieved, [q.said_on for q in a.quotes])
               for a in c.articles.values()}}


def test_unquoted_and_quoted_dates_read_the_same(tmp_path):
    (tmp_path / "quoted").mkdir()
    quoted = _rewrite_all(tmp_path / "quoted", lambda d: _quote_dates(d, '"'))
    assert quoted.joinpath("sources/events/2024-03-11-council-votes-to-review-contract.yml") \
        .read_text().startswith('date: "2024-03-11"\n')
    assert _dates(quoted / "sources") == _dates(VALID)


def test_the_valid_fixture_writes_dates_unquoted_and_quoted():
    texts = [p.read_text(encoding="utf-8") for p in VALID.rglob("*.yml")]
    assert any(t.startswith("date: 2024-03-11\n") for t in texts)
    assert any('\npublished: "2024-03-15"\n' in t for t in texts)
