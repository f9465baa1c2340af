"""Interface strings in English, in an edition with no catalogue: marked where markup
can stand, plain where it cannot (generator/text/english.py)."""

from __future__ import annotations

from generator.text import i18n
from generator.text.english import END, START, in_file, in_page, mark

SPAN = '<span lang="en">Sources</span>'


def test_a_language_without_a_catalogue_brackets_every_interface_string():
    assert i18n.translations("fr").gettext("Sources") == mark("Sources")
    assert i18n.translations("fr").ngettext("%(count)s article", "%(count)s articles", 2) \
        == mark("%(count)s articles")


def test_a_language_with_a_catalogue_and_english_bracket_nothing():
    assert i18n.translations("en").gettext("Sources") == "Sources"
    assert START not in i18n.translations("id").gettext("Sources")


def test_a_heading_in_a_page_body_becomes_an_english_span():
    assert in_page(f"## {mark('Sources')}\n") == f"## {SPAN}\n"


def test_the_front_matter_keeps_the_string_plain():
    page = f'---\ntitle: "{mark("Sources")}"\n---\n{mark("Sources")}\n'
    assert in_page(page) == f'---\ntitle: "Sources"\n---\n{SPAN}\n'


def test_an_attribute_keeps_the_string_plain_and_its_elements_text_is_marked():
    html = f'<a title="{mark("Sources")}" href="x/">{mark("Sources")}</a>'
    assert in_page(html) == f'<a title="Sources" href="x/">{SPAN}</a>'


def test_drawings_scripts_and_admonition_titles_keep_the_string_plain():
    for text in (f'<svg><text>{mark("Sources")}</text></svg>',
                 f'<script>{{"w": "{mark("Sources")}"}}</script>'):
        assert in_page(text) == text.replace(START, "").replace(END, "")


def test_other_text_files_are_plain_and_pictures_untouched():
    assert in_file("feed.xml", mark("Sources").encode()) == b"Sources"
    assert in_file("data/actors.csv", mark("Sources")) == "Sources"
    png = b"\x89PNG" + START.encode()
    assert in_file("cards/site.png", png) == png


def test_an_admonition_with_an_english_title_is_written_as_html_with_the_title_marked():
    page = f'!!! note "{mark("Sources")}"\n    {mark("Sources")} here.\n\nAfter.\n'
    assert in_page(page) == (f'<div class="admonition note" markdown>\n'
                             f'<p class="admonition-title">{SPAN}</p>\n\n'
                             f'{SPAN} here.\n\n</div>\n\nAfter.\n')
