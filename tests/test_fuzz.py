"""Whatever a source file contains, the generator answers with messages, never a crash.

Random YAML documents (many shaped like entities, so they get past the parser into
validation and linking), random text, random bytes and random edits of valid files
go through the pipeline in-process; a few also go through the command line.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.dossier.diagnostics import Report
from generator.build.pipeline import check
from generator.pages.render import render
from generator.dossier.schema import ENTITY_TYPES, FOLDERS
from tests.conftest import FIXTURES, make_project, run_generator

VALID = FIXTURES / "valid"
VALID_FILES = sorted(p.relative_to(VALID).as_posix() for p in VALID.rglob("*.yml"))
IDS = sorted({Path(p).stem for p in VALID_FILES})
FIELD_NAMES = sorted({f.name for t in ENTITY_TYPES.values() for f in t.fields}
                     | {"by", "text", "translation", "said_on", "actor", "position", "source",
                        "quote", "title", "url"})
NASTY = ["2023-09-05", "2023-02-30", "2023-09-05~", "2023-09-10/2023-09-13", "5 September 2023",
         "2024-03-12T08:30+00:00", "https://example.org/x", "javascript:alert(1)",
         "http://[::1", "ftp://x", "person", "state", "organization", "asserts", "denies", "pt",
         "en", "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "--8<-- \"about.md\"",
         "[x](javascript:alert(1))", "", " ", "~", "null", "yes", "no", "0x1F", "1e400",
         "\u2028", "\x85", "\ufeff", "😀", "a\nb", "---", "...", "0000-02-29",
         "9999-12-31T23:59+14:00", "2023-09~/2023-10?", "[43.12, 131.9]"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(),
    st.text(max_size=40), st.sampled_from(NASTY), st.sampled_from(IDS),
    st.dates(min_value=dt.date(1, 1, 1)), st.lists(st.sampled_from(IDS), max_size=3),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12), st.integers())
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)
entity_like = st.dictionaries(st.sampled_from(FIELD_NAMES), documents, max_size=10)
dump_styles = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([None, True, False]),
    "allow_unicode": st.booleans(),
    "explicit_start": st.booleans(),
})


@st.composite
def yaml_bytes(draw) -> bytes:
    document = draw(st.one_of(entity_like, documents))
    return yaml.safe_dump(document, **draw(dump_styles)).encode("utf-8")


any_file = st.one_of(
    yaml_bytes(),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.binary(max_size=300),
)


@st.composite
def edited_valid_file(draw) -> tuple[str, bytes]:
    """A valid source file with one random span replaced: the typos of real life."""
    rel = draw(st.sampled_from(VALID_FILES))
    data = (VALID / rel).read_bytes()
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 20)))
    insert = draw(st.one_of(st.binary(max_size=8),
                            st.sampled_from([b":", b"- ", b"  ", b"\t", b"&a ", b"*a", b"!!str ",
                                             b"\"", b"'", b"[", b"{", b"\n", b"\r\n", b"#",
                                             b"---\n", b"\xef\xbb\xbf", b"\x00"])))
    return rel, data[:start] + insert + data[end:]


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "sources"
    shutil.copytree(VALID, folder)
    return folder


def _run_in_process(sources: Path, rel: str, data: bytes) -> None:
    """Swap one file in, run check (and render when valid), put the corpus back."""
    target = sources / rel
    before = target.read_bytes() if target.exists() else None
    target.write_bytes(data)
    try:
        report = Report()
        dossier = check(sources, report)
        assert (dossier is None) == bool(report.errors)
        for item in report.sorted():
            line = item.format()
            assert "\n" not in line and "\r" not in line, line
            assert item.line >= 0 and item.column >= 0
            assert item.path.startswith(sources.as_posix()) or item.path.startswith("sources")
        if dossier is not None:
            render(dossier)
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)


FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(folder=st.sampled_from(FOLDERS), data=any_file)
def test_a_random_new_source_file_never_raises(sources, folder, data):
    _run_in_process(sources, f"{folder}/fuzz.yml", data)


@FAST
@given(edit=edited_valid_file())
def test_a_randomly_edited_valid_file_never_raises(sources, edit):
    _run_in_process(sources, *edit)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("fuzz-cli"), VALID)


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(folder=st.sampled_from(FOLDERS), data=any_file)
def test_the_command_line_exits_0_or_1_without_a_traceback(project, folder, data):
    target = project / "sources" / folder / "fuzz.yml"
    target.write_bytes(data)
    try:
        run = run_generator("check", cwd=project)
    finally:
        target.unlink()
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err


@pytest.mark.parametrize("data", [
    b"\x00" * 100,
    b"\xff" * 100,
    b"[" * 100_000,
    b"{a: " * 10_000,
    b"- " * 10_000 + b"x",
    b"a: " + b"x" * 999_990,
    b"a: b\n" * 300_000,
], ids=["nul bytes", "0xff bytes", "100k brackets", "10k open mappings", "10k nested lists",
        "one huge value", "file over the size limit"])
def test_pathological_files_get_a_message_from_the_command_line(project, data):
    target = project / "sources" / "actors" / "fuzz.yml"
    target.write_bytes(data)
    try:
        run = run_generator("check", cwd=project)
    finally:
        target.unlink()
    assert run.code == 1
    assert "Traceback" not in run.err
    assert run.err.startswith("sources/actors/fuzz.yml")
