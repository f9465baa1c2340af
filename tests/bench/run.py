"""Scale benchmark: build synthetic dossiers with the real pipeline and measure them.

    python -m tests.bench.run [--sizes 100,1000,5000] [--engines mkdocs,zensical]
                              [--keep DIR] [--json FILE] [--pdf | --pdf-only]

For each size: write a synthetic corpus (tests/bench/synth.py) into a fresh project
with the real mkdocs.yml and hand-written docs, then time ``python -m generator build
--strict`` and, for each engine (MkDocs, Zensical), its strict build (with MkDocs, one per
edition) and the Pagefind
indexing that ``python -m generator site`` runs on the built site, each in its own
process (wall time and peak RSS from ``os.wait4``); measure each built site and its
Pagefind bundle, time the first search result in headless Chromium and count the bytes
it downloads for it, compare the two builds' pages (tests/parity.py), and time
regeneration after editing one actor file. Prints one Markdown table, a row per size
and engine, and the figures the scale targets are stated in.

The dossier's PDF is left out of that build (``--no-pdf``) and measured on its own
(tests/bench/pdf_cost.py), on request: ``--pdf`` after the builds, ``--pdf-only``
instead of them (``make bench-pdf``). Each document of each edition (``--pdf-editions``)
is made in a process of its own, with its wall and CPU time, peak memory, pages and
bytes, and the sums per edition. It is not measured by default because at 5,000
articles it takes over an hour of processor time, several times the rest of the run.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
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

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.languages import EDITIONS, prefix
from generator.build.configuration import load_settings
from generator.settings import use
from generator.pages.render import owned
from generator.build.site import (ENGINES, SEARCH_GLOB, THEME, engine_command, place_output,
                            prepare_editions)

from ..browser import QuietHandler, chromium
from ..browser import serve as browser_serve
from ..parity import differences
from .synth import SEARCH_WORD, write_corpus

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"generation_s": 10.0, "generation_share": 0.10, "linear_ratio": 5.5,
           "largest_page_kb": 200.0, "download_b_per_article": 1536.0, "first_result_ms": 1000.0}


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
    engine: str = ENGINES[0]
    """What built the HTML; generation and regeneration do not depend on it."""
    files: dict[str, int] = field(default_factory=dict)
    generate_s: float = 0.0
    generate_cpu_s: float = 0.0
    generate_peak_mb: float = 0.0
    build_s: float = 0.0
    """The engine's strict build, from Markdown to HTML."""
    build_cpu_s: float = 0.0
    build_peak_mb: float = 0.0
    build_warnings: int = 0
    search_index_s: float = 0.0
    search_index_cpu_s: float = 0.0
    search_index_peak_mb: float = 0.0
    pages: int = 0
    html_mb: float = 0.0
    largest: list[tuple[str, float]] = field(default_factory=list)
    """The biggest HTML files, (path under site/, KB), biggest first."""
    pagefind_kb: float = 0.0
    pagefind_files: int = 0
    pagefind_kb_by_part: dict[str, float] = field(default_factory=dict)
    theme_index_kb: float = 0.0
    """The theme's own search index (Material's search/search_index.json, Zensical's
    search.json): every page is excluded, so it should stay tiny."""
    search_ms_after_load: float | None = None
    search_ms_from_typing: float | None = None
    search_results: int | None = None
    search_download_b: int | None = None
    """Response body bytes served between the load event and the first result."""
    search_requests: int | None = None
    search_download_by_part: dict[str, int] = field(default_factory=dict)
    facet_ms: float | None = None
    """From choosing the "claim" facet to its results, after a first search."""
    facet_results: int | None = None
    facet_download_b: int | None = None
    """Response body bytes served for the facet's search."""
    regen_s: float | None = None
    regen_cpu_s: float | None = None
    regen_rewritten: int | None = None
    regen_bytes_changed: int | None = None
    regen_generated: int | None = None
    mkdocs_phases: str | None = None
    """Seconds per MkDocs build phase, from a second, instrumented build."""
    parity: list[str] | None = None
    """How this build differs from the first engine's (tests/parity.py), on a sample."""

    @property
    def total_s(self) -> float:
        return self.generate_s + self.build_s + self.search_index_s

    @property
    def total_cpu_s(self) -> float:
        return self.generate_cpu_s + self.build_cpu_s + self.search_index_cpu_s

    @property
    def peak_mb(self) -> float:
        return max(self.generate_peak_mb, self.build_peak_mb, self.search_index_peak_mb)

    @property
    def pagefind_kb_per_article(self) -> float:
        return self.pagefind_kb / self.articles

    @property
    def download_b_per_article(self) -> float | None:
        return None if self.search_download_b is None else self.search_download_b / self.articles


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
    # Without the PDF, measured on its own (pdf_costs): the targets are about the pages.
    return run_step([sys.executable, "-m", "generator", "build", "--strict", "--no-pdf",
                     "--root", str(project)], cwd=project)


