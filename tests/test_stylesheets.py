"""The theme's stylesheets parse as written: every rule closes where it should.

A missing ``}`` is not a syntax error in CSS (nesting makes it valid), so the browser
silently reads every later rule as nested inside the unclosed one and drops them; this
keeps that from reaching readers. Our stylesheets do not nest rules, so a rule inside a
rule is always a brace left open."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

import generator

THEME = Path(generator.__file__).parent / "theme"
STYLESHEETS = sorted(THEME.rglob("*.css"))
GROUPS = ("media", "supports", "layer", "container")
"""At-rules whose block holds rules, not declarations."""


def _problems(rules, where: str) -> list[str]:
    found = []
    for rule in rules:
        if rule.type == "error":
            found.append(f"{where}: {rule.message} (line {rule.source_line})")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPS and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                             skip_whitespace=True)
            found += _problems(inner, f"{where} @{rule.lower_at_keyword}")
        elif rule.type == "qualified-rule":
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                       skip_whitespace=True):
                if item.type != "declaration":
                    found.append(f"{where}: a {item.type} inside the rule that starts "
                                 f"at line {rule.source_line}")
    return found


def test_the_theme_has_stylesheets_to_check():
    assert any(path.name == "extra.css" for path in STYLESHEETS)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_every_rule_of_the_stylesheet_is_closed_before_the_next_begins(path: Path):
    rules = tinycss2.parse_stylesheet(path.read_text("utf-8"), skip_comments=True,
                                      skip_whitespace=True)
    assert _problems(rules, path.name) == []


def test_a_rule_left_open_is_found():
    text = ".a {\n  color: red;\n\n@media screen { .b { color: blue; } }\n.c { margin: 0; }"
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    assert _problems(rules, "sample.css")
