"""Citations: every entity page cites itself, every article page the news report, in
BibTeX, RIS and CSL-JSON that their own libraries read back, and dates stay honest."""

from __future__ import annotations

import base64
import json
import re
import shutil

import bibtexparser
import lxml.html
import markdown
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from generator.dossier.dates import parse_date
from generator.dossier.schema import FOLDERS
from generator.outputs import Publication, citations
from generator.pages.render import render
from generator.settings import prefix
from generator.text import i18n
from generator.views import citation
from generator.views.citation import Reference
from tests.conftest import FIXTURES, dossier_of, make_project, run_generator

PUBLICATION = Publication(site_url="https://example.org/dossier/", site_name="A & B dossier",
                          edition_names=(("id", "Dosir A & B"),))


@pytest.fixture(scope="module")
def dossier():
    from generator.settings import use
    from tests.languages import FIXTURE_SETTINGS
    with use(FIXTURE_SETTINGS):
        return dossier_of(FIXTURES / "valid")


def page_files(d, language: str, publication: Publication = PUBLICATION) -> dict[str, bytes]:
    """Each entity page's own citation downloads, decoded from the ``data:`` addresses
    the rendered page carries, as ``cite/<folder>/<id>.<ext>``."""
    with i18n.edition(language):
        pages = render(d, 1, publication.site_url and publication.site_url + prefix(language),
                       publication)
    made = {}
    for folder in FOLDERS:
        for entity_id in d.corpus.folder(folder):
            block = pages[f"{folder}/{entity_id}.md"].split('class="dossier-cite-downloads"')[1]
            block = block.split("</p>")[0]
            for href, name in re.findall(r'href="(data:[^"]+)" download="([^"]+)"', block):
                data = base64.b64decode(href.split("base64,", 1)[1])
                made[f"cite/{folder}/{entity_id}.{name.rsplit('.', 1)[1]}"] = data
    return made


def parsed(files: dict[str, bytes], stem: str) -> dict[str, dict]:
    """The one record of each format's file at ``stem``, as its library reads it."""
    bib = bibtexparser.parse_string(files[f"{stem}.bib"].decode(),
                                    append_middleware=[LatexDecodingMiddleware()])
    assert not bib.failed_blocks
    (entry,) = bib.entries
    (record,) = rispy.loads(files[f"{stem}.ris"].decode())
    (item,) = json.loads(files[f"{stem}.json"])
    return {"bib": entry.fields_dict, "ris": record, "csl": item}


def reference(date: str, **fields) -> Reference:
    return Reference(key="report-x", kind="report", title="Headline", container="Outlet",
                     authors=("A. Writer",), date=parse_date(date, allow_time=True),
                     url="https://news.example/x", language="id", **fields)


def test_every_page_citation_names_the_same_title_and_date_in_all_three_formats(dossier):
    files = page_files(dossier, "en")
    for folder in FOLDERS:
        for entity_id in dossier.corpus.folder(folder):
            formats = parsed(files, f"cite/{folder}/{entity_id}")
            titles = {formats["bib"]["title"].value, formats["ris"]["title"],
                      formats["csl"]["title"]}
            assert len(titles) == 1
            date = formats["csl"].get("issued")
            if date:
                y, m, d = date["date-parts"][0]
                assert formats["bib"]["date"].value == f"{y:04d}-{m:02d}-{d:02d}"
                assert formats["ris"]["date"] == f"{y:04d}/{m:02d}/{d:02d}/"


def test_a_page_citation_is_by_the_curators_at_the_page_address_in_its_edition(dossier):
    article_id = next(iter(dossier.corpus.articles))
    formats = parsed(page_files(dossier, "id"), f"cite/articles/{article_id}")
    assert formats["csl"]["URL"] == f"https://example.org/dossier/id/articles/{article_id}/"
    assert formats["csl"]["container-title"] == "Dosir A & B"
    assert formats["ris"]["authors"] == ["Kurator dosir"]
    assert formats["bib"]["organization"].value == "Dosir A & B"


def test_a_report_citation_has_the_outlet_the_headline_and_the_address(dossier):
    files = citations.files(dossier, PUBLICATION)
    for article in dossier.corpus.articles.values():
        formats = parsed(files, f"cite/reports/{article.id}")
        assert formats["csl"]["type"] == "article-newspaper"
        assert formats["ris"]["type_of_reference"] == "NEWS"
        assert formats["bib"]["entrysubtype"].value == "newspaper"
        assert {formats["bib"]["journaltitle"].value, formats["ris"]["secondary_title"],
                formats["csl"]["container-title"]} == {article.outlet}
        assert {formats["bib"]["title"].value, formats["ris"]["title"],
                formats["csl"]["title"]} == {article.title}
        assert {formats["bib"]["url"].value, formats["ris"]["urls"][0],
                formats["csl"]["URL"]} == {article.url}
        assert formats["ris"]["authors"] == article.authors


