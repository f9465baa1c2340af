"""Lighthouse's four scores for every kind of page of a built site, in every edition.

``python -m tests.lighthouse [SITE]`` (``make lighthouse``) serves the built site gzip-
compressed on 127.0.0.1, as GitHub Pages serves it, runs the pinned Lighthouse
(tests/node/package.json) with this machine's Chromium under its default mobile
throttling, prints a table and exits 1 when any score is under ``MINIMUM``. Build the
site with ``SITE_URL`` set first: a published page's links are absolute.

The CPU slowdown is calibrated to this machine's measured speed as Lighthouse's docs
advise (``slowdown``); ``--no-calibrate`` keeps Lighthouse's 4×, meant for a high-end
desktop. ``--only timeline,actor`` limits the page kinds; ``--json FILE`` keeps the scores,
``--keep FOLDER`` every page's whole report.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.testing.browser_path import browser_path
from .gzip_server import serve_gzip

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "node"
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 95

SECTIONS = ("articles", "actors", "events", "claims", "places", "tags")
"""The folders of the entity pages; each has an index page and one page per entity."""


def page_kinds(edition: Path) -> dict[str, str]:
    """Every kind of page of the edition built in ``edition``, by kind: its path.

    An entity kind is represented by its heaviest page (the most markup), where the
    drawings and tables are largest; a kind the dossier has none of is left out."""
    kinds = {"home": ""}
    for name in ("timeline", "network", "about", "data"):
        if (edition / name / "index.html").is_file():
            kinds[name] = f"{name}/"
    for section in SECTIONS:
        folder = edition / section
        if not (folder / "index.html").is_file():
            continue
        kinds[f"{section} index"] = f"{section}/"
        pages = sorted(folder.glob("*/index.html"), key=lambda p: (-p.stat().st_size, p))
        if pages:
            kinds[section.rstrip("s")] = f"{section}/{pages[0].parent.name}/"
    return kinds


def editions(site: Path) -> dict[str, Path]:
    """The site's editions by folder ('' for the root one): each has its own sitemap
    and search index, and its own pages of every kind."""
    found = {"": site}
    for child in sorted(site.iterdir()):
        if child.is_dir() and (child / "pagefind").is_dir() and (child / "index.html").is_file():
            found[child.name + "/"] = child
    return found


CALIBRATED_FOR = 1750
"""The benchmark index of the machine Lighthouse's default CPU slowdown (4×) is set for:
a high-end desktop, 1500–2000 (Lighthouse's docs/throttling.md). Lighthouse measures the
index on every run and says to scale the slowdown on a slower machine, or a busy one."""
DEFAULT_SLOWDOWN = 4.0


def slowdown(benchmark_index: float | None) -> float:
    """The CPU slowdown that makes this machine the mid-tier phone Lighthouse means:
    4× on the machine it is calibrated for, less on a slower one, never under 1×."""
    if not benchmark_index:
        return DEFAULT_SLOWDOWN
    return round(min(DEFAULT_SLOWDOWN, max(1.0, DEFAULT_SLOWDOWN * benchmark_index
                                           / CALIBRATED_FOR)), 2)


def audit(url: str, chrome: str, out: Path, cpu: float = DEFAULT_SLOWDOWN,
          categories: tuple[str, ...] = CATEGORIES) -> dict[str, int]:
    """Lighthouse's scores (0–100) of ``url`` by category, with a CPU slowdown of ``cpu``."""
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
               f"--output-path={out}", "--only-categories=" + ",".join(categories),
               f"--throttling.cpuSlowdownMultiplier={cpu:g}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    result = subprocess.run(command, capture_output=True, text=True,
                            env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in categories}


def benchmark_index(out: Path) -> float | None:
    """How fast this machine ran Lighthouse's CPU benchmark during the last audit."""
    return json.loads(out.read_text(encoding="utf-8"))["environment"].get("benchmarkIndex")


def failing_audits(out: Path) -> list[str]:
    """The audits that cost points in the last report, with their titles."""
    report = json.loads(out.read_text(encoding="utf-8"))
    failed = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 0.9:
                failed.append(f"{name}: {ref['id']} ({result.get('displayValue', '')})")
    return failed


def run(site: Path, only: set[str] | None = None, verbose: bool = False,
        keep: Path | None = None, calibrate: bool = True,
        folders: tuple[str, ...] | None = None) -> dict[str, dict[str, int]]:
    """Scores by page ('id/timeline/ (timeline)') and category, and the CPU slowdown
    each page was audited with (``cpu``).

    With ``calibrate``, a first audit of the home page measures the machine, and each
    page is audited with the slowdown that the last measurement calls for (the machine
    is shared: its speed changes from one minute to the next). ``folders`` limits the
    editions ('' is the root one)."""
    chrome = browser_path()
    if chrome is None:
        raise RuntimeError("no Chromium found: run `make browser` or set CHROMIUM")
    if not LIGHTHOUSE.is_file():
        raise RuntimeError("Lighthouse is not installed: run `make node-tools`")
    scores: dict[str, dict[str, int]] = {}
    with serve_gzip(site) as base, tempfile.TemporaryDirectory() as tmp:
        cpu = DEFAULT_SLOWDOWN
        if calibrate:
            probe = Path(tmp) / "probe.json"
            audit(base, chrome, probe, categories=("performance",))
            cpu = slowdown(benchmark_index(probe))
        for folder, edition in editions(site).items():
            if folders is not None and folder not in folders:
                continue
            for kind, path in page_kinds(edition).items():
                if only and kind not in only:
                    continue
                out = Path(tmp) / "report.json"
                key = f"{folder}{path} ({kind})"
                scores[key] = {**audit(base + folder + path, chrome, out, cpu), "cpu": cpu}
                if calibrate:
                    cpu = slowdown(benchmark_index(out))
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                    name = (folder + path).strip("/").replace("/", "_") or "home"
                    (keep / f"{name}.json").write_bytes(out.read_bytes())
                if verbose:
                    print(key, scores[key], *failing_audits(out), sep="\n  ", flush=True)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--only", help="page kinds, comma-separated (home, timeline, actor…)")
    parser.add_argument("--json", help="write the scores to this file")
    parser.add_argument("--keep", help="keep each page's whole report in this folder")
    parser.add_argument("--no-calibrate", action="store_true",
                        help="Lighthouse's default 4x CPU slowdown, whatever this machine's speed")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    scores = run(Path(args.site), only, verbose=True,
                 keep=Path(args.keep) if args.keep else None, calibrate=not args.no_calibrate)
    width = max(len(key) for key in scores)
    print("\n" + "page".ljust(width), *(c[:13].rjust(14) for c in CATEGORIES), "cpu".rjust(6))
    for key, row in scores.items():
        print(key.ljust(width), *(str(row[c]).rjust(14) for c in CATEGORIES),
              f"{row['cpu']:g}x".rjust(6))
    if args.json:
        Path(args.json).write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    low = [(key, c, row[c]) for key, row in scores.items() for c in CATEGORIES
           if row[c] < MINIMUM]
    for key, category, score in low:
        print(f"under {MINIMUM}: {key} {category} {score}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
