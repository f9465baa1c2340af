"""The citation downloads: BibTeX, RIS and CSL-JSON, written by their libraries.

Two kinds of download, laid out for a dossier of thousands of articles:

- a **news report's** citation (``cite/reports/<id>.<ext>``) is the report as
  published, which is the same in every edition: one set of files for the site, its
  headline's translation the dossier's own (as in the data downloads): :func:`files`;
- a **page's** citation names the page in its edition's language, under the edition's
  name and address, so each edition would need its own files: three per entity per
  edition. The page carries them itself instead, as ``data:`` addresses
  (:func:`page_hrefs`, called by the page renderer): the same bytes, no file.

:func:`bibliography` is every report in one file per format, for ``/data/``.

How each format keeps a date as sure as the source (see ``dates.py``):
BibTeX writes biblatex's ``date`` field, which is EDTF level 1 (``2023-09~``,
``2023-09-10/2023-09-13``); RIS writes ``DA`` as ``YYYY/MM/DD/other``, with the month
or day left empty where the source does not give it and the qualifier in the "other"
part, and ``PY`` the year; CSL-JSON writes the ``date-parts`` the source gives (a month
has two), ``circa`` where the date is approximate, and the EDTF text as ``raw`` where
it is approximate, uncertain or has a time.
"""

from __future__ import annotations

import base64
import functools
import json
import re

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from bibtexparser.middlewares import default_unparse_stack
from pylatexenc.latexencode import UnicodeToLatexEncoder

from generator.dossier.dates import Date, DatePoint
from generator.dossier.link import Dossier
from generator.dossier.schema import FOLDERS
from generator.outputs import Publication
from generator.views.citation import (
    FORMATS, MEDIA_TYPES, Reference, report_path, shared_report_reference)

BIBLIOGRAPHY = "data/bibliography"
"""Every news report, one file per format: ``data/bibliography.bib`` and so on."""


# CSL-JSON

def _csl_date(date: Date) -> dict:
    points = [date.start] + ([date.end] if date.end else [])
    value: dict = {"date-parts": [[n for n in (p.year, p.month, p.day) if n] for p in points]}
    if any(p.approximate for p in points):
        value["circa"] = True
    if date.qualified or date.start.time:
        # The EDTF text keeps what date-parts cannot: the qualifier, the time.
        value["raw"] = date.raw
    return value


def csl_item(ref: Reference) -> dict:
    """The reference as a CSL-JSON item (CSL 1.0.2's data schema)."""
    item: dict = {"id": ref.key, "type": "article-newspaper" if ref.kind == "report"
                  else "webpage", "title": ref.title, "container-title": ref.container,
                  "language": ref.language}
    if ref.authors:
        # Literal: a byline is a name as the outlet writes it, not given and family names.
        item["author"] = [{"literal": name} for name in ref.authors]
    if ref.date:
        item["issued"] = _csl_date(ref.date)
    if ref.url:
        item["URL"] = ref.url
    notes = [n for n in (_translation_note(ref), ref.archive_note()) if n]
    if notes:
        item["note"] = "\n".join(notes)
    return item


def _translation_note(ref: Reference) -> str | None:
    if not ref.translated_title:
        return None
    from generator.views.citation import gettext
    return gettext("Headline translated: %(title)s") % {"title": ref.translated_title}


def csl_json(refs: list[Reference]) -> bytes:
    return (json.dumps([csl_item(r) for r in refs], ensure_ascii=False, indent=2) + "\n"
            ).encode("utf-8")


# BibTeX (biblatex's fields, which Zotero's BibTeX import reads)

def _bib_date(date: Date) -> str:
    def point(p: DatePoint) -> str:
        text = p.iso()
        if p.time:
            # "06:45 UTC+07:00" -> "T06:45:00+07:00", biblatex's ISO 8601 time.
            clock, _, zone = p.time.partition(" ")
            text += f"T{clock}:00" + ("Z" if zone == "UTC" else zone.removeprefix("UTC"))
        return text + ("%" if p.approximate and p.uncertain else "~" if p.approximate
                       else "?" if p.uncertain else "")
    return point(date.start) + (f"/{point(date.end)}" if date.end else "")


_ENCODER = UnicodeToLatexEncoder()
"""One encoder for every field: making one costs a millisecond, encoding far less."""


_PLAIN = re.compile(r"[ -~]*")
_SPECIAL = re.compile(r"[\\{}$&#^_%~]")


