import pytest
from generator.dossier.yamlnodes import YMap, YScalar, YSeq, parse


def test_scalars_stay_the_text_the_contributor_wrote():
    root = parse(b"a: no\nb: 2023-09-05\nc: 1.50\nd: on\n").root
    assert {k: v.text for k, v in root.entries.items()} == \
        {"a": "no", "b": "2023-09-05", "c": "1.50", "d": "on"}


def test_every_value_remembers_its_line():
    root = parse(b"title: x\nactors:\n  - a\n  - b\n").root
    assert isinstance(root, YMap)
    assert root.key_lines == {"title": 1, "actors": 2}
    assert [item.line for item in root.entries["actors"].items] == [3, 4]


def test_quoted_and_plain_scalars_are_told_apart():
    root = parse(b'a: "~"\nb: ~\n').root
    assert not root.entries["a"].is_null
    assert root.entries["b"].is_null


def test_a_byte_order_mark_and_crlf_line_endings_are_accepted():
    result = parse(b"\xef\xbb\xbfname: X\r\nkind: state\r\n")
    assert result.problems == []
    assert result.root.entries["kind"].text == "state"


def test_flow_sequences_are_lists():
    root = parse(b"actors: [a, b]\n").root
    assert isinstance(root.entries["actors"], YSeq)
    assert [i.text for i in root.entries["actors"].items] == ["a", "b"]
    assert all(isinstance(i, YScalar) for i in root.entries["actors"].items)


def _slow(text):
    from generator.dossier.yamlnodes import _convert, _NodeLoader
    loader = _NodeLoader(text)
    try:
        return _convert(loader.get_single_node(), 0)
    finally:
        loader.dispose()


@pytest.mark.dossier
def test_libyaml_reads_every_real_source_exactly_as_the_careful_reader_does():
    from generator.dossier.yamlnodes import _fast_parse

    from .conftest import SEED, ROOT
    for path in sorted((SEED).rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        fast = _fast_parse(text)
        assert fast is not None, path
        assert fast.root == _slow(text), path


def test_files_with_anchors_or_aliases_take_the_careful_reader():
    from generator.dossier.yamlnodes import _fast_parse
    assert _fast_parse("a: &x 1\nb: 2\n") is None
    assert _fast_parse("a: [1]\nb: *x\n") is None
    assert _fast_parse("summary: an *emphasised* word & more\n") is not None
