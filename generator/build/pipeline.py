"""load -> validate -> link -> render: from a sources folder to every generated file."""

from __future__ import annotations

from pathlib import Path

from generator.dossier import history
from generator.dossier.diagnostics import Report
from generator.text import english
from generator.text.i18n import edition
from generator.settings import editions, prefix
from generator.dossier.link import Dossier, check_references, check_stance_quotes, link
from generator.dossier.load import ParseCache, load
from generator.dossier.model import Corpus
from generator.dossier.names import check_names
from generator.dossier.yamlnodes import YMap
from generator.outputs import OUTPUTS, QUICK_OUTPUTS, OutputCollision, Publication, edition_files, files
from generator.outputs import pdf
from generator.pages.render import render
from generator.dossier.validate import validate


def check(sources: Path, report: Report, cache: ParseCache | None = None) -> Dossier | None:
    """The linked dossier, or None when any source has an error (all in ``report``).

    A ``cache`` (see :func:`load.load`) spares a live preview re-parsing what did not change."""
    corpus = Corpus()
    broken: set[tuple[str, str]] = set()
    name_lines: dict[tuple[str, str], int] = {}
    for source in sorted(load(sources, report, cache), key=lambda s: (s.folder, s.id)):
        entity = validate(source, report)
        if entity is None:
            broken.add((source.folder, source.id))
        else:
            corpus.folder(source.folder)[entity.id] = entity
            if isinstance(source.root, YMap):
                name_lines[source.folder, source.id] = source.root.key_lines.get("name", 0)
    check_names(corpus, report, name_lines)
    if report.errors:
        # Still check references, so one run reports every problem; a reference to
        # a file that exists but has errors of its own is not reported again.
        check_references(corpus, report, skip=broken)
        check_stance_quotes(corpus, report)
        return None
    dossier = link(corpus, report)
    if dossier is not None:
        dossier.history = history.read(sources)
    return dossier


def _edition_url(publication: Publication, language: str) -> str | None:
    """The public address of ``language``'s edition, when the site's is known."""
    return publication.site_url + prefix(language) if publication.site_url else None


def generate(d: Dossier, publication: Publication, workers: int | None = None,
             costly: bool = True) -> dict[str, str | bytes]:
    """Every generated file under docs/: the pages and outputs of every edition (the
    English at the top, the others under their language, ``id/actors/...``) and the
    site's outputs, made once for all editions. Without ``costly`` (the live preview)
    the outputs that take long, the PDF, are left out, and no page links them."""
    outputs = OUTPUTS if costly else QUICK_OUTPUTS
    pages: dict[str, str | bytes] = {}
    site = files(d, publication, outputs)
    made: dict[str, bytes] = dict(site)
    for language in editions():
        with edition(language):
            # The outputs first: the home page links the PDF with its size.
            own = edition_files(d, publication, site, outputs)
            rendered = render(d, workers, _edition_url(publication, language), publication,
                              documents=pdf.links(own))
            pages.update((prefix(language) + path, text) for path, text in rendered.items())
            for path, data in own.items():
                if prefix(language) + path in made:
                    raise OutputCollision(f"two outputs would write docs/{prefix(language)}{path}")
                made[prefix(language) + path] = data
    clash = sorted(set(pages) & set(made))
    if clash:
        raise OutputCollision(f"an output and a page would both write docs/{clash[0]}")
    pages.update(made)
    # Interface strings in English in an edition with no catalogue: marked lang="en" in
    # the pages, plain where no markup can stand (generator/text/english.py).
    return {path: english.in_file(path, data) for path, data in sorted(pages.items())}
