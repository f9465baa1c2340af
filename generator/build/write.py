"""Put generated pages on disk: only what changed, and remove only what the generator
itself wrote before.

What the generator wrote is listed in a manifest, ``docs/.generated/manifest.json``
(inside a folder MkDocs leaves out of the site, which ``make clean`` removes and git
ignores). A file is removed only when the manifest names it and no page has its path
any more: a hand-written file is never deleted, even inside a generated folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.pages.render import owned

MANIFEST = ".generated/manifest.json"
"""Under docs/: every file the last build wrote there, by path."""


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def is_owned(rel: str) -> bool:
    """Whether ``rel`` (a path under docs/) is generated: in, or one of, the owned folders."""
    return any(rel == folder or rel.startswith(folder + "/") for folder in owned())


def holds_owned(rel: str) -> bool:
    """Whether the folder ``rel`` holds an owned folder (``id`` holds ``id/articles``)."""
    return any(folder.startswith(rel + "/") for folder in owned())


def owned_files(docs: Path) -> set[str]:
    found = set()
    for folder in owned():
        root = docs / folder
        if root.is_file():
            found.add(folder)
        elif root.is_dir():
            found.update(p.relative_to(docs).as_posix() for p in root.rglob("*") if p.is_file())
    return found


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def read_manifest(docs: Path) -> set[str] | None:
    """The files the last build wrote under ``docs``, or None when it left no manifest
    (a tree built before there were manifests, or never built)."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {rel for rel in files if isinstance(rel, str) and _inside(rel)}


def _inside(rel: str) -> bool:
    """Whether ``rel`` names a path under docs/, not above it."""
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and ".." not in parts and "" not in parts


def generated_files(docs: Path, pages) -> set[str]:
    """The files under ``docs`` that the generator wrote: those its manifest lists.

    Without a manifest, the files of the generated folders at a path it generates now
    are taken to be its own; any other file is not (see :func:`foreign_files`)."""
    listed = read_manifest(docs)
    if listed is None:
        listed = owned_files(docs) & set(pages)
    return {rel for rel in listed if (docs / rel).is_file() or (docs / rel).is_symlink()}


def foreign_files(pages, docs: Path) -> list[tuple[str, str]]:
    """Files under ``docs`` the generator did not write but would overwrite, or that sit
    in a folder it generates: (path under docs/, why), each to be refused by name.

    A hand-written page inside a generated folder is refused rather than kept: git
    ignores those folders (.gitignore), so the page would never reach the repository,
    it would take the address of any entity later given its name, and a page kept
    there cannot be told from one the generator left behind."""
    ours = generated_files(docs, pages)
    found = []
    for folder in owned():
        root = docs / folder
        if root.is_file() or root.is_symlink():
            candidates = [root]
        elif root.is_dir():
            candidates = sorted(root.rglob("*"))
        else:
            candidates = []
        for path in candidates:
            rel = path.relative_to(docs).as_posix()
            if rel in ours or rel == MANIFEST or (path.is_dir() and not path.is_symlink()):
                continue
            if rel in pages:
                found.append((rel, "was not written by the generator, and a generated file "
                              "has its path: the build would overwrite it; move it out of "
                              f"docs/{folder}/ (or, if it is a page the generator left before "
                              "it kept a manifest, delete it or run `make clean`)"))
            else:
                found.append((rel, "was not written by the generator, but is inside "
                              f"docs/{folder}/, which the generator writes (and git "
                              "ignores): move it elsewhere under docs/ (or, if the generator "
                              "left it before it kept a manifest, delete it or run "
                              "`make clean`)"))
    return found


def _write_manifest(pages, docs: Path) -> None:
    data = (json.dumps({"files": sorted(pages)}, indent=0) + "\n").encode("utf-8")
    target = docs / MANIFEST
    try:
        if target.read_bytes() == data:
            return
    except OSError:
        pass
    _atomic_write(target, data)


def sync(pages: dict[str, str | bytes], docs: Path) -> tuple[int, int]:
    """Write ``pages`` into ``docs`` and remove what the previous build wrote that is
    no longer among them; record what was written (:data:`MANIFEST`).

    A page whose bytes are unchanged is not rewritten, so its mtime stays and a
    live preview reloads only what changed. Returns (written, removed).
    """
    ours = generated_files(docs, pages)
    written = removed = 0
    for rel in sorted(pages):
        data = _bytes(pages[rel])
        target = docs / rel
        try:
            if target.read_bytes() == data:
                continue
            _atomic_write(target, data)
        except FileNotFoundError:
            # A new page has no reader yet: no need for a temporary file and a rename.
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        written += 1
    for rel in sorted(ours - set(pages)):
        (docs / rel).unlink()
        removed += 1
        # The folders it leaves empty go too (a tag's parts), never docs/ itself.
        folder = (docs / rel).parent
        while folder != docs and folder.is_dir() and not folder.is_symlink() \
                and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    _write_manifest(pages, docs)
    return written, removed


def stage_docs(pages: dict[str, str | bytes], docs: Path, stage: Path) -> None:
    """A complete copy of ``docs`` as it will be, for a trial build."""
    shutil.copytree(docs, stage, ignore=lambda d, names: [
        n for n in names if is_owned((Path(d) / n).relative_to(docs).as_posix())])
    for rel, text in pages.items():
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_bytes(text))


def replace_dir(new: Path, target: Path) -> None:
    """Swap ``new`` in for ``target`` with renames, so readers never see half a site."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)
