"""Link rot: every address in the sources checked by LinkChecker, reported with its line.

``make links`` (``python -m generator links``) reads each source file as the
validator does, with lines, and collects every ``url`` and ``archived_url`` (an
article's address and its snapshot, an actor's references). LinkChecker, a
well-kept checker, fetches each address once, without following links from it;
its CSV report is read back and told as four lists, each address with the file
and line it is written on:

- **dead**: the address answers with an error (404, 410, 5xx), or no server answers;
- **timed out**: the server did not answer in time, which may pass: reported, not failed;
- **redirected**: it answers from another address, which is given;
- **unarchived**: an article without ``archived_url``, whose text the dossier cannot
  show again if its address goes (at the line of its ``url``, where it has one).

Only a dead address makes the command fail: the rest are for the curators to act on.
The report is Markdown, the same on a terminal and in a GitHub job summary.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.dossier.diagnostics import Report
from generator.dossier.load import load
from generator.dossier.yamlnodes import YMap, YNode, YScalar, YSeq

ADDRESS_FIELDS = ("url", "archived_url")
TIMEOUT = 30
"""Seconds LinkChecker waits for a server, per address."""
LINKCHECKER = Path(sys.executable).parent / "linkchecker"


@dataclass(frozen=True)
class Address:
    url: str
    field: str
    path: str
    """The source file, as messages show it."""
    line: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Result:
    address: Address
    outcome: str
    """``ok``, ``dead``, ``timeout`` or ``redirected``."""
    detail: str = ""
    """LinkChecker's result, or where a redirect leads."""


@dataclass
class Findings:
    results: list[Result] = field(default_factory=list)
    unarchived: list[Address] = field(default_factory=list)

    def of(self, outcome: str) -> list[Result]:
        return [r for r in self.results if r.outcome == outcome]

    @property
    def dead(self) -> bool:
        return bool(self.of("dead"))


def _walk(node: YNode, path: str, found: list[Address]) -> None:
    if isinstance(node, YMap):
        for key, value in node.entries.items():
            if key in ADDRESS_FIELDS and isinstance(value, YScalar) \
                    and value.text.strip().startswith(("http://", "https://")):
                found.append(Address(value.text.strip(), key, path, value.line))
            else:
                _walk(value, path, found)
    elif isinstance(node, YSeq):
        for item in node.items:
            _walk(item, path, found)


def addresses(sources: Path) -> tuple[list[Address], list[Address]]:
    """Every address in the sources, and the articles' addresses with no snapshot."""
    found: list[Address] = []
    unarchived: list[Address] = []
    for source in load(sources, Report()):
        if source.root is None:
            continue
        mine: list[Address] = []
        _walk(source.root, source.path, mine)
        found += mine
        if source.folder == "articles" and isinstance(source.root, YMap) \
                and "archived_url" not in source.root.entries:
            # At its address's line; an article without one has none to check either.
            url = next((a for a in mine if a.field == "url"), None)
            unarchived.append(url or Address("", "url", source.path, source.root.line))
    return found, unarchived


def run_linkchecker(urls: list[str], timeout: int = TIMEOUT) -> list[dict]:
    """LinkChecker's CSV rows for ``urls``: each fetched once, nothing followed from it."""
    command = [str(LINKCHECKER), "--stdin", "--recursion-level=0", "--check-extern",
               f"--timeout={timeout}", "--output=csv", "--verbose", "--no-status",
               "--threads=4"]
    result = subprocess.run(command, input="\n".join(urls) + "\n", capture_output=True,
                            text=True, encoding="utf-8")
    # LinkChecker exits 1 when it found an error; anything else is its own failure.
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed: {result.stderr.strip()}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def classify(row: dict) -> tuple[str, str]:
    """``(outcome, detail)`` of one CSV row."""
    result = row.get("result", "")
    if row.get("valid") != "True":
        return ("timeout" if "timed out" in result.lower() or "timeout" in result.lower()
                else "dead"), result
    if "Redirected to" in (row.get("warningstring") or ""):
        return "redirected", row.get("url", "")
    return "ok", result


def check(sources: Path, timeout: int = TIMEOUT) -> Findings:
    found, unarchived = addresses(sources)
    rows = run_linkchecker(sorted({a.url for a in found}), timeout) if found else []
    outcomes = {row["urlname"]: classify(row) for row in rows}
    results = [Result(a, *outcomes.get(a.url, ("dead", "not checked")))
               for a in found]
    return Findings(results, unarchived)


_HEADINGS = (("dead", "Dead"), ("timeout", "Timed out"), ("redirected", "Redirected"))


def markdown(findings: Findings) -> str:
    """The report, Markdown: what a terminal and a GitHub job summary or issue show."""
    total = len(findings.results)
    lines = ["# Link check", "",
             f"{total} address(es) checked: {len(findings.of('ok'))} fine, "
             f"{len(findings.of('dead'))} dead, {len(findings.of('timeout'))} timed out, "
             f"{len(findings.of('redirected'))} redirected; "
             f"{len(findings.unarchived)} article(s) without an archived copy.", ""]
    for outcome, heading in _HEADINGS:
        results = findings.of(outcome)
        if results:
            lines += [f"## {heading}", ""]
            arrow = "→ " if outcome == "redirected" else ""
            lines += [f"- `{r.address.where}` `{r.address.field}` {r.address.url} "
                      f"{arrow}{r.detail}".rstrip() for r in results]
            lines.append("")
    if findings.unarchived:
        lines += ["## Unarchived", "",
                  "No `archived_url`: record a snapshot's address and its `archived_on` day "
                  "where a web archive holds one.", ""]
        lines += [f"- `{a.where}` {a.url or '(no `url` either)'}" for a in findings.unarchived]
        lines.append("")
    return "\n".join(lines)


def run(sources: Path, timeout: int = TIMEOUT, summary: Path | None = None) -> int:
    """Check, print the report (and append it to ``summary``); 1 only on a dead address."""
    findings = check(sources, timeout)
    text = markdown(findings)
    print(text)
    if summary is not None:
        with summary.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    return 1 if findings.dead else 0
