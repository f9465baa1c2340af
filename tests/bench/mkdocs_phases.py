"""Where an MkDocs build spends its time: ``mkdocs build`` with timers on its phases.

    python -m tests.bench.mkdocs_phases build --strict -f mkdocs.yml -d site

Runs MkDocs in this process with a wall-clock timer around each build phase and each
plugin's event handler, then prints the totals. A profiler would slow the build down
several times and blur the split; a dozen timers over some ten thousand pages cost
milliseconds. Phases nest: reading a page includes the Markdown conversion and the
page_markdown and page_content handlers, building one includes its template.
"""

from __future__ import annotations

import functools
import sys
import time
from collections import defaultdict

STARTED = time.perf_counter()
TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

PHASES = [
    # (label, module, owner attribute or None, function name); indented labels nest.
    ("load config", "mkdocs.config", None, "load_config"),
    ("build()", "mkdocs.commands.build", None, "build"),
    ("  get_files", "mkdocs.commands.build", None, "get_files"),
    ("  get_navigation", "mkdocs.commands.build", None, "get_navigation"),
    ("  read pages (_populate_page)", "mkdocs.commands.build", None, "_populate_page"),
    ("    read source", "mkdocs.structure.pages", "Page", "read_source"),
    ("    Markdown to HTML (Page.render)", "mkdocs.structure.pages", "Page", "render"),
    ("  copy static files", "mkdocs.structure.files", "Files", "copy_static_files"),
    ("  theme templates (404, sitemap)", "mkdocs.commands.build", None, "_build_theme_template"),
    ("  build pages (_build_page)", "mkdocs.commands.build", None, "_build_page"),
    ("    template context (nav etc.)", "mkdocs.commands.build", None, "get_context"),
    ("    template render (all Jinja templates)", "jinja2.environment", "Template", "render"),
    ("    write files", "mkdocs.utils", None, "write_file"),
    ("  validate anchor links", "mkdocs.structure.pages", "Page", "validate_anchor_links"),
]


def _timed(label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[label] += time.perf_counter() - start
            CALLS[label] += 1
    return wrapper


def install() -> None:
    import importlib

    from mkdocs.plugins import PluginCollection

    for label, module_name, owner_name, name in PHASES:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        setattr(owner, name, _timed(label, getattr(owner, name)))

    register = PluginCollection._register_event

    def timed_register(self, event_name, method, plugin_name=None):
        if callable(method) and not hasattr(method, "methods"):
            priority = getattr(method, "mkdocs_priority", None)
            method = _timed(f"  plugin {plugin_name or '?'}: on_{event_name}", method)
            if priority is not None:
                method.mkdocs_priority = priority
        return register(self, event_name, method, plugin_name)

    PluginCollection._register_event = timed_register


def report() -> str:
    lines = [f"{'phase':58} {'seconds':>8} {'calls':>7}"]
    order = [label for label, *_ in PHASES]
    plugins = sorted((k for k in TOTALS if k.strip().startswith("plugin ")), key=lambda k: -TOTALS[k])
    for label in order + plugins:
        if label in TOTALS:
            lines.append(f"{label:58} {TOTALS[label]:8.2f} {CALLS[label]:7}")
    lines.append(f"{'process (imports, config, build, exit)':58} "
                 f"{time.perf_counter() - STARTED:8.2f}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    install()
    from mkdocs.__main__ import cli

    code = 0
    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except Exception as exc:  # MkDocs' Abort and build errors: report them, keep the timings
        print(f"mkdocs failed: {exc}", file=sys.stderr)
        code = 1
    print(report())
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
