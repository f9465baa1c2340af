"""Find the source files of a dossier and read each into a positioned tree."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.dossier.diagnostics import Report, did_you_mean, with_article
from generator.dossier.schema import ENTITY_TYPES, FOLDERS, ID_PATTERN
from generator.dossier.yamlnodes import YNode, parse

MAX_ID_LENGTH = 120
_ID = re.compile(ID_PATTERN)
_IGNORED = {".gitkeep"}
RESERVED_IDS = {"index"}


@dataclass
class SourceFile:
    """One source file with a valid name, read as YAML."""

    folder: str
    id: str
    path: str
    """As shown in messages: relative to the working directory when inside it."""
    root: YNode | None
    """None when the file exists but is not readable YAML; its problems are reported.
    It is still returned so that references to it are not reported as missing files."""


def display_path(path: Path) -> str:
    relative = os.path.relpath(path)
    return Path(relative if not relative.startswith("..") else path).as_posix()


def id_problem(stem: str) -> str | None:
    """Why ``stem`` cannot be an id, or None."""
    if len(stem) > MAX_ID_LENGTH:
        return f"is longer than {MAX_ID_LENGTH} characters"
    if stem in RESERVED_IDS:
        return "is reserved for the folder's index page: choose another name"
    if not _ID.match(stem):
        return ("is not a valid id: use lower-case ASCII letters and digits joined by "
                f"single hyphens, e.g. {suggest_id(stem)!r}")
    return None


def not_plain(path: Path) -> str | None:
    """Why ``path`` is neither a regular file nor a real folder, or None.

    Only the entry itself is looked at (``lstat``): a symbolic link is refused
    without following it, so no message can show where it points or what is there."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "is not a regular file (a pipe, socket or device)"


REFUSED = ": sources must be regular files inside sources/, so it was not read"


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is still a regular file when opened.

    ``not_plain`` checked the name; O_NOFOLLOW and fstat check what is actually opened,
    so a file swapped for a link in between is refused too (OSError), and O_NONBLOCK
    keeps a pipe from blocking the open."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        return handle.read()


def required_fields(folder: str) -> str:
    """``an actor needs at least name, kind and summary``: for empty files."""
    names = [f.name for f in ENTITY_TYPES[folder].fields if f.required]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return f"{with_article(folder[:-1])} needs at least {listed}"


def suggest_id(text: str) -> str:
    from slugify import slugify
    return slugify(text) or "my-entry"


ParseCache = dict
"""(path, BLAKE2 digest of the bytes) -> ParseResult, kept by a long-running preview."""


def load(sources: Path, report: Report, cache: ParseCache | None = None) -> list[SourceFile]:
    """Read every file under ``sources``; report what cannot be read or placed.

    With a ``cache``, a file whose bytes have not changed is not parsed again."""
    files: list[SourceFile] = []
    if not sources.is_dir():
        report.error(display_path(sources), 0, "sources folder not found")
        return files
    for entry in sorted(sources.iterdir()):
        shown = display_path(entry)
        if entry.name in _IGNORED:
            continue
        refused = not_plain(entry)
        if refused:
            report.error(shown, 0, refused + REFUSED)
            continue
        if not entry.is_dir():
            report.error(shown, 0, f"unexpected file: sources go in one of the folders "
                         f"{', '.join(FOLDERS)}")
            continue
        if entry.name not in FOLDERS:
            report.error(shown, 0, f"unknown folder {entry.name!r}{did_you_mean(entry.name, FOLDERS)}: "
                         f"the folders are {', '.join(FOLDERS)}")
            continue
        for path in sorted(entry.rglob("*")):
            files.extend(_read(path, entry.name, report, cache))
    return files


def _read(path: Path, folder: str, report: Report, cache: ParseCache | None) -> list[SourceFile]:
    shown = display_path(path)
    refused = not_plain(path)
    if refused:
        report.error(shown, 0, refused + REFUSED)
        return []
    if path.name in _IGNORED or path.is_dir():
        return []
    if path.parent.name != folder:
        report.error(shown, 0, f"unexpected sub-folder: put the file directly in sources/{folder}/")
        return []
    if path.suffix != ".yml":
        hint = " (rename it to .yml)" if path.suffix in (".yaml", ".YML", ".YAML") else ""
        report.error(shown, 0, f"unexpected file: source files end in .yml{hint}")
        return []
    problem = id_problem(path.stem)
    if problem:
        report.error(shown, 0, f"file name {path.stem!r} {problem}")
        return []
    try:
        data = read_regular(path)
    except OSError as exc:
        # Never the exception's text: it can carry a path the file points to.
        report.error(shown, 0, f"cannot read file: {exc.strerror}")
        return []
    if cache is None:
        result = parse(data)
    else:
        key = (shown, hashlib.blake2b(data, digest_size=16).digest())
        result = cache.get(key) or cache.setdefault(key, parse(data))
    for problem in result.problems:
        report.error(shown, problem.line, problem.message, problem.column)
    if result.empty:
        report.error(shown, 0, f"{result.empty}: {required_fields(folder)}")
    return [SourceFile(folder, path.stem, shown, result.root)]
