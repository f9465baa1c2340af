from generator.yamlnodes import YMap, YScalar, YSeq, parse


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
