"""The Indonesian edition: the same pages under /id/, in Indonesian, linked both ways."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path
from posixpath import dirname, join, normpath

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from generator.text import i18n
from generator.dossier.dates import parse_date
from generator.dossier.diagnostics import Report
from tests.languages import EDITIONS, prefix
from generator.outputs import Publication
from generator.build.pipeline import check, generate
from generator.pages.render import PAGE_FOLDERS
from generator.build.site import ENGINES
from tests.conftest import FIXTURES, ROOT, make_project, run_generator, site_pages

VALID = FIXTURES / "valid"
HOSTILE = FIXTURES / "hostile"
LOCALES = ROOT / "generator" / "locales"
ENTITY_PAGE = re.compile(r"^(articles|actors|events|claims|places)/(?!index\.md)[^/]+\.md$")


def _pages(sources: Path) -> dict[str, str]:
    report = Report()
    dossier = check(sources, report)
    assert dossier is not None, [d.format() for d in report.items]
    return {path: text for path, text in generate(dossier, Publication(None), workers=1).items()
            if path.endswith(".md")}


@pytest.fixture(scope="module")
def valid_pages() -> dict[str, str]:
    return _pages(VALID)


def _extracted(tmp_path: Path) -> Path:
    out = tmp_path / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(LOCALES / "babel.cfg"), "-k", "N_", "-k", "Nn_:1,2", "-k",
        "gettext", "-k", "ngettext:1,2", "--no-location", "--sort-output", "--omit-header",
        "-o", str(out), str(ROOT)])
    return out


def _catalogue(path: Path, locale: str | None = None):
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def _ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


def test_the_committed_template_holds_exactly_the_strings_the_code_and_templates_use(tmp_path):
    assert (_extracted(tmp_path).read_text(encoding="utf-8")
            == (LOCALES / "messages.pot").read_text(encoding="utf-8")), "run `make messages`"


@pytest.mark.parametrize("language", [lang for lang in EDITIONS if lang != "en"])
def test_each_catalogue_translates_every_string_keeping_its_placeholders(language):
    template = _catalogue(LOCALES / "messages.pot")
    catalogue = _catalogue(i18n.catalogue_file(language), language)
    assert _ids(catalogue) == _ids(template)
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, message.id
        singular = message.id[0] if isinstance(message.id, tuple) else message.id
        for string in strings:
            assert sorted(re.findall(r"%\(\w+\)\w", string)) == \
                sorted(set(re.findall(r"%\(\w+\)\w", singular))), (message.id, string)


@pytest.mark.parametrize("written, english, indonesian", [
    ("2023-08-30", "30 Aug 2023", "30 Agu 2023"),
    ("2023-08", "Aug 2023", "Agu 2023"),
    ("2023-08-30~", "c. 30 Aug 2023", "sekitar 30 Agu 2023"),
    ("2023-10?", "Oct 2023?", "mungkin Okt 2023"),
    ("2023-12-10/2023-12-13", "10–13 Dec 2023", "10–13 Des 2023"),
])
def test_dates_are_written_as_each_editions_language_writes_them(written, english, indonesian):
    date = parse_date(written)
    assert date.label() == english
    with i18n.edition("id"):
        assert date.label() == indonesian


def test_precision_labels_are_translated():
    date = parse_date("2023-08-30~")
    assert date.precision_label() == "day, approximate"
    with i18n.edition("id"):
        assert date.precision_label() == "hari, perkiraan"


def test_every_english_page_has_its_indonesian_counterpart(valid_pages):
    # Rendered pages and each edition's data page; the downloads are one set for the site.
    english = {p for p in valid_pages if p.split("/")[0] in PAGE_FOLDERS + ("data",)}
    indonesian = {p[len("id/"):] for p in valid_pages if p.startswith("id/")}
    assert english and english == indonesian


def test_untranslated_entities_show_english_marked_lang_en_with_a_note(valid_pages):
    entity_pages = [p for p in valid_pages if ENTITY_PAGE.match(p)]
    assert entity_pages
    for path in entity_pages:
        page = valid_pages["id/" + path]
        assert '!!! note "Belum diterjemahkan"' in page, path
        assert '<span lang="en">' in page or 'lang="en">' in page, path
        assert "Belum diterjemahkan" not in valid_pages[path], path


def test_an_untranslated_summary_is_an_english_block(valid_pages):
    page = valid_pages["id/actors/maria-costa.md"]
    assert '<div class="dossier-prose" lang="en">\n<p>Maria Costa was the mayor' in page
    assert "# <span lang=\"en\">Maria Costa</span>" in page


def test_interface_strings_are_indonesian_on_indonesian_pages(valid_pages):
    page = valid_pages["id/articles/2024-03-12-jornal-do-vale-contrato-agua.md"]
    for word in ("| Media |", "| Terbit |", "## Ringkasan", "## Kutipan",
                 "| Bahasa | Portugis \\(pt\\) |"):
        assert word in page
    assert "| Outlet |" in valid_pages["articles/2024-03-12-jornal-do-vale-contrato-agua.md"]


def test_a_translated_entity_shows_its_translation_without_a_note():
    pages = _pages(HOSTILE)
    page = pages["id/actors/hostile-person.md"]
    assert "# ID Person name" in page
    assert "Belum diterjemahkan" not in page


def test_a_quote_in_the_editions_own_language_shows_no_translation(tmp_path):
    project = make_project(tmp_path, VALID)
    (project / "sources/articles/2024-03-16-harian-contoh.yml").write_text(
        "title: Dewan meninjau kontrak air\noutlet: Harian Contoh\npublished: 2024-03-16\n"
        "language: id\nsummary: The council reviews the contract.\nactors: [maria-costa]\n"
        "quotes:\n  - by: maria-costa\n    text: Kami akan meninjau kontrak ini.\n"
        "    translation: We will review this contract.\n", encoding="utf-8")
    pages = _pages(project / "sources")
    english = pages["articles/2024-03-16-harian-contoh.md"]
    indonesian = pages["id/articles/2024-03-16-harian-contoh.md"]
    assert "*We will review this contract\\.*" in english
    assert "We will review this contract" not in indonesian
    assert "Kami akan meninjau kontrak ini" in indonesian


# The built site of the other-topic corpus, which has no translations at all, as each
# engine builds it.

@pytest.fixture(scope="module", params=ENGINES)
def site(request, built_sites) -> Path:
    return built_sites(request.param, VALID)


EMBEDS = "embed/"
"""The embeddable views' pages (generator/theme/embed.html)."""