def pdf_costs(articles: int, project: Path, languages: tuple[str, ...], log) -> list[str]:
    """The PDF's figures for one corpus in ``project`` (made if missing), as report lines."""
    from .pdf_cost import measure as measure_parts
    if not project.exists():
        make_project(project, articles)
    lines = []
    for language in languages:
        figures = list(measure_parts(project, language, log))
        biggest = max(figures, key=lambda f: f["peak_mb"])
        lines.append(
            f"{articles:,} articles, PDF ({language}): {len(figures)} document(s), "
            f"{sum(f['pages'] for f in figures):,} pages, "
            f"{sum(f['pdf_bytes'] for f in figures) / 1e6:.1f} MB; "
            f"{sum(f['cpu_s'] for f in figures):.0f} s CPU "
            f"({sum(f['seconds'] for f in figures):.0f} s wall, one at a time); "
            f"largest peak {biggest['peak_mb']} MB ({biggest['part']}, {biggest['pages']} pages); "
            f"per document: " + ", ".join(
                f"{f['part']} {f['pages']} p {f['cpu_s']:.0f} s {f['peak_mb']} MB" for f in figures))
    return lines


def engine_build(engine: str, project: Path, strict: bool = True) -> Step:
    """The builds ``python -m generator site`` runs, one per edition, into
    ``project/site`` (time and CPU summed, the largest peak). Zensical's run on a copy
    of docs/, whose links generator/zensical.py adapts in place."""
    stage = project
    if engine == "zensical":
        stage = project / ".stage-zensical"
        shutil.rmtree(stage, ignore_errors=True)
        shutil.copytree(project / "docs", stage / "docs")
    steps = []
    for build in prepare_editions(stage, project / "mkdocs.yml", engine):
        command = engine_command(engine, build.config, build.site)
        steps.append(run_step([a for a in command if strict or a != "--strict"], cwd=build.cwd))
        place_output(engine, build.config, build.site)
    if stage != project:
        shutil.rmtree(project / "site", ignore_errors=True)
        (stage / "site").rename(project / "site")
        shutil.rmtree(stage)
    return _together(steps)


def _together(steps: list[Step]) -> Step:
    return Step(sum(s.seconds for s in steps), sum(s.cpu_s for s in steps),
                max(s.peak_mb for s in steps), "\n".join(s.output for s in steps))


