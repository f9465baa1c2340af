"""The live preview re-reads only what changed, in either edition."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from generator.dossier import load as load_module
from generator.dossier.diagnostics import Report
from generator.build.pipeline import check

from .conftest import FIXTURES


def test_a_cached_check_parses_only_the_files_whose_bytes_changed(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "minimal", sources)
    parsed = []
    real_parse = load_module.parse
    monkeypatch.setattr(load_module, "parse", lambda data: parsed.append(data) or real_parse(data))
    cache: dict = {}
    assert check(sources, Report(), cache) is not None
    first = len(parsed)
    actor = sources / "actors" / "ferry-union.yml"
    actor.write_text(actor.read_text() + "role: Trade union\n", encoding="utf-8")
    dossier = check(sources, Report(), cache)
    assert len(parsed) == first + 1
    assert dossier.corpus.actors["ferry-union"].role == "Trade union"


def test_a_one_file_change_rewrites_only_the_pages_it_changes(tmp_path):
    from .conftest import make_project, run_generator
    project = make_project(tmp_path, FIXTURES / "minimal")
    # Without the PDF, whose size the home page gives and which any edit changes.
    assert run_generator("build", "--no-pdf", "--root", str(project), cwd=project).code == 0
    generated = [p for folder in ("articles", "actors", "events", "claims", "places",
                                  "timeline", "tags", ".generated")
                 for p in (project / "docs" / folder).rglob("*.md")]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in generated}
    actor = project / "sources" / "actors" / "ferry-union.yml"
    actor.write_text(actor.read_text() + "role: Trade union\n", encoding="utf-8")
    assert run_generator("build", "--no-pdf", "--root", str(project), cwd=project).code == 0
    changed = sorted(p.relative_to(project / "docs").as_posix() for p in generated
                     if (p.read_bytes(), p.stat().st_mtime_ns) != before[p])
    assert changed == ["actors/ferry-union.md", "actors/index.md"]


def test_the_indonesian_preview_mirrors_its_edition_and_rewrites_only_what_changed(tmp_path):
    from generator.build.serve import Preview, regenerate
    from generator.build.site import Project
    from .conftest import make_project
    project = Project.at(make_project(tmp_path, FIXTURES / "minimal"))
    cache: dict = {}
    assert regenerate(project, cache)
    preview = Preview.of(project, "id", "127.0.0.1:8000")
    assert preview.refresh(project.docs) > 10
    mirrored = preview.cwd / "docs"
    assert (mirrored / "index.md").read_bytes() == (project.docs / "id" / "index.md").read_bytes()
    assert not (mirrored / "id").exists()
    settings = json.loads(preview.config.read_text(encoding="utf-8"))
    # The styles come with the theme, not with the docs tree.
    assert "stylesheets/extra.css" in settings["extra_css"]
    assert settings["theme"]["language"] == "id"
    assert settings["site_url"] == "http://127.0.0.1:8000/id/"
    assert preview.refresh(project.docs) == 0
    actor = project.sources / "actors" / "ferry-union.yml"
    actor.write_text(actor.read_text() + "translations:\n  id:\n    summary: Serikat awak kapal.\n",
                     encoding="utf-8")
    assert regenerate(project, cache)
    assert 1 <= preview.refresh(project.docs) <= 5
    assert "Serikat awak kapal." in (mirrored / "actors" / "ferry-union.md").read_text("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_an_edition_previews_it_under_its_own_address(tmp_path):
    from .conftest import ROOT, make_project
    project = make_project(tmp_path, FIXTURES / "minimal")
    addr = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--edition", "id",
                               "--addr", addr], cwd=project, env={
                                   "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline, html = time.monotonic() + 90, None
        while html is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://{addr}/id/", timeout=5) as response:
                    html = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert html is not None, "the preview never answered"
        assert '<html lang="id"' in html and 'placeholder="Cari"' in html
    finally:
        # The preview stops its MkDocs server on Ctrl-C; the group is ended in any case.
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        finally:
            with contextlib.suppress(ProcessLookupError):  # already ended, as it should
                os.killpg(server.pid, signal.SIGTERM)
