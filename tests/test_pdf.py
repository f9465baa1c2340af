"""The dossier as one document: each edition's printable page and the PDF made from it."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from generator.build.pipeline import generate
from generator.dossier.history import History
from generator.outputs import Publication
from generator.outputs import pdf
from generator.settings import editions, prefix, use
from generator.text.i18n import edition
from generator.views import models as views

from .conftest import FIXTURES, dossier_of
from .languages import FIXTURE_SETTINGS

VALID = FIXTURES / "valid"


@pytest.fixture(scope="module")
def dossier():
    with use(FIXTURE_SETTINGS):
        return dossier_of(VALID)


@pytest.fixture(scope="module")
def made(dossier):
    """Each edition's files of the PDF output, by language: made once for the module."""
    result = {}
    with use(FIXTURE_SETTINGS):
        for language in editions():
            with edition(language):
                result[language] = pdf.files(dossier, Publication())
    return result


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    """The PDF's text with every run of white space one space, as a reader reads it."""
    return " ".join(" ".join(page.extract_text() for page in reader(data).pages).split())


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "id"])
def test_each_edition_has_one_pdf_and_the_printable_page_it_is_made_from(made, language):
    assert set(made[language]) == {pdf.PDF, pdf.HTML}
    assert made[language][pdf.PDF].startswith(b"%PDF-")
    assert f'<html lang="{language}">'.encode() in made[language][pdf.HTML]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_pdf_holds_every_article_headline_and_every_claim_statement(made, dossier, language):
    text = text_of(made[language][pdf.PDF])
    with edition(language):
        claims = [words(views.label(c)) for c in dossier.corpus.claims.values()]
    headlines = [words(a.title) for a in dossier.corpus.articles.values()]
    assert headlines and claims
    assert [h for h in headlines if h not in text] == []
    assert [c for c in claims if c not in text] == []


def test_the_indonesian_pdf_speaks_indonesian(made):
    english, indonesian = text_of(made["en"][pdf.PDF]), text_of(made["id"][pdf.PDF])
    assert "Table of contents" in english and "Daftar isi" not in english
    assert "Daftar isi" in indonesian
    assert "Ikhtisar" in indonesian and "Overview" not in indonesian


def test_every_quote_and_its_translation_is_in_the_pdf(made, dossier):
    text = text_of(made["en"][pdf.PDF])
    quotes = [(q.text, q.translation) for a in dossier.corpus.articles.values() for q in a.quotes]
    assert quotes
    for quote, translation in quotes:
        assert words(quote) in text
        if translation:
            assert words(translation) in text


def link_annotations(document: PdfReader) -> list[dict]:
    return [a.get_object() for page in document.pages for a in (page.get("/Annots") or [])
            if a.get_object().get("/Subtype") == "/Link"]


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_link_inside_the_pdf_leads_to_one_of_its_pages(made, language):
    document = reader(made[language][pdf.PDF])
    destinations = document.named_destinations
    internal = [a["/Dest"] for a in link_annotations(document) if "/Dest" in a]
    assert len(internal) > 20
    pages = {page.indirect_reference.idnum for page in document.pages}
    for name in internal:
        assert name in destinations, name
        assert destinations[name].page.idnum in pages


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_other_link_of_the_pdf_is_a_web_address(made, language):
    document = reader(made[language][pdf.PDF])
    external = [a["/A"]["/URI"] for a in link_annotations(document) if "/A" in a]
    assert external and all(uri.startswith(("https://", "http://")) for uri in external)


def test_every_cross_reference_in_the_printable_page_is_an_entry_of_it(made):
    html = made["en"][pdf.HTML].decode()
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert targets and targets <= ids


def test_every_page_after_the_cover_has_its_number_and_the_count(made):
    document = reader(made["en"][pdf.PDF])
    total = len(document.pages)
    assert total > 3
    for n, page in enumerate(document.pages[1:], start=2):
        assert re.search(rf"\b{n} / {total}\b", page.extract_text()), n


def test_the_sources_appendix_gives_each_articles_address_and_archived_copy(made, dossier):
    text = text_of(made["en"][pdf.PDF])
    appendix = text[text.index("The articles the dossier is built from"):]
    addresses = [u for a in dossier.corpus.articles.values() for u in (a.url, a.archived_url) if u]
    assert addresses and all(u in appendix.replace(" ", "") for u in addresses)


