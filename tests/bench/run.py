"""Scale benchmark: build synthetic dossiers with the real pipeline and measure them.

    python -m tests.bench.run [--sizes 100,1000,5000] [--keep DIR] [--json FILE]

For each size: write a synthetic corpus (tests/bench/synth.py) into a fresh project
with the real mkdocs.yml and hand-written docs, then time ``python -m generator build
--strict`` and ``mkdocs build --strict`` each in its own process (wall time and peak
RSS from ``os.wait4``), measure the built site, time the first search result in
headless Chromium, and time regeneration after editing one actor file. Prints one
Markdown table and the figures the scale targets are stated in.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.render import OWNED

from .synth import SEARCH_WORD, write_corpus

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TARGETS = {"generation_s": 10.0, "generation_share": 0.10, "linear_ratio": 5.5,
           "largest_page_kb": 200.0, "index_b_per_article": 1536.0, "first_result_ms": 1000.0}


class BenchError(RuntimeError):
    """A step of the benchmark failed; the message carries its output."""


@dataclass
class Step:
    seconds: float
    cpu_s: float
    """User plus system time: steadier than wall time when others share the machine."""
    peak_mb: float
    output: str


@dataclass
class Result:
    articles: int
    files: dict[str, int] = field(default_factory=dict)
    generate_s: float = 0.0
    generate_cpu_s: float = 0.0
    generate_peak_mb: float = 0.0
    mkdocs_s: float = 0.0
    mkdocs_cpu_s: float = 0.0
    mkdocs_peak_mb: float = 0.0
    mkdocs_warnings: int = 0
    pages: int = 0
    html_mb: float = 0.0
    largest: list[tuple[str, float]] = field(default_factory=list)
    """The biggest HTML files, (path under site/, KB), biggest first."""
    search_index_kb: float = 0.0
    search_kb_by_folder: dict[str, float] = field(default_factory=dict)
    """Search index bytes by the first folder of each entry's location."""
    search_ms_after_load: float | None = None
    search_ms_from_typing: float | None = None
    search_results: int | None = None
    search_index_loaded_ms: float | None = None
    """When the page had downloaded search_index.json, in ms after the load event;
    the rest of the wait is parsing it and building the index in the worker."""
    regen_s: float | None = None
    regen_cpu_s: float | None = None
    regen_rewritten: int | None = None
    regen_bytes_changed: int | None = None
    regen_generated: int | None = None
    mkdocs_phases: str | None = None
    """Seconds per MkDocs build phase, from a second, instrumented build."""

    @property
    def total_s(self) -> float:
        return self.generate_s + self.mkdocs_s

    @property
    def peak_mb(self) -> float:
        return max(self.generate_peak_mb, self.mkdocs_peak_mb)

    @property
    def index_b_per_article(self) -> float:
        return self.search_index_kb * 1024 / self.articles


# --- Steps ---------------------------------------------------------------------------------

