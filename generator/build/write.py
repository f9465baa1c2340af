"""Put generated pages on disk: only what changed, nothing outside owned folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.pages.render import owned


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


def sync(pages: dict[str, str | bytes], docs: Path) -> tuple[int, int]:
    """Make the owned folders of ``docs`` hold exactly ``pages``.

    A page whose bytes are unchanged is not rewritten, so its mtime stays and a
    live preview reloads only what changed. Returns (written, removed).
    """
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
    for rel in sorted(owned_files(docs) - set(pages)):
        (docs / rel).unlink()
        removed += 1
    for folder in owned():
        root = docs / folder
        if root.is_dir() and not root.is_symlink():
            for sub in sorted(root.rglob("*"), reverse=True):
                if sub.is_dir() and not any(sub.iterdir()):
                    sub.rmdir()
            if not any(root.iterdir()):
                root.rmdir()
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
