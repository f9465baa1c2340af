"""Command line: ``python -m generator check|build|site|serve|schema|new``.

Exit status: 0 success, 1 invalid sources or failed build, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator.tools import annotations
from generator.tools import jsonschema
from generator.tools import scaffold
from generator.dossier.coverage import coverage
from generator.text.i18n import interface_coverage
from generator.dossier.diagnostics import Report
from generator import __version__, settings
from generator.build.configuration import load_settings
from generator.build.editions import ConfigError
from generator.dossier.link import Dossier
from generator.dossier.load import display_path
from generator.outputs import Publication
from generator.build.pipeline import check, generate
from generator.build.site import ENGINES, BuildFailed, Project, build_site
from generator.build.write import sync

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    specs = {
        "check": "validate the sources and report every problem",
        "build": "validate, then write the generated pages into docs/",
        "site": "validate, generate and build site/ with MkDocs or Zensical (atomic)",
        "serve": "live preview that regenerates when a source file changes",
    }
    for name, help_text in specs.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sub.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
        sub.add_argument("--sources", type=Path, help="sources folder (default: ROOT/sources)")
        sub.add_argument("--docs", type=Path, help="docs folder (default: ROOT/docs)")
        sub.add_argument("--site", type=Path, help="site folder (default: ROOT/site)")
        if name == "site":
            sub.add_argument("--engine", choices=ENGINES, default=ENGINES[0],
                             help="what builds the HTML (default: %(default)s)")
        if name == "serve":
            sub.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on")
            sub.add_argument("--edition", metavar="LANG",
                             help="the edition to preview, served under its own address "
                                  "(/fr/ for fr; default: the dossier's own language)")
    _add_authoring_commands(commands)
    return parser


def _add_authoring_commands(commands) -> None:
    """``schema`` and ``new`` help contributors edit sources; they run no pipeline."""
    help_text = "write the JSON Schemas of the source files into generator/schemas/"
    sub = commands.add_parser("schema", help=help_text, description=help_text)
    sub.add_argument("--check", action="store_true",
                     help="write nothing; fail if a committed schema differs from the model")
    sub.add_argument("--dir", type=Path, help="schemas folder (default: generator/schemas)")
    help_text = "start a source file from a commented template"
    sub = commands.add_parser("new", help=help_text, description=help_text)
    sub.add_argument("type", help="article, actor, event, claim or place")
    sub.add_argument("id", help="the new file's name without .yml, e.g. jane-doe")
    sub.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    sub.add_argument("--sources", type=Path, help="sources folder (default: ROOT/sources)")
    help_text = "start a new dossier repository in DIR"
    sub = commands.add_parser("init", help=help_text, description=help_text + (
        ": its settings, pages, an empty sources/, Makefile, README, CONTRIBUTING, "
        "workflows and tests; the generator is a pinned requirement, never copied"))
    sub.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    sub.add_argument("--title", required=True, help="the dossier's title")
    sub.add_argument("--language", required=True, metavar="LANG",
                     help="the language the dossier is written in (a tag Babel knows: en, id, fr)")
    sub.add_argument("--edition", action="append", default=[], metavar="LANG",
                     help="another language to publish an edition in; repeat for more")
    sub.add_argument("--generator", metavar="REQUIREMENT", default=None,
                     help="what the dossier installs the generator from: a pip requirement, "
                          "or a path to a clone or a wheel (default: this release, "
                          f"dossier-generator=={__version__})")


def _init(args: argparse.Namespace) -> int:
    from generator.tools import init
    try:
        written = init.create(args.dir, args.title, args.language, args.edition,
                              args.generator or init.DEFAULT_REQUIREMENT)
    except init.InitError as exc:
        print(f"dossier init: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"dossier init: {args.dir}: cannot write: {exc.strerror}", file=sys.stderr)
        return EXIT_INVALID
    print(f"started a dossier in {args.dir} ({len(written)} files): "
          f"cd {args.dir} && git init && make site")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    folder = args.dir or jsonschema.SCHEMAS
    if args.check:
        stale = jsonschema.stale_files(folder)
        for path, problem in stale:
            print(f"{display_path(path)} {problem}: run `python -m generator schema`",
                  file=sys.stderr)
        if stale:
            return EXIT_INVALID
        print(f"schemas in {display_path(folder)} match the content model")
        return EXIT_OK
    changed = jsonschema.write_files(folder)
    for path in changed:
        print(f"updated {display_path(path)}")
    print(f"schemas in {display_path(folder)} match the content model "
          f"({len(changed)} file(s) updated)")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    try:
        path = scaffold.create(args.sources or args.root / "sources", args.type, args.id)
    except scaffold.UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except scaffold.AlreadyExists as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    print(f"created {display_path(path)}: replace every TODO, then run `make check`")
    return EXIT_OK


_STANDALONE = {"schema": _schema, "init": _init}
"""Commands that read no dossier."""
_AUTHORING = {"new": _new}
"""Commands that read the dossier's settings but run no pipeline."""