def search_index_command(site: Path) -> list[str]:
    """The command generator.build.site.index_search runs (tests/test_bench_smoke.py checks)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet",
            "--root-selector", "article.md-content__inner",
            "--exclude-selectors", ".headerlink", "--glob", SEARCH_GLOB]


def index_search(project: Path) -> Step:
    # generator.build.site.index_search runs Pagefind from the calling process; run_step gives
    # it a child of its own, whose time, CPU and peak RSS wait4 reports apart from ours.
    # Each edition has its own index, in its language.
    return _together([run_step(search_index_command(project / "site" / prefix(language)),
                               cwd=project) for language in EDITIONS
                      if (project / "site" / prefix(language) / "index.html").is_file()])


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
                    ignore=shutil.ignore_patterns(*owned()))
    shutil.copytree(ROOT / THEME, project / THEME)
    return write_corpus(project / "sources", articles)


def search_part(path: str) -> str:
    """What a file of the site is to search: the groups the figures are broken down by."""
    path = path.lstrip("/")
    if not path.startswith("pagefind/"):
        material = path.startswith(("search/", "assets/javascripts/workers/"))
        return "Material search" if material else "other"
    if path.startswith("pagefind/index/"):
        return "index chunks"
    if path.startswith("pagefind/fragment/"):
        return "fragments"
    if "-ui." in path or "highlight" in path:
        return "UI kit (unused)"
    # pf_meta lists every page, so unlike the runtime it grows with the corpus.
    if path.endswith((".json", ".pf_meta")):
        return "index metadata"
    return "runtime"


def measure_site(site: Path, result: Result, top: int = 5) -> None:
    sizes = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    result.pages = sum(1 for path, _ in sizes if path.endswith("index.html"))
    result.html_mb = sum(n for _, n in sizes) / 1024 ** 2
    result.largest = [(path, n / 1024) for path, n in sorted(sizes, key=lambda x: -x[1])[:top]]
    by_part: dict[str, float] = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            part = search_part(path.relative_to(site).as_posix())
            by_part[part] = by_part.get(part, 0.0) + path.stat().st_size / 1024
            result.pagefind_files += 1
    result.pagefind_kb = sum(by_part.values())
    result.pagefind_kb_by_part = dict(sorted(by_part.items(), key=lambda x: -x[1]))
    for index in (site / "search" / "search_index.json", site / "search.json"):
        if index.is_file():
            result.theme_index_kb = index.stat().st_size / 1024


def snapshot(docs: Path) -> dict[str, tuple[int, str]]:
    """Generated file -> (mtime in ns, digest of its bytes)."""
    found = {}
    for folder in owned():
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

@dataclass
class Served:
    received: float
    """time.monotonic() when the request arrived."""
    path: str
    body_bytes: int


class ServedLog:
    """Every response body the server sent. Counted here, in the server, because it sees
    the requests of Pagefind's web worker as well as the page's, and the bytes sent."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: list[Served] = []

    def add(self, entry: Served) -> None:
        with self._lock:
            self._entries.append(entry)

    def between(self, start: float, end: float) -> list[Served]:
        with self._lock:
            return [e for e in self._entries if start <= e.received <= end]


class _CountingHandler(QuietHandler):
    served: ServedLog

    def do_GET(self):
        received, self._body_bytes = time.monotonic(), 0
        try:
            super().do_GET()
        finally:
            self.served.add(Served(received, self.path.split("?")[0], self._body_bytes))

    def copyfile(self, source, outputfile):
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            self._body_bytes += len(chunk)


@contextmanager
def serve(site: Path):
    """``site`` on an ephemeral port of 127.0.0.1; yields its base URL and the log of
    what it served."""
    log = ServedLog()
    with browser_serve(site, type("Handler", (_CountingHandler,), {"served": log})) as url:
        yield url, log


# Records, in the page's own clock, when the first result is inserted: polling from
# Python would add a round trip to every figure.
# Zensical's results are in its dialog's shadow root, watched as soon as it appears.
_WATCH_RESULTS = """
window.__firstResult = null;
const watched = new WeakSet();
const watch = root => {
  watched.add(root);
  new MutationObserver((_, observer) => {
    if (window.__firstResult !== null) return observer.disconnect();
    for (const host of document.body ? document.body.children : []) {
      if (host.shadowRoot && !watched.has(host.shadowRoot)) watch(host.shadowRoot);
    }
    if (root.querySelector('.md-search-result__item')) {
      window.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(root, {childList: true, subtree: true});
};
watch(document);
"""