def test_a_report_in_another_language_carries_its_headline_translation(dossier):
    article = next(a for a in dossier.corpus.articles.values() if a.title_en)
    formats = parsed(citations.files(dossier, PUBLICATION), f"cite/reports/{article.id}")
    assert formats["ris"]["translated_title"] == article.title_en
    assert article.title_en in formats["bib"]["titleaddon"].value
    assert article.title_en in formats["csl"]["note"]


def test_a_month_stays_a_month_in_every_format():
    ref = reference("2023-09")
    assert citations.csl_item(ref)["issued"] == {"date-parts": [[2023, 9]]}
    (record,) = rispy.loads(citations.ris([ref]).decode())
    assert record["date"] == "2023/09//"
    (entry,) = bibtexparser.parse_string(citations.bibtex([ref]).decode()).entries
    assert entry["date"] == "2023-09"
    with i18n.edition("en"):
        assert "(Sep 2023)" in citation.formatted(ref)


def test_an_approximate_date_is_never_given_as_exact():
    ref = reference("2023-09-05~")
    issued = citations.csl_item(ref)["issued"]
    assert issued["circa"] is True and issued["raw"] == "2023-09-05~"
    (record,) = rispy.loads(citations.ris([ref]).decode())
    assert record["date"] == "2023/09/05/approximate"
    (entry,) = bibtexparser.parse_string(citations.bibtex([ref]).decode()).entries
    assert entry["date"] == "2023-09-05~"
    with i18n.edition("en"):
        assert "(c. 5 Sep 2023)" in citation.formatted(ref)


def test_an_uncertain_date_and_an_interval_keep_their_edtf_form():
    uncertain, interval = reference("2023-09-05?"), reference("2023-09-10/2023-09-13")
    assert citations.csl_item(uncertain)["issued"]["raw"] == "2023-09-05?"
    assert "circa" not in citations.csl_item(uncertain)["issued"]
    assert citations.csl_item(interval)["issued"]["date-parts"] == [[2023, 9, 10], [2023, 9, 13]]
    (entry,) = bibtexparser.parse_string(citations.bibtex([interval]).decode()).entries
    assert entry["date"] == "2023-09-10/2023-09-13"
    (record,) = rispy.loads(citations.ris([uncertain]).decode())
    assert record["date"] == "2023/09/05/uncertain"


def test_special_characters_survive_bibtex_as_its_parser_reads_them():
    title = "50% of {tariffs} & #fees_2024 \\ Águas"
    ref = Reference(key="page-x", kind="page", title=title, container="Site",
                    authors=("Curators",), date=None, url="https://x.example/a_b%20c",
                    language="en")
    library = bibtexparser.parse_string(citations.bibtex([ref]).decode(),
                                        append_middleware=[LatexDecodingMiddleware()])
    (entry,) = library.entries
    assert entry["title"] == title
    # An address is verbatim in biblatex: read as it is written, not as LaTeX.
    (raw,) = bibtexparser.parse_string(citations.bibtex([ref]).decode()).entries
    assert raw["url"] == "https://x.example/a_b%20c"


def test_the_suggested_citation_is_in_the_editions_language_and_escapes_the_words():
    ref = reference("2023-09-05", translated_title="<b>Judul</b>")
    with i18n.edition("id"):
        text = citation.formatted(ref)
    assert "Tersedia pada" in text and "5 Sep 2023" in text
    assert "&lt;b&gt;Judul&lt;/b&gt;" in text and "<b>" not in text


def test_a_page_without_a_known_change_has_no_date_rather_than_an_invented_one(dossier):
    entity = next(iter(dossier.corpus.actors.values()))
    from dataclasses import replace
    from generator.dossier.history import History
    with i18n.edition("en"):
        ref = citation.page_reference(replace(dossier, history=History()), "actors", entity,
                                      "Site", "https://x.example/")
        assert ref.date is None
        assert "(no date)" in citation.formatted(ref)
    assert "issued" not in citations.csl_item(ref)
    assert not any(name == "citation_date" for name, _ in citation.meta_tags(ref))


