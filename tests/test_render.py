from generator.text.markup import md_block, md_list, md_text
from generator.pages.render import front_matter, render

from .test_link import ARTICLE, minimal


def test_plain_text_cannot_become_markdown_or_html():
    assert md_text("<b>*x*</b> [a](b) # 1. |") == \
        "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\]\\(b\\) \\# 1\\. \\|"


def test_markdown_fields_show_raw_html_as_text():
    html = md_block("Hello *world* <script>alert(1)</script>")
    assert "<em>world</em>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html


def test_markdown_links_keep_only_web_addresses():
    html = md_block("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org/)")
    assert "javascript:" not in html and "data:" not in html
    assert 'href="https://example.org/"' in html


def test_a_rendered_html_block_has_no_blank_line_that_would_end_it():
    html = md_block("one\n\ntwo\n\n- three")
    assert "\n\n" not in html


def test_key_points_become_one_sanitised_list():
    assert md_list(["**a**", "<i>b</i>"]) == (
        '<div class="dossier-prose">\n<ul>\n<li><strong>a</strong></li>\n'
        "<li>&lt;i&gt;b&lt;/i&gt;</li>\n</ul>\n</div>")


def test_front_matter_values_are_escaped_for_html():
    assert 'title: "&lt;script&gt; &quot;x&quot;"' in front_matter('<script> "x"')


def test_rendering_twice_gives_identical_pages():
    assert render(minimal()) == render(minimal())


def test_every_entity_and_index_gets_a_page():
    pages = render(minimal())
    assert f"articles/{ARTICLE}.md" in pages
    assert {"articles/index.md", "actors/index.md", "events/index.md", "claims/index.md",
            "places/index.md", "timeline/index.md"} <= set(pages)


def test_the_article_page_links_its_actors_and_the_actor_page_links_back():
    pages = render(minimal())
    assert "(../actors/ferry-union.md)" in pages[f"articles/{ARTICLE}.md"]
    assert f"(../articles/{ARTICLE}.md)" in pages["actors/ferry-union.md"]


def test_a_contested_claim_says_so():
    assert "Contested" in render(minimal())["claims/fare-rise-is-needed.md"]


from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import markup

_PROSE = st.text(alphabet=st.sampled_from(list("ab Z1.,;'\"()?-–’\n\n  #**_[]<>&!:%\\`=+é0)")
                                         + ["\r", "\t", "\u00a0", "\u2028", "\x03"]),
                 max_size=80) | st.text(max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_PROSE)
def test_the_plain_prose_shortcut_renders_exactly_as_the_markdown_converter(text):
    fast = markup.plain_paragraphs(text)
    if fast is not None:
        assert fast == markup.converted(text)


def test_prose_with_markdown_syntax_takes_the_converter():
    assert markup.plain_paragraphs("a *b* c*d") is None
    assert markup.plain_paragraphs("[a](https://example.org)") is None
    assert markup.plain_paragraphs("1. first") is None
    assert markup.plain_paragraphs("plain words, (and) more.\n\nTwo.") == \
        "<p>plain words, (and) more.</p>\n<p>Two.</p>"


def test_the_shortcut_takes_emphasis_around_words():
    assert markup.plain_paragraphs("a *word* and **two words**.") == \
        "<p>a <em>word</em> and <strong>two words</strong>.</p>"


def test_apostrophes_and_quotes_in_plain_text_stay_readable():
    assert md_text("Workers' \"Union\"") == "Workers' \"Union\""


def test_rendering_in_several_processes_gives_the_same_pages(monkeypatch):
    from generator.pages import render as render_module
    monkeypatch.setattr(render_module, "PARALLEL_FROM", 1)
    assert render(minimal(), workers=2) == render(minimal(), workers=1)