# Choose a facet in the results (javascripts/search.js), in Material's box or in
# Zensical's dialog, and note when; the answer is in when every result is of that kind.
_CHOOSE_FACET = """kind => {
  const roots = [document, ...[...document.body.children].filter(e => e.shadowRoot)
                                                         .map(e => e.shadowRoot)];
  const select = roots.map(r => r.querySelector('select[data-facet=kind]')).find(Boolean);
  if (!select || ![...select.options].some(o => o.value === kind)) return null;
  select.value = kind;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  return performance.now();
}"""
_FACET_SHOWN = """folder => {
  const roots = [document, ...[...document.body.children].filter(e => e.shadowRoot)
                                                         .map(e => e.shadowRoot)];
  const links = roots.flatMap(r => [...r.querySelectorAll('.md-search-result__item > a')]);
  return links.length > 0 && links.every(a => new URL(a.href).pathname.includes(folder))
    ? performance.now() : null;
}"""
FACET = ("claim", "/claims/")
"""The facet the benchmark chooses, and the folder of the pages it leaves."""

# One round trip between the load event and the first keystroke. Material's box is in
# the header at this width, and focusing it opens search; Zensical's button opens a
# dialog whose input takes the focus.
_OPEN_SEARCH = """() => {
  const box = document.querySelector('input.md-search__input');
  if (box) box.focus(); else document.querySelector('.md-search__button').click();
  const icon = document.querySelector('link[rel~=icon]');
  return [performance.getEntriesByType('navigation')[0].loadEventEnd,
          performance.now(), icon ? new URL(icon.href).pathname : null];
}"""


@dataclass
class SearchRun:
    after_load_ms: float
    from_typing_ms: float
    results: int
    downloaded: list[Served]
    facet_ms: float | None = None
    facet_results: int | None = None
    facet_downloaded: list[Served] = field(default_factory=list)

    @property
    def download_bytes(self) -> int:
        return sum(e.body_bytes for e in self.downloaded)


def search_timing(site: Path, query: str = SEARCH_WORD, runs: int = 3,
                  timeout_s: float = 60) -> list[SearchRun]:
    """Load the home page and search for ``query``, ``runs`` times.

    Each run uses a fresh browser context, so nothing is cached between runs. The
    query is typed as soon as the load event has fired, as an impatient reader would;
    focusing the box is what makes the page start loading Pagefind.
    """
    done = []
    with serve(site) as (url, served), chromium() as browser:
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.add_init_script(_WATCH_RESULTS)
            page.goto(url + "/", wait_until="load")
            # Nothing on the page asks for search files until the box is focused or
            # hovered, so a request that arrives after this is one the search made.
            after_load = time.monotonic()
            loaded, typed, icon = page.evaluate(_OPEN_SEARCH)
            page.keyboard.type(query)
            try:
                page.locator(".md-search-result__item").first.wait_for(
                    state="attached", timeout=timeout_s * 1000)
            except PlaywrightTimeout:
                # A search with no answer in time is a finding, not a reason to lose the
                # figures of every size and engine measured so far: the run is left out.
                context.close()
                continue
            page.wait_for_function("window.__firstResult !== null")
            shown = time.monotonic()
            first = page.evaluate("window.__firstResult")
            # Chromium fetches the page's icon after the load event, search or not.
            downloaded = [e for e in served.between(after_load, shown) if e.path != icon]
            run = SearchRun(first - loaded, first - typed,
                            page.locator(".md-search-result__item").count(), downloaded)
            facet_search(page, served, run, timeout_s)
            done.append(run)
            context.close()
    return done


def facet_search(page, served: ServedLog, run: SearchRun, timeout_s: float) -> None:
    """Once the first results are in, choose the FACET and time its results."""
    page.wait_for_timeout(300)  # the facets' counts follow the results
    started = time.monotonic()
    chosen = page.evaluate(_CHOOSE_FACET, FACET[0])
    if chosen is None:
        return
    try:
        handle = page.wait_for_function(_FACET_SHOWN, arg=FACET[1], timeout=timeout_s * 1000)
    except PlaywrightTimeout:
        return
    shown = handle.json_value()
    run.facet_ms = shown - chosen
    run.facet_results = page.locator(".md-search-result__item").count()
    run.facet_downloaded = served.between(started, time.monotonic())


