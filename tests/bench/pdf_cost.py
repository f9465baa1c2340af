"""What the dossier's PDF costs: each document of one edition made in a process of its own.

    python -m tests.bench.pdf_cost PROJECT LANGUAGE            # one JSON line per part
    python -m tests.bench.pdf_cost PROJECT LANGUAGE --part N   # make part N, print its figures

The first form lists the parts (``generator.outputs.pdf.split``) and runs the second for
each, so that every part's wall time, CPU time and peak memory are its own (``os.wait4``);
no cache is used. Figures per part: pages, bytes, the printable page's bytes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _dossier(project: Path):
    from generator import settings
    from generator.build.configuration import load_settings
    from generator.build.pipeline import check
    from generator.dossier.diagnostics import Report
    settings._active.append(load_settings(project / "mkdocs.yml"))
    report = Report()
    dossier = check(project / "sources", report)
    if dossier is None:
        raise SystemExit("\n".join(item.format() for item in report.sorted()))
    return dossier


def make_part(project: Path, language: str, index: int) -> dict:
    from pypdf import PdfReader
    from generator.outputs import Publication, pdf
    from generator.text.i18n import edition
    d = _dossier(project)
    with edition(language):
        parts = pdf.split(d)
        part = parts[index]
        started = time.process_time()
        html = pdf.printable(d, Publication.from_environment(config=project / "mkdocs.yml"),
                             part, parts)
        html_cpu = time.process_time() - started
        data = pdf.to_pdf(html, pdf.document_time(d))
    return {"part": part.pdf, "articles": len(part.articles), "events": len(part.events),
            "html_bytes": len(html.encode()), "html_cpu_s": round(html_cpu, 2),
            "pdf_bytes": len(data), "pages": len(PdfReader(io.BytesIO(data)).pages)}


def parts(project: Path, language: str) -> int:
    from generator.outputs import pdf
    from generator.text.i18n import edition
    d = _dossier(project)
    with edition(language):
        return len(pdf.split(d))


def measure(project: Path, language: str, log=None):
    """Each part's figures, one dict a part, with ``seconds``, ``cpu_s`` and ``peak_mb``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    count = json.loads(subprocess.run(
        [sys.executable, "-m", "tests.bench.pdf_cost", str(project), language, "--count"],
        env=env, capture_output=True, text=True, check=True).stdout)
    for index in range(count):
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.pdf_cost", str(project), language,
             "--part", str(index)], env=env, stdout=subprocess.PIPE)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"part {index} of {language} failed")
        figures = json.loads(output)
        figures.update(seconds=round(time.perf_counter() - started, 1),
                       cpu_s=round(usage.ru_utime + usage.ru_stime, 1),
                       peak_mb=round(usage.ru_maxrss / 1024))
        if log:
            log(f"  pdf {language} {figures}")
        yield figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.pdf_cost")
    parser.add_argument("project", type=Path)
    parser.add_argument("language")
    parser.add_argument("--part", type=int)
    parser.add_argument("--count", action="store_true")
    args = parser.parse_args(argv)
    if args.count:
        print(parts(args.project, args.language))
    elif args.part is not None:
        print(json.dumps(make_part(args.project, args.language, args.part)))
    else:
        for figures in measure(args.project, args.language):
            print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
