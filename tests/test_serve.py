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
