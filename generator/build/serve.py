"""Live preview: MkDocs serves docs/ while source changes regenerate the pages.

MkDocs reloads the browser when a file under docs/ changes; since only pages whose
bytes change are rewritten, an edit to one source reloads quickly.

Another edition (``--edition id``) is served from a mirror of its docs tree in
``.build/serve-<language>/`` with its generated configuration, at its own address
(``/id/``); after each regeneration only the files whose bytes changed are copied, so
it reloads as quickly. Its language switch leads to an English page the preview does
not serve.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generator.build import editions
from generator.dossier.diagnostics import Report
from generator.settings import own_language
from generator.outputs import Publication
from generator.build.pipeline import check, generate
from generator.build.site import Project, edition_files, engine_env
from generator.build.write import sync

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
    # One process keeps the rendered Markdown of unchanged texts from the last run. The
    # PDF, which takes long, is made by `make site` and `make build` only.
    publication = Publication.from_environment(config=project.config)
    written, removed = sync(generate(dossier, publication, workers=1, costly=False),
                            project.docs)
    print(f"regenerated: {written} page(s) written, {removed} removed", file=sys.stderr)
    return True


@dataclass(frozen=True)
class Preview:
    """What ``mkdocs serve`` runs on: a configuration and the folder it runs in."""

    language: str
    config: Path
    cwd: Path

    @classmethod
    def of(cls, project: Project, language: str, addr: str) -> "Preview":
        """The preview of ``language``'s edition; for English, the project itself."""
        if language == own_language():
            return cls(language, project.config, project.root)
        root = project.root / ".build" / f"serve-{language}"
        root.mkdir(parents=True, exist_ok=True)
        # The preview's own address, so that MkDocs serves the edition under /id/.
        settings = editions.config(editions.read_config(project.config), language,
                                   f"http://{addr}/")
        (root / "mkdocs.yml").write_text(editions.dumps(settings), encoding="utf-8")
        return cls(language, root / "mkdocs.yml", root)

    def refresh(self, docs: Path) -> int:
        """Mirror the edition's docs tree from ``docs``; the number of files written."""
        if self.language == own_language():
            return 0
        return mirror(edition_files(docs, self.language), self.cwd / "docs")


def mirror(files: dict[str, Path], target: Path) -> int:
    """Make ``target`` hold exactly ``files`` (path in target -> source), writing only
    the files whose bytes differ, so that MkDocs rebuilds only those."""
    written = 0
    for rel, source in files.items():
        data = source.read_bytes()
        path = target / rel
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written += 1
    for path in sorted(target.rglob("*")):
        if path.is_file() and path.relative_to(target).as_posix() not in files:
            path.unlink()
    return written


def serve(project: Project, addr: str, language: str | None = None) -> int:
    cache: dict = {}
    if not regenerate(project, cache):
        return 1
    try:
        preview = Preview.of(project, language, addr)
    except editions.ConfigError as exc:
        print(exc, file=sys.stderr)
        return 1
    preview.refresh(project.docs)
    # --dirty: MkDocs rebuilds only the pages whose files changed, which are the
    # only ones the regeneration rewrites.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", addr,
                               "-f", str(preview.config)], cwd=preview.cwd, env=engine_env())
    seen = _snapshot(project.sources)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(project.sources)
            if now != seen:
                seen = now
                if regenerate(project, cache):
                    preview.refresh(project.docs)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0
