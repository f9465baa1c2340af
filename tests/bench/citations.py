"""The cost of the citations at scale: ``python -m tests.bench.citations 1000 5000``.

For each size, a synthetic corpus (``synth.py``) is read, then timed: the news reports'
citation files (the site's), the bibliography for /data/, and the Cite blocks of every
entity page of each edition
(what the page renderer adds, with each page's own downloads as data: addresses).
Prints the times, the number of files and their bytes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.dossier.schema import FOLDERS
from generator.outputs import Publication, citations
from generator.settings import use
from generator.text import i18n
from generator.views import citation
from tests.bench.synth import write_corpus
from tests.conftest import dossier_of
from tests.languages import FIXTURE_SETTINGS


def measure(articles: int) -> str:
    publication = Publication(site_url="https://example.org/dossier/")
    with tempfile.TemporaryDirectory() as folder, use(FIXTURE_SETTINGS):
        write_corpus(Path(folder), articles)
        d = dossier_of(Path(folder))
        entities = sum(len(d.corpus.folder(f)) for f in FOLDERS)
        lines = [f"{articles} articles, {entities} entities"]

        def timed(label: str, make) -> dict:
            started = time.perf_counter()
            made = make()
            seconds = time.perf_counter() - started
            size = sum(len(v) for v in made.values()) if isinstance(made, dict) else 0
            count = f"{len(made)} files, {size / 1e6:.1f} MB" if isinstance(made, dict) else ""
            lines.append(f"  {label}: {seconds:.2f} s {count}".rstrip())
            return made

        timed("report citations (site)", lambda: citations.files(d, publication))
        timed("bibliography (data/)", lambda: citations.bibliography(d))
        for language in FIXTURE_SETTINGS.editions:
            with i18n.edition(language):
                citation._layout.cache_clear()
                views = timed(f"Cite blocks with their data: downloads ({language})", lambda: [
                    citation.cite_view(d, folder, entity, "Dossier", "https://example.org/",
                                       citations.page_hrefs)
                    for folder in FOLDERS for entity in d.corpus.folder(folder).values()])
                inline = sum(len(f.href) for v in views for f in v["page"].downloads)
                lines.append(f"    data: addresses in the pages: {inline / 1e6:.1f} MB, "
                             f"{inline / len(views) / 1000:.1f} kB a page")
                lines.append(f"    citeproc runs: {citation._layout.cache_info().misses}")
    return "\n".join(lines)


if __name__ == "__main__":
    for size in sys.argv[1:] or ["1000", "5000"]:
        print(measure(int(size)), flush=True)