@functools.lru_cache(maxsize=20_000)
def _latex(text: str) -> str:
    # LaTeX's special characters and accents, as pylatexenc (bibtexparser's own
    # encoder) writes them; parsing with bibtexparser's LaTeX decoding gives them back.
    # It reads a character at a time: text that has none to encode skips it.
    if _PLAIN.fullmatch(text) and not _SPECIAL.search(text):
        return text
    return _ENCODER.unicode_to_latex(text)


def _bib_entry(ref: Reference) -> Entry:
    fields = [Field("title", _latex(ref.title))]
    if ref.authors:
        # Braced: one name as written, never split into first and last.
        fields.append(Field("author", " and ".join(f"{{{_latex(n)}}}" for n in ref.authors)))
    if ref.kind == "report":
        fields += [Field("journaltitle", _latex(ref.container)),
                   Field("entrysubtype", "newspaper")]
        if ref.translated_title:
            fields.append(Field("titleaddon", f"[{_latex(ref.translated_title)}]"))
    else:
        fields.append(Field("organization", _latex(ref.container)))
    if ref.date:
        fields.append(Field("date", _bib_date(ref.date)))
    if ref.url:
        fields.append(Field("url", ref.url))
    fields.append(Field("langid", ref.language))
    if ref.archive_note():
        fields.append(Field("addendum", _latex(ref.archive_note())))
    return Entry("article" if ref.kind == "report" else "online", ref.key, fields)


def bibtex(refs: list[Reference]) -> bytes:
    library = bibtexparser.Library([_bib_entry(r) for r in refs])
    # The library is made here and thrown away: its default stack may change it in place
    # rather than copy every entry first, which is most of the time it takes.
    stack = default_unparse_stack(allow_inplace_modification=True)
    return bibtexparser.write_string(library, unparse_stack=stack).encode("utf-8")


# RIS

def _ris_date(date: Date) -> str:
    s = date.start
    other = [s.time] if s.time else []
    if s.approximate:
        other.append("approximate")
    if s.uncertain:
        other.append("uncertain")
    if date.end:
        other.append(f"to {date.end.iso()}")
    parts = [f"{s.year:04d}", f"{s.month:02d}" if s.month else "", f"{s.day:02d}" if s.day
             else "", " ".join(other)]
    return "/".join(parts)


def _ris_record(ref: Reference) -> dict:
    record: dict = {"type_of_reference": "NEWS" if ref.kind == "report" else "ELEC",
                    "id": ref.key, "title": ref.title, "secondary_title": ref.container,
                    "language": ref.language}
    if ref.authors:
        record["authors"] = list(ref.authors)
    if ref.translated_title:
        record["translated_title"] = ref.translated_title
    if ref.date:
        record["date"] = _ris_date(ref.date)
        record["year"] = str(ref.date.start.year)
    if ref.url:
        record["urls"] = [ref.url]
    if ref.archive_note():
        record["notes"] = [ref.archive_note()]
    return record


class _RisWriter(rispy.RisWriter):
    """RIS without rispy's numbered line before each record, which is no tag of RIS."""

    def set_header(self, count: int) -> str:
        return ""


def ris(refs: list[Reference]) -> bytes:
    return rispy.dumps([_ris_record(r) for r in refs], implementation=_RisWriter).encode("utf-8")


WRITERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def _each_format(path, refs: list[Reference]) -> dict[str, bytes]:
    return {path(ext): WRITERS[ext](refs) for ext, _ in FORMATS}


# The outputs

def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    """Each news report's citation, once for the site."""
    made: dict[str, bytes] = {}
    for article in d.corpus.articles.values():
        made.update(_each_format(lambda ext: report_path(article.id, ext),
                                 [shared_report_reference(article)]))
    return made


def bibliography(d: Dossier) -> dict[str, bytes]:
    """Every news report in one file per format, for ``/data/``."""
    refs = [shared_report_reference(a) for a in d.corpus.articles.values()]
    return _each_format(lambda ext: f"{BIBLIOGRAPHY}.{ext}", refs)


def page_hrefs(ref: Reference) -> dict[str, str]:
    """A page's citation downloads as ``data:`` addresses, by file extension, for the page
    to carry itself: each is some hundred bytes, and as files they would be three per
    entity per edition, 54,000 at 5,000 articles in two editions, each costing more to
    write and copy than its bytes do (notes/cite.md has the figures)."""
    return {ext: f"data:{MEDIA_TYPES[ext]};charset=utf-8;base64,"
                 f"{base64.b64encode(WRITERS[ext]([ref])).decode('ascii')}"
            for ext, _ in FORMATS}
