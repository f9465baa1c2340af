"""``check`` on GitHub Actions: each problem as a workflow command, so a pull request
shows it on the line that caused it, and a job summary a reviewer reads.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.tools.changes import Change, Kind, NoBase, compare, resolve
from generator.dossier.diagnostics import Diagnostic, Report, Severity, printable

TITLE = "Dossier check"


def escape_data(text: str) -> str:
    """A command's message: GitHub reads %, CR and LF as escapes and line ends."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also without the separators ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(item: Diagnostic, strict: bool) -> str:
    """``::error file=sources/actors/x.yml,line=4,col=3,title=…::message``."""
    title = TITLE
    if item.severity is Severity.WARNING and strict:
        title += " (warning, an error with --strict)"
    properties = [("file", printable(item.path))]
    if item.line:
        properties.append(("line", str(item.line)))
        if item.column:
            properties.append(("col", str(item.column)))
    properties.append(("title", title))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{item.severity.value} {joined}::{escape_data(printable(item.message))}"


@dataclass
class Comparison:
    """What the summary says about the dossier's changes."""

    base: str | None
    """The base branch, or None outside a pull request."""
    changes: list[Change]
    problem: str | None = None
    """Why the changes could not be listed."""


def compare_with_base(sources: Path, env: Mapping[str, str]) -> Comparison:
    base = env.get("GITHUB_BASE_REF") or None
    if base is None:
        return Comparison(None, [])
    try:
        return Comparison(base, compare(sources, resolve(sources, base)))
    except (NoBase, OSError) as exc:
        return Comparison(base, [], str(exc))


_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_MARKDOWN = re.compile(r"([\\`*_\[\]~|!#])")
# GitHub makes a link of an address it finds in text (GFM's autolinks): an entity in
# the middle of the scheme, the www or the address keeps each one text.
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=www)(\.)|(@)", re.I)


def _cell(text: str) -> str:
    """Contributor text as the text of one table cell, never markup: HTML, Markdown and
    addresses are escaped, control characters written out, the cell one line long."""
    text = " ".join(printable(text).split())
    text = "".join(_HTML.get(char, char) for char in text)
    text = _MARKDOWN.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: f"&#{ord(m.group()):d};", text)


def _code(text: str) -> str:
    """Text as a code span in a table cell: nothing in it is markup, but a | would still
    end the cell, and a run of backticks as long as the fence would end the span."""
    text = " ".join(printable(text).split()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def summary(report: Report, strict: bool, comparison: Comparison) -> str:
    """The job summary, in GitHub-flavoured Markdown."""
    items = report.sorted()
    failed = report.failed(strict)
    lines = [f"## {TITLE}", ""]
    errors, warnings = len(report.errors), len(report.warnings)
    if not items:
        lines.append("The sources are valid: no problem found.")
    else:
        verdict = "The sources have problems" if failed else "The sources are valid, with warnings"
        lines += [f"{verdict}: {errors} error(s), {warnings} warning(s)"
                  f"{' (--strict: warnings count as errors)' if strict and warnings else ''}.",
                  "", "| file | line | problem | message |", "| --- | --- | --- | --- |"]
        for item in items:
            where = f"{item.line}:{item.column}" if item.column else str(item.line or "")
            lines.append(f"| {_code(item.path)} | {where} | {item.severity.value} | "
                         f"{_cell(item.message)} |")
    lines += ["", "### Changes to the dossier", ""]
    lines += _changes(comparison)
    return "\n".join(lines) + "\n"


def _changes(comparison: Comparison) -> list[str]:
    if comparison.base is None:
        return ["Not a pull request: there is no base branch to compare with."]
    if comparison.problem:
        return [f"Could not compare with {_code(comparison.base)}: {_cell(comparison.problem)}"]
    if not comparison.changes:
        return [f"No entity is added, changed or removed against {_code(comparison.base)}."]
    lines = [f"Against {_code(comparison.base)}:", ""]
    for kind in Kind:
        listed = [c for c in comparison.changes if c.kind is kind]
        if listed:
            names = ", ".join(f"`{c.folder}/{c.id}`" for c in listed)
            lines.append(f"- **{kind.value}** ({len(listed)}): {names}")
    return lines


def in_github_actions(env: Mapping[str, str]) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


def publish(report: Report, strict: bool, sources: Path, env: Mapping[str, str], out) -> None:
    """Print the workflow commands to ``out``; write the summary where GitHub asks."""
    for item in report.sorted():
        print(command(item, strict), file=out)
    target = env.get("GITHUB_STEP_SUMMARY")
    if target:
        text = summary(report, strict, compare_with_base(sources, env))
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text)