def test_every_entity_page_has_citation_meta_tags_and_a_cite_block(dossier):
    for language in ("en", "id"):
        with i18n.edition(language):
            pages = render(dossier, 1, None, PUBLICATION)
        for folder in FOLDERS:
            for entity_id in dossier.corpus.folder(folder):
                text = pages[f"{folder}/{entity_id}.md"]
                assert '["citation_title", ' in text.split("---")[1]
                assert 'class="dossier-cite"' in text
                assert 'href="data:application/x-bibtex;charset=utf-8;base64,' in text
        article_id = next(iter(dossier.corpus.articles))
        up = "../../" if language == "en" else "../../../"
        assert f'href="{up}cite/reports/{article_id}.ris"' in pages[f"articles/{article_id}.md"]


def test_the_bibliography_in_data_holds_every_report_in_three_formats(dossier):
    files = citations.bibliography(dossier)
    assert len(bibtexparser.parse_string(files["data/bibliography.bib"].decode()).entries) \
        == len(dossier.corpus.articles)
    assert len(rispy.loads(files["data/bibliography.ris"].decode())) == len(dossier.corpus.articles)
    assert len(json.loads(files["data/bibliography.json"])) == len(dossier.corpus.articles)


def test_the_citation_files_are_the_same_bytes_on_every_build(dossier):
    assert page_files(dossier, "id") == page_files(dossier, "id")
    assert citations.files(dossier, PUBLICATION) == citations.files(dossier, PUBLICATION)


# Archived copies

def archived_corpus(tmp_path, text: str):
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "valid", sources)
    path = next((sources / "articles").glob("*.yml"))
    path.write_text(path.read_text() + text)
    return sources, path


ARCHIVE = ("archived_url: https://web.archive.org/web/20240313000000/https://x.example/a\n"
           "archived_on: 2024-03-13\n")


def test_an_archived_source_is_a_robust_link_with_its_snapshot_and_its_day(tmp_path):
    sources, path = archived_corpus(tmp_path, ARCHIVE)
    d = dossier_of(sources)
    with i18n.edition("en"):
        pages = render(d, 1)
    text = pages[f"articles/{path.stem}.md"]
    table = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    html = markdown.markdown(table, extensions=["attr_list", "tables"])
    links = lxml.html.fromstring(html).xpath("//a[@data-versiondate]")
    original, archived = links
    snapshot = "https://web.archive.org/web/20240313000000/https://x.example/a"
    assert original.get("data-versionurl") == snapshot == archived.get("href")
    assert archived.get("data-originalurl") == original.get("href")
    assert {original.get("data-versiondate"), archived.get("data-versiondate")} == {"2024-03-13"}
    assert archived.text_content() == "archived copy (13 Mar 2024)"


def test_archived_on_without_archived_url_is_an_error_with_file_and_line(tmp_path):
    project = make_project(tmp_path, archived_corpus(tmp_path, "archived_on: 2024-03-13\n")[0])
    result = run_generator("check", cwd=project)
    assert result.code == 1
    assert "archived_on" in result.err and ".yml:" in result.err


def test_check_prints_the_archive_coverage_as_a_figure(tmp_path):
    project = make_project(tmp_path, archived_corpus(tmp_path, ARCHIVE)[0])
    result = run_generator("check", "--strict", cwd=project)
    assert result.code == 0, result.err
    assert "archived: 1 of 2 articles" in result.out


def test_in_the_built_site_every_cite_download_is_there_and_every_page_has_citation_tags(
        built_sites):
    site = built_sites("mkdocs", FIXTURES / "valid")
    pages = [p for p in site.glob("**/index.html")
             if p.parent.parent.name in FOLDERS and p.parent.parent.parent in (site, site / "id")]
    assert pages
    for page in pages:
        document = lxml.html.fromstring(page.read_bytes())
        assert document.xpath("//head/meta[@name='citation_title']/@content")
        hrefs = document.xpath("//div[contains(@class, 'dossier-cite')]//a[@download]/@href")
        assert len(hrefs) in (3, 6)
        # The page's own citation is in the page; the news report's is a file of the site.
        assert all(href.startswith("data:") for href in hrefs[:3])
        for href in hrefs[3:]:
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_a_dossier_written_in_indonesian_cites_its_pages_in_indonesian_at_its_root():
    from generator.settings import Settings, use
    with use(Settings(language="id")):
        d = dossier_of(FIXTURES / "indonesian")
        files = page_files(d, "id", Publication(site_url="https://example.org/dossier/"))
        article = next(iter(d.corpus.articles.values()))
        with i18n.edition("id"):
            text = citation.formatted(citation.page_reference(
                d, "articles", article, "Dosir", "https://example.org/dossier/"))
    formats = parsed(files, f"cite/articles/{article.id}")
    assert formats["csl"]["URL"] == f"https://example.org/dossier/articles/{article.id}/"
    assert formats["csl"]["language"] == "id"
    assert formats["ris"]["authors"] == ["Kurator dosir"]
    assert "Tersedia pada" in text