def record_search(runs: list[SearchRun], result: Result) -> None:
    """Medians over the runs; the breakdown is that of the run with the median download."""
    result.search_ms_after_load = statistics.median(r.after_load_ms for r in runs)
    result.search_ms_from_typing = statistics.median(r.from_typing_ms for r in runs)
    result.search_results = runs[-1].results
    middle = sorted(runs, key=lambda r: r.download_bytes)[len(runs) // 2]
    result.search_download_b = middle.download_bytes
    result.search_requests = len(middle.downloaded)
    by_part: dict[str, int] = {}
    for entry in middle.downloaded:
        part = search_part(entry.path)
        by_part[part] = by_part.get(part, 0) + entry.body_bytes
    result.search_download_by_part = dict(sorted(by_part.items(), key=lambda x: -x[1]))
    faceted = [r for r in runs if r.facet_ms is not None]
    if faceted:
        result.facet_ms = statistics.median(r.facet_ms for r in faceted)
        result.facet_results = faceted[-1].facet_results
        result.facet_download_b = int(statistics.median(
            sum(e.body_bytes for e in r.facet_downloaded) for r in faceted))


# --- One size ------------------------------------------------------------------------------

def measure(articles: int, project: Path, browser: bool = True, search_runs: int = 3,
            regen: bool = True, phases: bool = False, strict: bool = True,
            engines: tuple[str, ...] = ENGINES, log=print) -> list[Result]:
    """Every figure for one corpus size, a Result per engine, built in ``project`` (which
    must not exist). Each engine's site is kept as ``project/site-ENGINE``."""
    log(f"[{articles}] writing corpus to {project}")
    files = make_project(project, articles)
    log(f"[{articles}] generator build")
    generated = generate(project)
    log(f"[{articles}]   {generated.seconds:.2f} s ({generated.cpu_s:.2f} s CPU), "
        f"{generated.peak_mb:.0f} MB: {generated.output.strip()}")
    results = []
    for engine in engines:
        result = Result(articles, engine, files, generated.seconds, generated.cpu_s,
                        generated.peak_mb)
        build_one(engine, project, result, browser, search_runs, phases, strict, log)
        results.append(result)
    if len(results) > 1:
        first = project / f"site-{engines[0]}"
        for result in results[1:]:
            # All pages are compared at the test sizes; a sample of each kind here.
            result.parity = differences(first, project / f"site-{result.engine}", 50,
                                        (engines[0], result.engine))
            log(f"[{articles}] {result.engine} against {engines[0]}: "
                f"{len(result.parity)} difference(s)")
    if regen:
        # Generation is the same whatever the engine: measured once, on the first row.
        log(f"[{articles}] regeneration after editing one actor")
        regenerate_one(project, results[0])
    return results


def build_one(engine: str, project: Path, result: Result, browser: bool, search_runs: int,
              phases: bool, strict: bool, log) -> None:
    """Build the generated pages with ``engine``, index, measure; keep it as site-ENGINE."""
    n = result.articles
    log(f"[{n}] {engine} build")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    step = engine_build(engine, project, strict)
    result.build_s, result.build_cpu_s, result.build_peak_mb = \
        step.seconds, step.cpu_s, step.peak_mb
    result.build_warnings = sum(1 for line in step.output.splitlines()
                                if line.startswith(("WARNING", "Warning")))
    log(f"[{n}]   {step.seconds:.2f} s ({step.cpu_s:.2f} s CPU), {step.peak_mb:.0f} MB")
    log(f"[{n}] search index (Pagefind)")
    step = index_search(project)
    result.search_index_s, result.search_index_cpu_s, result.search_index_peak_mb = \
        step.seconds, step.cpu_s, step.peak_mb
    log(f"[{n}]   {step.seconds:.2f} s ({step.cpu_s:.2f} s CPU), {step.peak_mb:.0f} MB")
    measure_site(project / "site", result)
    if phases and engine == "mkdocs":
        log(f"[{n}] mkdocs build again, timing its phases")
        result.mkdocs_phases = mkdocs_phases(project, strict)
    if browser:
        log(f"[{n}] search in Chromium ({engine} build)")
        runs = search_timing(project / "site", runs=search_runs)
        if len(runs) < search_runs:
            log(f"[{n}]   {search_runs - len(runs)} of {search_runs} searches gave no result in time")
        if runs:
            record_search(runs, result)
    (project / "site").rename(project / f"site-{engine}")


# --- Report --------------------------------------------------------------------------------

def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def table(results: list[Result]) -> str:
    head = ("articles", "engine", "check+generate s", "build s", "search index s", "total s",
            "peak MB",
            "pages", "HTML MB", "largest page KB (path)", "Pagefind bundle KB (KB/article)",
            "first search download KB (B/article)", "first result ms after load (from typing)",
            "facet search ms (KB)", "regen one file s (files rewritten)")
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        path, kb = r.largest[0] if r.largest else ("—", 0.0)
        search = "—" if r.search_ms_after_load is None else \
            f"{_ms(r.search_ms_after_load)} ({_ms(r.search_ms_from_typing)})"
        download = "—" if r.search_download_b is None else \
            f"{r.search_download_b / 1024:,.0f} ({r.download_b_per_article:,.1f})"
        regen = "—" if r.regen_s is None else f"{r.regen_s:.2f} ({r.regen_rewritten})"
        facet = "—" if r.facet_ms is None else \
            f"{r.facet_ms:.0f} ({r.facet_download_b / 1024:,.1f})"
        rows.append("| " + " | ".join((
            f"{r.articles:,}", r.engine, f"{r.generate_s:.2f}", f"{r.build_s:.2f}",
            f"{r.search_index_s:.2f}", f"{r.total_s:.2f}", f"{r.peak_mb:.0f}", f"{r.pages:,}",
            f"{r.html_mb:.1f}", f"{kb:.0f} ({path})",
            f"{r.pagefind_kb:,.0f} ({r.pagefind_kb_per_article:.2f})", download, search,
            facet, regen)) + " |")
    return "\n".join(rows)


def by_engine(results: list[Result]) -> dict[str, dict[int, Result]]:
    """engine -> size -> result, engines in the order they were measured."""
    found: dict[str, dict[int, Result]] = {}
    for r in results:
        found.setdefault(r.engine, {})[r.articles] = r
    return found


def summary(results: list[Result]) -> str:
    lines = []
    for r in results:
        lines.append(f"{r.articles:,} articles, {r.engine}: generation "
                     f"{r.generate_s / r.total_s:.1%} of total "
                     f"wall time, {r.generate_cpu_s / r.total_cpu_s:.1%} of CPU time; CPU s "
                     f"generate {r.generate_cpu_s:.2f}, {r.engine} {r.build_cpu_s:.2f}, search index "
                     f"{r.search_index_cpu_s:.2f}; peak RSS generate {r.generate_peak_mb:.0f} MB, "
                     f"{r.engine} {r.build_peak_mb:.0f} MB, search index "
                     f"{r.search_index_peak_mb:.0f} MB; files {r.files}")
        if r.build_warnings:
            lines.append(f"  {r.engine} warned {r.build_warnings} time(s): the site would fail "
                         "`make site`; figures are from the non-strict build")
        lines.append("  largest pages: " + ", ".join(f"{p} {kb:.0f} KB" for p, kb in r.largest))
        lines.append(f"  Pagefind bundle: {r.pagefind_kb:,.0f} KB in {r.pagefind_files:,} files ("
                     + ", ".join(f"{k} {v:,.0f} KB" for k, v in r.pagefind_kb_by_part.items())
                     + f"); the theme's own search index {r.theme_index_kb:.1f} KB")
        if r.search_ms_after_load is not None:
            lines.append(f"  search: first of {r.search_results} results "
                         f"{r.search_ms_after_load:.0f} ms after load, "
                         f"{r.search_ms_from_typing:.0f} ms after the first keystroke; "
                         f"{r.search_download_b / 1024:,.1f} KB in {r.search_requests} requests ("
                         + ", ".join(f"{k} {v / 1024:,.1f} KB"
                                     for k, v in r.search_download_by_part.items()) + ")")
        if r.facet_ms is not None:
            lines.append(f"  facet \"{FACET[0]}\" chosen after it: {r.facet_results} results "
                         f"in {r.facet_ms:.0f} ms, {r.facet_download_b / 1024:,.1f} KB more")
        if r.regen_s is not None:
            lines.append(f"  regeneration: {r.regen_rewritten} of {r.regen_generated} generated "
                         f"files rewritten, {r.regen_bytes_changed} with changed bytes")
        if r.mkdocs_phases:
            lines.append("  mkdocs phases (second, instrumented build):")
            lines += [f"    {line}" for line in r.mkdocs_phases.splitlines()]
        if r.parity is not None:
            lines.append(f"  parity with {results[0].engine}: "
                         + (f"{len(r.parity)} difference(s): " + "; ".join(r.parity[:5])
                            if r.parity else "same pages, same main content in the sample"))
    engines = by_engine(results)
    for engine, by_size in engines.items():
        lines += _growth(engine, by_size)
    if len(engines) > 1:
        first, *others = engines
        for other in others:
            for n in sorted(engines[first].keys() & engines[other].keys()):
                a, b = engines[first][n], engines[other][n]
                lines.append(f"{other} / {first} at {n:,} articles: build "
                             f"{b.build_s / a.build_s:.2f}x, total {b.total_s / a.total_s:.2f}x, "
                             f"peak memory {b.peak_mb / a.peak_mb:.2f}x")
    return "\n".join(lines)


def _growth(engine: str, by_size: dict[int, Result]) -> list[str]:
    lines = []
    if 1000 in by_size and 5000 in by_size:
        big, small = by_size[5000], by_size[1000]
        lines.append(f"{engine}: total(5,000) / total(1,000) = {big.total_s / small.total_s:.2f}x "
                     f"(generation {big.generate_s / small.generate_s:.2f}x, "
                     f"build {big.build_s / small.build_s:.2f}x, search index "
                     f"{big.search_index_s / small.search_index_s:.2f}x; in CPU time "
                     f"{big.total_cpu_s / small.total_cpu_s:.2f}x)")
    sizes = sorted(by_size)
    for small, big in zip(sizes, sizes[1:]):
        if (small, big) != (1000, 5000):
            ratio = by_size[big].total_s / by_size[small].total_s
            lines.append(f"{engine}: total({big:,}) / total({small:,}) = {ratio:.2f}x "
                         f"for {big / small:g}x the articles")
    return lines


def targets(results: list[Result]) -> str:
    """The issue's targets, checked at the largest size measured, for the site as
    published: the first engine's build (the default, MkDocs, unless --engines says)."""
    by_size = next(iter(by_engine(results).values()))
    r = by_size[max(by_size)]
    checks = [
        (f"generation < {TARGETS['generation_s']:g} s", f"{r.generate_s:.2f} s",
         r.generate_s < TARGETS["generation_s"]),
        (f"generation < {TARGETS['generation_share']:.0%} of total",
         f"{r.generate_s / r.total_s:.1%}", r.generate_s / r.total_s < TARGETS["generation_share"]),
        (f"largest page < {TARGETS['largest_page_kb']:g} KB",
         f"{r.largest[0][1]:.0f} KB ({r.largest[0][0]})" if r.largest else "—",
         bool(r.largest) and r.largest[0][1] < TARGETS["largest_page_kb"]),
    ]
    if r.search_download_b is not None:
        checks.append((f"first search download < {TARGETS['download_b_per_article']:g} B/article",
                       f"{r.download_b_per_article:,.1f} B ({r.search_download_b / 1024:,.0f} KB)",
                       r.download_b_per_article < TARGETS["download_b_per_article"]))
    if r.search_ms_after_load is not None:
        checks.append((f"first result < {TARGETS['first_result_ms']:g} ms after load",
                       f"{r.search_ms_after_load:.0f} ms",
                       r.search_ms_after_load < TARGETS["first_result_ms"]))
    if r.facet_ms is not None:
        checks.append((f"results of a facet < {TARGETS['first_result_ms']:g} ms",
                       f"{r.facet_ms:.0f} ms", r.facet_ms < TARGETS["first_result_ms"]))
    if 1000 in by_size and 5000 in by_size:
        ratio = by_size[5000].total_s / by_size[1000].total_s
        checks.append((f"total(5,000)/total(1,000) <= {TARGETS['linear_ratio']:g}",
                       f"{ratio:.2f}", ratio <= TARGETS["linear_ratio"]))
    lines = [f"Targets at {r.articles:,} articles ({r.engine}):"]
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
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="comma-separated engines, the first one's build is checked "
                        f"against the targets (default: {','.join(ENGINES)})")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--pdf", action="store_true",
                        help="also measure the PDF, after the builds (over an hour at 5,000 articles)")
    parser.add_argument("--pdf-only", action="store_true", help="measure the PDF only")
    parser.add_argument("--pdf-editions", default=",".join(EDITIONS),
                        help=f"editions whose PDF is measured (default: {','.join(EDITIONS)})")
    args = parser.parse_args(argv)
    # The editions the bench builds are the real mkdocs.yml's, as `generator site` reads
    # them; without this the process would build the own-language edition only.
    with use(load_settings(ROOT / "mkdocs.yml")):
        return _run(args, parser)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    engines = tuple(e.strip() for e in args.engines.split(",") if e.strip())
    unknown = [e for e in engines if e not in ENGINES]
    if unknown or not engines:
        parser.error(f"--engines: choose from {', '.join(ENGINES)}")
    log = functools.partial(print, file=sys.stderr, flush=True)
    if args.keep:
        taken = [args.keep / f"articles-{n}" for n in sizes if (args.keep / f"articles-{n}").exists()]
        if taken:
            log(f"{', '.join(map(str, taken))} exist(s): remove or choose another --keep folder")
            return 2
    state = source_state()
    log(state)
    pdf_languages = tuple(e.strip() for e in args.pdf_editions.split(",") if e.strip())
    if args.pdf_only:
        print(state)
        for n in sizes:
            with tempfile.TemporaryDirectory(prefix=f"bench-pdf-{n}-") as tmp:
                project = (args.keep.resolve() / f"articles-{n}") if args.keep \
                    else Path(tmp) / "project"
                for line in pdf_costs(n, project, pdf_languages, log):
                    print(line, flush=True)
        return 0
    results, failure = [], None
    for n in sizes:
        try:
            if args.keep:
                project = args.keep.resolve() / f"articles-{n}"
                results.extend(measure(n, project, not args.no_browser, args.search_runs,
                                       phases=args.phases, strict=not args.allow_warnings,
                                       engines=engines, log=log))
            else:
                with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
                    results.extend(measure(n, Path(tmp) / "project", not args.no_browser,
                                           args.search_runs, phases=args.phases,
                                           strict=not args.allow_warnings, engines=engines,
                                           log=log))
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
    if args.pdf:
        print()
        for result in results:
            if result.engine == engines[0]:
                project = (args.keep.resolve() / f"articles-{result.articles}") if args.keep \
                    else None
                with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
                    for line in pdf_costs(result.articles, project or Path(tmp) / "project",
                                          pdf_languages, log):
                        print(line, flush=True)
    if failure:
        print(f"\nstopped: {failure.splitlines()[0]} (output above)")
    if args.json:
        figures = [dict(asdict(r), total_s=r.total_s, peak_mb=r.peak_mb,
                        download_b_per_article=r.download_b_per_article) for r in results]
        args.json.write_text(json.dumps(dict(source=state, results=figures), indent=2) + "\n")
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
