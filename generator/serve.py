"""Live preview: MkDocs serves docs/ while source changes regenerate the pages.

MkDocs reloads the browser when a file under docs/ changes; since only pages whose
bytes change are rewritten, an edit to one source reloads quickly.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .diagnostics import Report
from .outputs import Publication
from .pipeline import check, generate
from .site import Project, engine_env
from .write import sync

POLL_SECONDS = 0.5


def _snapshot(sources: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in sorted(sources.rglob("*")) if p.is_file()}


def regenerate(project: Project, cache: dict) -> bool:
    report = Report()
    dossier = check(project.sources, report, cache)
    for item in report.sorted():
        print(item.format(), file=sys.stderr)
    if dossier is None:
        print("sources have errors: the preview keeps the last good pages", file=sys.stderr)
        return False
    # One process keeps the rendered Markdown of unchanged texts from the last run.
    publication = Publication.from_environment(config=project.config)
    written, removed = sync(generate(dossier, publication, workers=1), project.docs)
    print(f"regenerated: {written} page(s) written, {removed} removed", file=sys.stderr)
    return True


def serve(project: Project, addr: str) -> int:
    cache: dict = {}
    if not regenerate(project, cache):
        return 1
    # --dirty: MkDocs rebuilds only the pages whose files changed, which are the
    # only ones the regeneration rewrites.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", addr,
                               "-f", str(project.config)], cwd=project.root, env=engine_env())
    seen = _snapshot(project.sources)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(project.sources)
            if now != seen:
                seen = now
                regenerate(project, cache)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0
