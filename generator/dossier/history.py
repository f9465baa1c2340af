"""When each source file last changed, read from git in one pass over the log.

Three git commands in all, however many files there are: where the sources sit in
the repository, the log of the sources folder with the files each commit changed,
and the working copy's status. Outside a git work tree (a copied folder, a test's
temporary project) nothing is known and no page speaks of changes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path


@dataclass(frozen=True)
class History:
    """What git says about the source files: the same checkout always says the same."""

    changed: dict[str, datetime] = field(default_factory=dict)
    """Source path relative to the sources folder (``actors/kim-jong-un.yml``) -> UTC
    time of the last commit on the current branch that changed it. Only files whose
    working copy is what that commit holds."""
    pending: frozenset[str] = frozenset()
    """Source paths whose working copy is not committed: new, or edited since."""

    def last_changed(self, folder: str, entity_id: str) -> datetime | None:
        return self.changed.get(f"{folder}/{entity_id}.yml")

    def is_pending(self, folder: str, entity_id: str) -> bool:
        return f"{folder}/{entity_id}.yml" in self.pending


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                                text=True, encoding="utf-8", errors="surrogateescape")
    except OSError:  # no git installed
        return None
    return result.stdout if result.returncode == 0 else None


# Changes reach the published branch as commits or merges: following first parents
# and diffing a merge against its first parent dates a merged change by the merge,
# when it was published, not by when it was written on a side branch.
_LOG = ("log", "--first-parent", "--diff-merges=first-parent", "--no-renames",
        "--format=format:%x1e%ct %P", "--name-only", "-z", "--relative", "--", ".")


def parse_log(text: str, shallow: bool = False) -> dict[str, datetime]:
    """``git log`` output (format ``_LOG``), newest first -> each file's newest change.

    In a shallow clone the oldest commit fetched has no parents, so it seems to add
    every file: a file last seen there changed at that commit or earlier, which is
    not a date to print."""
    changed: dict[str, datetime] = {}
    for record in text.split("\x1e")[1:]:
        header, _, names = record.partition("\n")
        seconds, *parents = header.split(" ")
        parents = [p for p in parents if p]
        when = datetime.fromtimestamp(int(seconds), timezone.utc)
        for name in names.split("\0"):
            if name and name not in changed:
                changed[name] = None if shallow and not parents else when
    return {name: when for name, when in changed.items() if when is not None}


def parse_status(text: str, prefix: str) -> frozenset[str]:
    """``git status --porcelain -z`` output -> paths under ``prefix``, made relative to it.

    Porcelain paths are relative to the repository's top, whatever the folder asked."""
    pending = set()
    for entry in text.split("\0"):
        path = entry[3:]
        if len(entry) > 3 and path.startswith(prefix):
            pending.add(path[len(prefix):])
    return frozenset(pending)


def read(sources: Path) -> History:
    """The history of every file under ``sources``; empty outside a git work tree."""
    where = _git(sources, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if where is None:
        return History()
    shallow, prefix = (where.split("\n") + [""])[:2]
    log = _git(sources, *_LOG)
    status = _git(sources, "status", "--porcelain", "-z", "--untracked-files=all",
                  "--no-renames", "--", ".")
    if log is None or status is None:  # a repository without commits yet
        return History(pending=parse_status(status or "", prefix))
    pending = parse_status(status, prefix)
    changed = parse_log(log, shallow == "true")
    return History({k: v for k, v in changed.items() if k not in pending}, pending)
