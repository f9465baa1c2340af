"""What a shared link shows: each page's front matter for the Open Graph tags."""

from __future__ import annotations

import html
import json

import yaml

from generator.text.markup import plain_text
from generator.pages.render import SHARE_LENGTH, render

from .test_link import ARTICLE, minimal


def _front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def test_an_entity_page_is_shared_as_an_article_with_its_sections_card():
    share = _front_matter(render(minimal(), workers=1)[f"articles/{ARTICLE}.md"])["share"]
    assert share["type"] == "article"
    assert share["image"] == "cards/articles.png"
    assert share["section"] == "Articles"


def test_the_shared_description_is_the_entitys_own_summary_as_plain_text():
    d = minimal()
    article = d.corpus.articles[ARTICLE]
    share = _front_matter(render(d, workers=1)[f"articles/{ARTICLE}.md"])["share"]
    assert share["description"] == html.escape(plain_text(article.summary, SHARE_LENGTH))
    assert "*" not in share["description"] and "](" not in share["description"]


def test_a_section_index_is_shared_as_a_website_with_the_sections_card():
    share = _front_matter(render(minimal(), workers=1)["timeline/index.md"])["share"]
    assert share == {"type": "website", "image": "cards/timeline.png", "section": "Timeline"}


def test_the_shared_description_is_escaped_for_html():
    d = minimal()
    d.corpus.articles[ARTICLE].summary = 'Fares <b>"rise"</b> & fall'
    page = render(d, workers=1)[f"articles/{ARTICLE}.md"]
    assert json.dumps("Fares &lt;b&gt;&quot;rise&quot;&lt;/b&gt; &amp; fall") in page


def test_plain_text_keeps_link_text_drops_addresses_and_emphasis():
    assert plain_text("The *council* [said](https://example.org/a?b>c) **no**.", 100) \
        == "The council said no."


def test_plain_text_is_cut_on_a_word_with_an_ellipsis():
    assert plain_text("one two three four", 12) == "one two…"
    assert plain_text("one two", 12) == "one two"


def test_plain_text_shows_raw_html_as_the_text_it_is():
    assert plain_text("a <script>alert(1)</script> b", 100) == "a <script>alert(1)</script> b"
