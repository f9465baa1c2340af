"""The hand-written pages under docs/: what they may not do to the generated ones.

Every problem is an error with the file (and, in front matter, the line), reported
before anything is written, so that a refused build leaves docs/ and site/ as they were:

- a file the generator did not write, at a generated path or inside a generated folder
  (``write.foreign_files``);
- a page whose address is a generated page's (``docs/data.md`` and the generated
  ``docs/data/index.md`` are both ``/data/``) or inside an edition's (``docs/id.md`` is
  ``/id/``, the Indonesian edition's home);
- front matter that is not a YAML mapping, which MkDocs would show as the page's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.build.write import MANIFEST, foreign_files, generated_files
from generator.dossier.diagnostics import Report
from generator.dossier.load import display_path
from generator.settings import other_languages
from generator.text.urls import page_url

# MkDocs' own test for front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def check_docs(pages, docs: Path, report: Report) -> None:
    """Report every problem of the hand-written files under ``docs`` with ``pages``
    (path under docs/ -> content) about to be written."""
    if not docs.is_dir():
        return
    shown = lambda rel: display_path(docs / rel)  # noqa: E731
    for rel, why in foreign_files(pages, docs):
        report.error(shown(rel), 0, why)
    ours = generated_files(docs, pages) | set(pages) | {MANIFEST}
    foreign = {rel for rel, _ in foreign_files(pages, docs)}
    addresses = {page_url(rel): rel for rel in sorted(pages) if rel.endswith(".md")}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel in ours or rel in foreign or any(part.startswith(".") for part in rel.split("/")):
            continue
        if not path.is_file():
            continue
        address = page_url(rel)
        if address in addresses:
            report.error(shown(rel), 0, f"its address /{address} is that of the generated "
                         f"page {shown(addresses[address])}, which would hide it: rename "
                         "the hand-written page")
            continue
        for language in other_languages():
            if not rel.startswith(f"{language}/") and (address + "/").startswith(f"{language}/"):
                report.error(shown(rel), 0, f"its address /{address} is inside the "
                             f"{language!r} edition, which is published at /{language}/ "
                             f"from {shown(language)}/: rename the page, or put it in "
                             f"{shown(language)}/ to make it part of that edition")
                break
        _front_matter(path, shown(rel), report)


def _front_matter(path: Path, shown: str, report: Report) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        report.error(shown, 0, "is not UTF-8: save it as UTF-8")
        return
    except OSError as exc:
        report.error(shown, 0, f"cannot be read: {exc.strerror}")
        return
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # Line 1 is the opening ---; a problem found at the end is on its last line.
        last = match.group(1).count("\n") + 1
        line = min(mark.line + 2, last) if mark else 1
        problem = (exc.problem or exc.context or "invalid YAML").replace(
            "'<stream end>'", "the end of the front matter")
        report.error(shown, line, f"front matter is not valid YAML ({problem}): MkDocs would "
                     "show it as the page's text; fix it, or remove the --- lines")
        return
    except yaml.YAMLError as exc:
        report.error(shown, 1, f"front matter is not valid YAML ({exc}): fix it")
        return
    if data is not None and not isinstance(data, dict):
        report.error(shown, 2, "front matter must be `key: value` lines: MkDocs would show "
                     "it as the page's text; fix it, or remove the --- lines")