def run_step(command: list[str], cwd: Path) -> Step:
    """Run ``command`` in its own process: its wall time, CPU time, peak RSS and output."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        # wait4 rather than Popen.wait: it also returns the child's own peak RSS,
        # which getrusage(RUSAGE_CHILDREN) would mix with earlier children. If the child
        # runs workers, the figure is the largest single process, not their sum.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        # MkDocs prints its warnings long before the banner and summary that end its output.
        problems = [line for line in text.splitlines() if line.startswith(("WARNING", "ERROR"))]
        detail = "\n".join(problems[:20] + ["", text[-2000:]]) if problems else text[-4000:]
        raise BenchError(f"{' '.join(command)} failed ({process.returncode}):\n{detail}")
    return Step(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def generate(project: Path) -> Step:
    return run_step([sys.executable, "-m", "generator", "build", "--strict",
                     "--root", str(project)], cwd=project)


def mkdocs_build(project: Path, strict: bool = True) -> Step:
    return run_step([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                     "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")], cwd=project)


def mkdocs_phases(project: Path, strict: bool = True) -> str:
    """A second MkDocs build with timers on its phases (tests/bench/mkdocs_phases.py)."""
    site = project / ".site-phases"
    step = run_step([sys.executable, "-m", "tests.bench.mkdocs_phases", "build",
                     *(["--strict"] if strict else []),
                     "-f", str(project / "mkdocs.yml"), "-d", str(site)], cwd=project)
    shutil.rmtree(site, ignore_errors=True)
    return step.output[step.output.index("phase "):].rstrip()


def make_project(project: Path, articles: int) -> dict[str, int]:
    """The real mkdocs.yml and hand-written docs, with a synthetic corpus as sources."""
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs",
                    ignore=shutil.ignore_patterns(*OWNED))
    return write_corpus(project / "sources", articles)


def measure_site(site: Path, result: Result, top: int = 5) -> None:
    sizes = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    result.pages = sum(1 for path, _ in sizes if path.endswith("index.html"))
    result.html_mb = sum(n for _, n in sizes) / 1024 ** 2
    result.largest = [(path, n / 1024) for path, n in sorted(sizes, key=lambda x: -x[1])[:top]]
    index = site / "search" / "search_index.json"
    if index.is_file():
        result.search_index_kb = index.stat().st_size / 1024
        by_folder: dict[str, float] = {}
        for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            folder = entry["location"].split("/")[0] if "/" in entry["location"] else "(home)"
            size = len(json.dumps(entry, ensure_ascii=False).encode("utf-8")) / 1024
            by_folder[folder] = by_folder.get(folder, 0.0) + size
        result.search_kb_by_folder = dict(sorted(by_folder.items(), key=lambda x: -x[1]))


def snapshot(docs: Path) -> dict[str, tuple[int, str]]:
    """Generated file -> (mtime in ns, digest of its bytes)."""
    found = {}
    for folder in OWNED:
        for path in (docs / folder).rglob("*"):
            if path.is_file():
                found[path.relative_to(docs).as_posix()] = (
                    path.stat().st_mtime_ns, hashlib.sha1(path.read_bytes()).hexdigest())
    return found


def edit_one_actor(sources: Path) -> Path:
    """Change the summary of one actor file, as a contributor's small fix would."""
    path = sorted((sources / "actors").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    marker = "summary: |\n"
    if marker not in text:
        raise BenchError(f"{path} has no block summary to edit")
    path.write_text(text.replace(marker, marker + "  Corrected after a reader's note.\n", 1),
                    encoding="utf-8")
    return path


def regenerate_one(project: Path, result: Result) -> None:
    docs = project / "docs"
    before = snapshot(docs)
    edit_one_actor(project / "sources")
    step = generate(project)
    after = snapshot(docs)
    result.regen_s, result.regen_cpu_s = step.seconds, step.cpu_s
    result.regen_generated = len(after)
    result.regen_rewritten = sum(1 for k, (mtime, _) in after.items()
                                 if k not in before or before[k][0] != mtime)
    result.regen_bytes_changed = sum(1 for k, (_, digest) in after.items()
                                     if k not in before or before[k][1] != digest)


# --- Search in a browser -------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path):
    """``site`` on an ephemeral port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Records, in the page's own clock, when the first result is inserted: polling from
# Python would add a round trip to every figure.
_WATCH_RESULTS = """
window.__firstResult = null;
new MutationObserver((_, observer) => {
  if (document.querySelector('.md-search-result__item')) {
    window.__firstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def search_timing(site: Path, query: str = SEARCH_WORD, runs: int = 3,
                  timeout_s: float = 120) -> tuple[float, float, int, float | None]:
    """Median ms from the load event, and from the first keystroke, to the first result;
    how many results were shown; median ms from the load event to the index download.

    Each run uses a fresh browser context, so nothing is cached between runs. The
    query is typed as soon as the load event has fired, as an impatient reader would.
    """
    from playwright.sync_api import sync_playwright
    from tests.browser_path import browser_path

    executable = browser_path() or "/usr/bin/chromium"
    after_load, from_typing, downloaded, found = [], [], [], 0
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(_WATCH_RESULTS)
                page.goto(url + "/", wait_until="load")
                # One round trip between the load event and the first keystroke: the
                # search box is in the header at this width, and focusing it opens search.
                loaded, typed = page.evaluate("""() => {
                  document.querySelector('input.md-search__input').focus();
                  return [performance.getEntriesByType('navigation')[0].loadEventEnd,
                          performance.now()];
                }""")
                page.keyboard.type(query)
                page.wait_for_selector(".md-search-result__item", state="attached",
                                       timeout=timeout_s * 1000)
                page.wait_for_function("window.__firstResult !== null")
                first = page.evaluate("window.__firstResult")
                found = page.locator(".md-search-result__item").count()
                fetched = page.evaluate("""() => {
                  const e = performance.getEntriesByType('resource')
                    .find(r => r.name.includes('search_index.json'));
                  return e ? e.responseEnd : null;
                }""")
                if fetched is not None:
                    downloaded.append(fetched - loaded)
                after_load.append(first - loaded)
                from_typing.append(first - typed)
                context.close()
        finally:
            browser.close()
    return (statistics.median(after_load), statistics.median(from_typing), found,
            statistics.median(downloaded) if downloaded else None)


# --- One size ------------------------------------------------------------------------------

def measure(articles: int, project: Path, browser: bool = True, search_runs: int = 3,
            regen: bool = True, phases: bool = False, strict: bool = True, log=print) -> Result:
    """Every figure for one corpus size, built in ``project`` (which must not exist)."""
    result = Result(articles)
    log(f"[{articles}] writing corpus to {project}")
    result.files = make_project(project, articles)
    log(f"[{articles}] generator build")
    step = generate(project)
    result.generate_s, result.generate_cpu_s, result.generate_peak_mb = \
        step.seconds, step.cpu_s, step.peak_mb
    log(f"[{articles}]   {step.seconds:.2f} s ({step.cpu_s:.2f} s CPU), {step.peak_mb:.0f} MB: "
        f"{step.output.strip()}")
    log(f"[{articles}] mkdocs build")
    step = mkdocs_build(project, strict)
    result.mkdocs_s, result.mkdocs_cpu_s, result.mkdocs_peak_mb = \
        step.seconds, step.cpu_s, step.peak_mb
    result.mkdocs_warnings = sum(1 for line in step.output.splitlines()
                                 if line.startswith("WARNING"))
    log(f"[{articles}]   {step.seconds:.2f} s ({step.cpu_s:.2f} s CPU), {step.peak_mb:.0f} MB")
    measure_site(project / "site", result)
    if phases:
        log(f"[{articles}] mkdocs build again, timing its phases")
        result.mkdocs_phases = mkdocs_phases(project, strict)
    if browser:
        log(f"[{articles}] search in Chromium")
        (result.search_ms_after_load, result.search_ms_from_typing, result.search_results,
         result.search_index_loaded_ms) = search_timing(project / "site", runs=search_runs)
    if regen:
        log(f"[{articles}] regeneration after editing one actor")
        regenerate_one(project, result)
    return result


# --- Report --------------------------------------------------------------------------------

def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def table(results: list[Result]) -> str:
    head = ("articles", "check+generate s", "mkdocs s", "total s", "peak MB", "pages", "HTML MB",
            "largest page KB (path)", "search index KB", "index B/article",
            "first result ms after load (from typing)", "regen one file s (files rewritten)")
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        path, kb = r.largest[0] if r.largest else ("—", 0.0)
        search = "—" if r.search_ms_after_load is None else \
            f"{_ms(r.search_ms_after_load)} ({_ms(r.search_ms_from_typing)})"
        regen = "—" if r.regen_s is None else f"{r.regen_s:.2f} ({r.regen_rewritten})"
        rows.append("| " + " | ".join((
            f"{r.articles:,}", f"{r.generate_s:.2f}", f"{r.mkdocs_s:.2f}", f"{r.total_s:.2f}",
            f"{r.peak_mb:.0f}", f"{r.pages:,}", f"{r.html_mb:.1f}", f"{kb:.0f} ({path})",
            f"{r.search_index_kb:,.0f}", f"{r.index_b_per_article:,.0f}", search, regen)) + " |")
    return "\n".join(rows)


def summary(results: list[Result]) -> str:
    lines = []
    by_size = {r.articles: r for r in results}
    for r in results:
        cpu_total = r.generate_cpu_s + r.mkdocs_cpu_s
        lines.append(f"{r.articles:,} articles: generation {r.generate_s / r.total_s:.1%} of total "
                     f"wall time, {r.generate_cpu_s / cpu_total:.1%} of CPU time; CPU s generate "
                     f"{r.generate_cpu_s:.2f}, mkdocs {r.mkdocs_cpu_s:.2f}; peak RSS generate "
                     f"{r.generate_peak_mb:.0f} MB, mkdocs {r.mkdocs_peak_mb:.0f} MB; files {r.files}")
        if r.mkdocs_warnings:
            lines.append(f"  MkDocs warned {r.mkdocs_warnings} time(s): the site would fail "
                         "`make site`; figures are from the non-strict build")
        lines.append("  largest pages: " + ", ".join(f"{p} {kb:.0f} KB" for p, kb in r.largest))
        if r.search_ms_after_load is not None:
            loaded = "" if r.search_index_loaded_ms is None else \
                f"; search_index.json downloaded {r.search_index_loaded_ms:.0f} ms after load"
            lines.append(f"  search: first of {r.search_results} results "
                         f"{r.search_ms_after_load:.0f} ms after load, "
                         f"{r.search_ms_from_typing:.0f} ms after the first keystroke{loaded}")
        if r.search_kb_by_folder:
            lines.append("  search index by folder: " + ", ".join(
                f"{k} {v:,.0f} KB" for k, v in list(r.search_kb_by_folder.items())[:6]))
        if r.regen_s is not None:
            lines.append(f"  regeneration: {r.regen_rewritten} of {r.regen_generated} generated "
                         f"files rewritten, {r.regen_bytes_changed} with changed bytes")
        if r.mkdocs_phases:
            lines.append("  mkdocs phases (second, instrumented build):")
            lines += [f"    {line}" for line in r.mkdocs_phases.splitlines()]
    if 1000 in by_size and 5000 in by_size:
        big, small = by_size[5000], by_size[1000]
        cpu_ratio = (big.generate_cpu_s + big.mkdocs_cpu_s) / (small.generate_cpu_s + small.mkdocs_cpu_s)
        lines.append(f"total(5,000) / total(1,000) = {big.total_s / small.total_s:.2f}x "
                     f"(generation {big.generate_s / small.generate_s:.2f}x, "
                     f"mkdocs {big.mkdocs_s / small.mkdocs_s:.2f}x; in CPU time {cpu_ratio:.2f}x)")
    sizes = sorted(by_size)
    for small, big in zip(sizes, sizes[1:]):
        if (small, big) != (1000, 5000):
            ratio = by_size[big].total_s / by_size[small].total_s
            lines.append(f"total({big:,}) / total({small:,}) = {ratio:.2f}x "
                         f"for {big / small:g}x the articles")
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    """The issue's targets, checked at the largest size measured."""
    r = max(results, key=lambda x: x.articles)
    by_size = {x.articles: x for x in results}
    checks = [
        (f"generation < {TARGETS['generation_s']:g} s", f"{r.generate_s:.2f} s",
         r.generate_s < TARGETS["generation_s"]),
        (f"generation < {TARGETS['generation_share']:.0%} of total",
         f"{r.generate_s / r.total_s:.1%}", r.generate_s / r.total_s < TARGETS["generation_share"]),
        (f"largest page < {TARGETS['largest_page_kb']:g} KB",
         f"{r.largest[0][1]:.0f} KB ({r.largest[0][0]})" if r.largest else "—",
         bool(r.largest) and r.largest[0][1] < TARGETS["largest_page_kb"]),
        (f"search index < {TARGETS['index_b_per_article']:g} B/article",
         f"{r.index_b_per_article:,.0f} B", r.index_b_per_article < TARGETS["index_b_per_article"]),
    ]
    if r.search_ms_after_load is not None:
        checks.append((f"first result < {TARGETS['first_result_ms']:g} ms after load",
                       f"{r.search_ms_after_load:.0f} ms",
                       r.search_ms_after_load < TARGETS["first_result_ms"]))
    if 1000 in by_size and 5000 in by_size:
        ratio = by_size[5000].total_s / by_size[1000].total_s
        checks.append((f"total(5,000)/total(1,000) <= {TARGETS['linear_ratio']:g}",
                       f"{ratio:.2f}", ratio <= TARGETS["linear_ratio"]))
    lines = [f"Targets at {r.articles:,} articles:"]
    lines += [f"  {'met ' if ok else 'MISS'}  {name}: {value}" for name, value, ok in checks]
    return "\n".join(lines)


def source_state() -> str:
    """Which generator was measured: the commit, and whether it had local changes."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""
    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"measured {ROOT} (not a git checkout)"
    changed = git("status", "--porcelain", "--", "generator", "mkdocs.yml", "docs")
    dirty = f", with uncommitted changes to {len(changed.splitlines())} file(s) " \
            "of generator/, mkdocs.yml or docs/" if changed else ""
    return f"measured {ROOT} at {commit}{dirty}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="comma-separated article counts (default: 100,1000,5000)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build in DIR/articles-N and keep it (default: a temporary folder)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing")
    parser.add_argument("--search-runs", type=int, default=3,
                        help="page loads per size; the median is reported (default: 3)")
    parser.add_argument("--allow-warnings", action="store_true",
                        help="build without --strict: measure a site that MkDocs warns about")
    parser.add_argument("--phases", action="store_true",
                        help="build each site a second time with timers on MkDocs' phases")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    log = functools.partial(print, file=sys.stderr, flush=True)
    if args.keep:
        taken = [args.keep / f"articles-{n}" for n in sizes if (args.keep / f"articles-{n}").exists()]
        if taken:
            log(f"{', '.join(map(str, taken))} exist(s): remove or choose another --keep folder")
            return 2
    state = source_state()
    log(state)
    results, failure = [], None
    for n in sizes:
        try:
            if args.keep:
                project = args.keep.resolve() / f"articles-{n}"
                results.append(measure(n, project, not args.no_browser, args.search_runs,
                                       phases=args.phases, strict=not args.allow_warnings,
                                       log=log))
            else:
                with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
                    results.append(measure(n, Path(tmp) / "project", not args.no_browser,
                                           args.search_runs, phases=args.phases,
                                           strict=not args.allow_warnings, log=log))
        except BenchError as exc:
            failure = f"{n:,} articles: {exc}"
            log(failure)
            break
    if not results:
        return 1
    print(state)
    print()
    print(table(results))
    print()
    print(summary(results))
    print()
    print(targets(results))
    if failure:
        print(f"\nstopped: {failure.splitlines()[0]} (output above)")
    if args.json:
        figures = [dict(asdict(r), total_s=r.total_s, peak_mb=r.peak_mb) for r in results]
        args.json.write_text(json.dumps(dict(source=state, results=figures), indent=2) + "\n")
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
