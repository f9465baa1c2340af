"""The live preview re-reads only what changed."""

from __future__ import annotations

import shutil

from generator import load as load_module
from generator.diagnostics import Report
from generator.pipeline import check

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
    assert run_generator("build", "--root", str(project), cwd=project).code == 0
    generated = [p for folder in ("articles", "actors", "events", "claims", "places",
                                  "timeline", "tags", ".generated")
                 for p in (project / "docs" / folder).rglob("*.md")]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in generated}
    actor = project / "sources" / "actors" / "ferry-union.yml"
    actor.write_text(actor.read_text() + "role: Trade union\n", encoding="utf-8")
    assert run_generator("build", "--root", str(project), cwd=project).code == 0
    changed = sorted(p.relative_to(project / "docs").as_posix() for p in generated
                     if (p.read_bytes(), p.stat().st_mtime_ns) != before[p])
    assert changed == ["actors/ferry-union.md", "actors/index.md"]