def _html_pages(site: Path, edition: str) -> list[str]:
    root = site / prefix(edition)
    return sorted(p.relative_to(root).as_posix() for p in site_pages(root)
                  if edition != "en" or not p.relative_to(site).as_posix().startswith("id/"))


def test_every_english_html_page_exists_under_id(site):
    english = _html_pages(site, "en")
    assert "actors/maria-costa/index.html" in english
    assert english == _html_pages(site, "id")


@pytest.mark.parametrize("edition, label", [("en", "Search"), ("id", "Cari")])
def test_each_edition_declares_its_language_and_its_search_box_speaks_it(site, edition, label):
    for rel in _html_pages(site, edition):
        html = (site / prefix(edition) / rel).read_text(encoding="utf-8")
        assert f'<html lang="{edition}"' in html, rel
        if rel.startswith(EMBEDS):
            continue  # a view alone, for another site's frame: no header, no search box
        # Material's search box has a placeholder; Zensical's is a dialog with a label.
        assert f'placeholder="{label}"' in html or \
            f'data-md-component="search" role="dialog" aria-label="{label}"' in html, rel


def _resolve(page: str, href: str) -> str:
    """The file under site/ that a relative ``href`` on ``page`` leads to."""
    target = normpath(join(dirname(page), href))
    if not href.endswith("/"):
        return target
    return "index.html" if target == "." else target + "/index.html"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_pages_language_switch_leads_to_its_counterparts(site, edition):
    for rel in _html_pages(site, edition):
        if rel == "404.html":
            continue
        page = prefix(edition) + rel
        html = (site / page).read_text(encoding="utf-8")
        # An embedded view has no header, so no language switch.
        if rel.startswith(EMBEDS):
            continue
        # The address as a browser reads it: Zensical's templates escape "/" as &#x2f;.
        switch = dict((lang, html_module.unescape(href)) for href, lang in re.findall(
            r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link"', html))
        for other in EDITIONS:
            assert _resolve(page, switch[other]) == prefix(other) + rel, (page, other)


@pytest.mark.parametrize("edition", EDITIONS)
def test_without_the_sites_address_no_head_link_carries_an_hreflang(site, edition):
    # Search engines, and Lighthouse's audit, take an hreflang only on an absolute
    # address; the published build has them (test_publishing.py).
    for rel in _html_pages(site, edition):
        head = (site / prefix(edition) / rel).read_text(encoding="utf-8").split("</head>")[0]
        assert "hreflang" not in head, rel


def test_each_edition_has_its_own_search_index_in_its_language(site):
    for edition in EDITIONS:
        entry = json.loads((site / prefix(edition) / "pagefind/pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [edition]


def test_check_reports_zero_coverage_for_a_corpus_without_translations(tmp_path):
    run = run_generator("check", "--strict", cwd=make_project(tmp_path, VALID))
    assert run.code == 0
    assert "translations: id 0 %" in run.out


def test_every_hand_written_page_has_an_indonesian_version():
    english = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert english and english == sorted(p.name for p in (ROOT / "docs" / "id").glob("*.md"))


def test_the_indonesian_edition_has_its_own_title_and_preview_locale(site):
    html = (site / "id" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*Senjata untuk perang di Ukraina", html)
    assert '<meta property="og:locale" content="id_ID">' in html
    assert '<meta property="og:locale" content="en_GB">' in (site / "index.html").read_text("utf-8")


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_links_the_feed_of_its_own_edition_in_its_language(site, edition):
    for rel in _html_pages(site, edition):
        page = prefix(edition) + rel
        html = (site / page).read_text(encoding="utf-8")
        href = re.search(r'<link rel="alternate" type="application/atom\+xml" '
                         r'href="([^"]+)"', html).group(1)
        # The 404 page is served at any address: its link starts from the server's root.
        feed = href.removeprefix("/") if rel == "404.html" else _resolve(page, href)
        assert feed == prefix(edition) + "feed.xml", page
        assert f'xml:lang="{edition}"'.encode() in (site / feed).read_bytes()[:200]


def test_the_downloads_are_one_set_that_every_editions_data_page_links(site):
    assert sorted(p.name for p in (site / "id" / "data").iterdir()) == ["index.html"]
    for page in ("data/index.html", "id/data/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.(?:json|csv))"', html)
        assert len(links) >= 10, page
        for href in links:
            assert (site / _resolve(page, href)).is_file(), (page, href)
            assert _resolve(page, href).startswith("data/"), (page, href)


def test_each_edition_serves_its_own_share_cards_in_its_language(site):
    assert (site / "cards" / "site.png").is_file()
    assert (site / "id" / "cards" / "site.png").is_file()
    html = (site / "id" / "index.html").read_text(encoding="utf-8")
    # Zensical writes "/" in attributes as "&#x2f;".
    image = html_module.unescape(re.search(r'<meta property="og:image" content="([^"]+)"', html)[1])
    assert image.endswith("/id/cards/site.png")