def _report(report: Report, strict: bool) -> bool:
    for item in report.sorted():
        print(item.format(), file=sys.stderr)
    errors, warnings = len(report.errors), len(report.warnings)
    failed = report.failed(strict)
    if report.items:
        tail = " (--strict: warnings count as errors)" if strict and warnings else ""
        print(f"{errors} error(s), {warnings} warning(s){tail}", file=sys.stderr)
    return not failed


def _generate(project: Project, strict: bool, publication: Publication, github: bool = False
              ) -> tuple[Dossier, dict[str, str | bytes]] | None:
    report = Report()
    dossier = check(project.sources, report)
    valid = _report(report, strict)
    if github:
        annotations.publish(report, strict, project.sources, os.environ, sys.stdout)
    if not valid or dossier is None:
        return None
    return dossier, generate(dossier, publication)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in _STANDALONE:
        return _STANDALONE[args.command](args)
    project = Project.at(args.root, args.sources, getattr(args, "docs", None),
                         getattr(args, "site", None))
    try:
        # A folder without mkdocs.yml is read as a dossier in English alone.
        declared = load_settings(project.config) if project.config.is_file() \
            else settings.Settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    with settings.use(declared):
        if args.command in _AUTHORING:
            return _AUTHORING[args.command](args)
        return _run(args, project)


def _run(args: argparse.Namespace, project: Project) -> int:
    started = time.perf_counter()
    try:
        publication = Publication.from_environment(config=project.config)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if args.command == "serve":
        from generator.build.serve import serve
        if args.edition and args.edition not in settings.editions():
            print(f"--edition {args.edition!r}: this dossier's editions are "
                  f"{', '.join(settings.editions())} (mkdocs.yml)", file=sys.stderr)
            return EXIT_USAGE
        return serve(project, args.addr, args.edition or settings.own_language())
    # On GitHub Actions, `check` also annotates the pull request and writes a job summary.
    github = args.command == "check" and annotations.in_github_actions(os.environ)
    generated = _generate(project, args.strict, publication, github)
    if generated is None:
        return EXIT_INVALID
    dossier, pages = generated
    if args.command == "check":
        print(f"sources are valid ({len(pages)} pages would be generated)")
        # Figures for editors, not problems: a dossier may go bilingual gradually, and a
        # language without a catalogue of the generator's strings shows them in English.
        if settings.other_languages():
            print("translations: " + ", ".join(c.format() for c in coverage(dossier.corpus)))
        print("interface: " + ", ".join(interface_coverage(language)
                                         for language in settings.editions()))
        return EXIT_OK
    if args.command == "build":
        written, removed = sync(pages, project.docs)
        print(f"generated {len(pages)} pages: {written} written, {removed} removed, "
              f"{len(pages) - written} unchanged ({time.perf_counter() - started:.2f} s)")
        return EXIT_OK
    try:
        written, removed = build_site(project, pages, args.engine)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        print("site build failed: docs/ and site/ are unchanged", file=sys.stderr)
        return EXIT_INVALID
    print(f"built {project.site} with {args.engine} from {len(pages)} generated pages "
          f"({written} written, {removed} removed) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def run() -> None:
    """The ``dossier`` command."""
    sys.exit(main())


if __name__ == "__main__":
    run()