def fonts_of(document: PdfReader) -> dict[str, bool]:
    """Each font the pages use -> whether its file is embedded."""
    found = {}
    for page in document.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            descriptor = descendant["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = any(k in descriptor for k in
                                                ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_the_pdfs_fonts_are_the_packages_dejavu_sans_embedded(made):
    fonts = fonts_of(reader(made["en"][pdf.PDF]))
    assert fonts and all(embedded for embedded in fonts.values())
    assert {name.split("+")[-1] for name in fonts} <= {
        "DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Sans-Italic", "DejaVu-Sans-Bold-Italic"}


def test_the_printable_page_loads_nothing_from_elsewhere(made):
    html = made["en"][pdf.HTML].decode()
    assert not re.search(r'<(?:link|script|img)\b', html)
    assert "@import" not in html and "url(" not in html


def test_two_builds_of_the_same_dossier_give_the_same_bytes(made, dossier):
    with edition("en"):
        again = pdf.files(dossier, Publication())
    assert again == made["en"]


def test_the_pdfs_dates_are_the_dossiers_last_change_and_never_the_clock(dossier):
    last = datetime(2024, 3, 15, 9, 30, tzinfo=timezone.utc)
    dossier_with_history = type(dossier)(**{**dossier.__dict__, "history": History(
        changed={"articles/x.yml": datetime(2023, 1, 1, tzinfo=timezone.utc),
                 "claims/y.yml": last})})
    assert pdf.document_time(dossier_with_history) == last
    with edition("en"):
        data = pdf.to_pdf(pdf.printable(dossier_with_history, Publication()),
                          pdf.document_time(dossier_with_history))
    info = reader(data).metadata
    assert info["/CreationDate"].startswith("D:20240315093000") and \
        info["/ModDate"] == info["/CreationDate"]
    with edition("en"):
        html = pdf.printable(dossier_with_history, Publication())
    assert '<time datetime="2024-03-15T09:30:00Z">15 Mar 2024</time>' in html


def test_without_git_the_pdf_takes_source_date_epoch_or_has_no_date(dossier):
    outside_git = type(dossier)(**{**dossier.__dict__, "history": History()})
    assert pdf.document_time(outside_git, {"SOURCE_DATE_EPOCH": "1700000000"}) == \
        datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)
    assert pdf.document_time(outside_git, {}) is None


def test_a_pdf_already_made_from_the_same_page_is_taken_from_the_cache(dossier, tmp_path,
                                                                       monkeypatch):
    with edition("en"):
        first = pdf.files(dossier, Publication(cache=tmp_path))
        monkeypatch.setattr(pdf, "to_pdf", lambda *a: pytest.fail("made again"))
        assert pdf.files(dossier, Publication(cache=tmp_path)) == first
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == 1


def test_past_the_limit_the_dossier_is_split_into_a_main_document_and_years_of_articles(
        dossier):
    with edition("en"):
        parts = pdf.split(dossier, limit=1)
    per_year: dict[int, int] = {}
    for a in dossier.corpus.articles.values():
        per_year[a.published.start.year] = per_year.get(a.published.start.year, 0) + 1
    assert parts[0].pdf == pdf.PDF and parts[0].rest and not parts[0].articles
    # One article a part: a year of one is named by the year, a longer one numbered.
    assert [p.pdf for p in parts if p.pdf.startswith("dossier/articles-")] == [
        f"dossier/articles-{year}.pdf" if n == 1 else f"dossier/articles-{year}-{i}.pdf"
        for year, n in sorted(per_year.items()) for i in range(1, n + 1)]
    assert sum(len(p.articles) for p in parts) == len(dossier.corpus.articles)
    # More events than the limit: they too are parts of their own, the main has none.
    assert not parts[0].events
    assert sum(len(p.events) for p in parts) == len(dossier.corpus.events)


def test_a_split_documents_references_to_another_part_name_its_file_instead_of_linking(
        dossier):
    with edition("en"):
        parts = pdf.split(dossier, limit=1)
        main = pdf.printable(dossier, Publication(), parts[0], parts)
    targets = set(re.findall(r'href="#([^"]+)"', main))
    ids = set(re.findall(r' id="([^"]+)"', main))
    assert targets <= ids and not any(t.startswith("articles-") for t in targets)
    assert "(dossier/articles-" in main


def text(content: str | bytes) -> str:
    return content.decode() if isinstance(content, bytes) else content


def test_the_home_and_data_pages_link_each_editions_pdf_with_its_size(dossier):
    files = generate(dossier, Publication(), workers=1)
    for language in editions():
        here = prefix(language)
        assert files[f"{here}dossier.pdf"].startswith(b"%PDF-")
        overview = text(files[f"{here}.generated/overview.md"])
        data_page = text(files[f"{here}data/index.md"])
        # The size as the edition writes numbers, its dot escaped for Markdown.
        assert re.search(r"\[dossier\\\.pdf\]\(dossier\.pdf\) \(PDF, [\d\\.,]+ kB\)", overview)
        assert re.search(r"\[dossier\\\.pdf\]\(\.\./dossier\.pdf\) \(PDF, [\d\\.,]+ kB\)",
                         data_page)


def test_the_live_preview_makes_no_pdf_and_links_none(dossier):
    files = generate(dossier, Publication(), workers=1, costly=False)
    assert not [path for path in files if "dossier.pdf" in path or "dossier.html" in path]
    assert "dossier.pdf" not in text(files[".generated/overview.md"])
    assert "dossier.pdf" not in text(files["data/index.md"])
