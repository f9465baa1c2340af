"""What a pull request changes in the dossier: entities added, changed and removed
against a git ref (the base branch), for the job summary a reviewer reads."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from generator.dossier.schema import FOLDERS


class Kind(str, Enum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


@dataclass(frozen=True, order=True)
class Change:
    """One entity whose source file differs from the base."""

    folder: str
    """``actors``, ``articles``, ...: the entity's type."""
    id: str
    kind: Kind


class NoBase(Exception):
    """The base ref cannot be read: not a git checkout, or the ref was not fetched."""


def blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes, so that the working tree can be
    compared with a commit without asking git to read either."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _entity(path: str) -> tuple[str, str] | None:
    """``actors/jane-doe.yml`` -> (``actors``, ``jane-doe``); None for anything else."""
    parts = path.split("/")
    if len(parts) != 2 or parts[0] not in FOLDERS or not parts[1].endswith(".yml"):
        return None
    return parts[0], parts[1][:-4]


def at_ref(sources: Path, ref: str) -> dict[tuple[str, str], str]:
    """(folder, id) -> blob id of every source file at ``ref``, from one ``git ls-tree``."""
    run = subprocess.run(["git", "-C", str(sources), "ls-tree", "-r", "-z", ref, "--", "."],
                         capture_output=True)
    if run.returncode != 0:
        raise NoBase(run.stderr.decode("utf-8", "replace").strip() or f"cannot read {ref!r}")
    found = {}
    for entry in run.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, kind, blob = meta.split()
        key = _entity(path)
        # Links (120000) and sub-modules are not sources (generator/load.py refuses them).
        if key and kind == "blob" and mode in ("100644", "100755"):
            found[key] = blob
    return found


def in_tree(sources: Path) -> dict[tuple[str, str], str]:
    """(folder, id) -> blob id of every regular source file in the working tree."""
    found = {}
    for folder in FOLDERS:
        for path in sorted((sources / folder).glob("*.yml")):
            if path.is_file() and not path.is_symlink():
                found[(folder, path.stem)] = blob_id(path.read_bytes())
    return found


def resolve(sources: Path, branch: str) -> str:
    """The commit to compare with: the base branch as fetched from the remote, or a
    local branch or ref of that name."""
    for candidate in (f"origin/{branch}", branch):
        run = subprocess.run(["git", "-C", str(sources), "rev-parse", "--verify", "--quiet",
                              f"{candidate}^{{commit}}"], capture_output=True, text=True)
        if run.returncode == 0:
            return run.stdout.strip()
    raise NoBase(f"the base branch {branch!r} is not in this checkout (fetch it, "
                 "e.g. actions/checkout with fetch-depth: 0)")


def compare(sources: Path, ref: str) -> list[Change]:
    """Every entity added, changed or removed in ``sources`` since ``ref``, sorted."""
    before, now = at_ref(sources, ref), in_tree(sources)
    changes = [Change(*key, Kind.ADDED) for key in now.keys() - before.keys()]
    changes += [Change(*key, Kind.REMOVED) for key in before.keys() - now.keys()]
    changes += [Change(*key, Kind.CHANGED) for key in now.keys() & before.keys()
                if now[key] != before[key]]
    return sorted(changes)
