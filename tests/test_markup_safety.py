"""Contributor text comes out as text: no script, handler, link scheme or template runs.

``fixtures/hostile/`` puts script, event-handler, ``javascript:``/``data:`` link,
template and attribute-list payloads into every text field of every entity type.
Both it and the clean ``fixtures/valid/`` corpus are built into real sites; every
HTML page and the search index of the hostile site may hold only the scripts,
handlers and tags that the theme puts into the clean one.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.dossier import schema
from generator.views.citation import MEDIA_TYPES
from tests.languages import EDITIONS, TRANSLATION_LANGUAGES, prefix
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
VALID = FIXTURES / "valid"
ENTITY_FOLDERS = ("articles", "actors", "events", "claims", "places")
SCRIPT_TEXT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
TEMPLATE = "ssti-{{ 7*7 }}-end"
EVALUATED = "ssti-49-end"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data",
                  "poster", "background", "ping", "cite", "longdesc", "manifest"}
_RELATIVE = re.compile(r'"(?:\.\./)*\.\.(?:/)?"|"\."')


@dataclass
class Page:
    """What one HTML document contains, as a browser's tokenizer would see it."""

    tags: Counter = field(default_factory=Counter)
    scripts: list[tuple] = field(default_factory=list)
    structured: list[str] = field(default_factory=list)
    """Bodies of ``application/ld+json`` scripts: data, different on every page."""
    handlers: set[tuple[str, str, str]] = field(default_factory=set)
    urls: list[tuple[str, str, str]] = field(default_factory=list)
    metas: list[dict] = field(default_factory=list)
    title: str = ""
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in = None
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        p = self.page
        p.tags[tag] += 1
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                p.handlers.add((tag, name, value))
            if name in URL_ATTRIBUTES or name == "style":
                p.urls.append((tag, name, value))
        if tag == "meta":
            p.metas.append(values)
        if tag == "script":
            self._script = {"src": _normalise(values.get("src", "")),
                            "attrs": tuple(sorted(k for k in values if k != "src")), "body": "",
                            "data": values.get("type") == "application/ld+json"}
        self._in = tag

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            s = self._script
            if s["data"]:
                self.page.structured.append(s["body"])
            else:
                self.page.scripts.append((s["src"], s["attrs"], _normalise(s["body"])))
            self._script = None
        self._in = None

    def handle_data(self, data):
        if self._script is not None:
            self._script["body"] += data
        elif self._in == "title":
            self.page.title += data
        else:
            self._text.append(data)

    def close(self):
        super().close()
        self.page.text = "".join(self._text)


def _normalise(text: str) -> str:
    """The same theme script on pages at different depths: relative paths removed."""
    text = re.sub(r"^(?:\.\./)+", "", text)
    return _RELATIVE.sub('"REL"', text)


def read_html(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


@pytest.fixture(scope="module")
def hostile_site(built_sites) -> Path:
    return built_sites("mkdocs", HOSTILE)


@pytest.fixture(scope="module")
def hostile_pages(hostile_site) -> dict[str, Page]:
    return {p.relative_to(hostile_site).as_posix(): read_html(p.read_text(encoding="utf-8"))
            for p in sorted(hostile_site.rglob("*.html"))}


@pytest.fixture(scope="module")
def theme(built_sites) -> Page:
    """Everything the theme emits, from a site built of the clean corpus."""
    site = built_sites("mkdocs", VALID)
    merged = Page()
    for path in site.rglob("*.html"):
        page = read_html(path.read_text(encoding="utf-8"))
        merged.tags.update(page.tags)
        merged.scripts.extend(page.scripts)
        merged.handlers |= page.handlers
    return merged


@pytest.fixture(scope="module")
def search_index(hostile_site) -> list[dict]:
    """Pagefind's page fragments: gzip, a signature, then JSON."""
    fragments = []
    for path in sorted((hostile_site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data[len(b"pagefind_dcd"):]))
    return fragments


def _entity_pages(pages: dict[str, Page]) -> dict[str, Page]:
    """The page of every hostile entity in every edition, by its path under site/."""
    paths = [f"{prefix(language)}{folder}/{source.stem}/index.html" for language in EDITIONS
             for folder in ENTITY_FOLDERS for source in sorted((HOSTILE / folder).glob("*.yml"))]
    return {path: pages[path] for path in paths}


def _text_fields(fields, prefix=""):
    """Dotted names of every plain-text and Markdown field in the content model."""
    for f in fields:
        kind = f.type.item if isinstance(f.type, schema.ListOf) else f.type
        if isinstance(kind, (schema.Text, schema.Markdown)):
            yield prefix + f.name
        elif isinstance(kind, schema.Obj):
            yield from _text_fields(kind.fields, f"{prefix}{f.name}.")
        elif isinstance(kind, schema.Translations):
            for language in TRANSLATION_LANGUAGES:
                translated = schema.Field(f"{f.name}.{language}", kind.item, False, "")
                yield from _text_fields((translated,), prefix)


def _values(data, dotted: str) -> list:
    head, _, rest = dotted.partition(".")
    value = data.get(head) if isinstance(data, dict) else None
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [v for item in items for v in (_values(item, rest) if rest else [item])]


def test_the_hostile_fixture_puts_payloads_in_every_text_field_of_the_model():
    for folder, entity_type in schema.ENTITY_TYPES.items():
        documents = [yaml.safe_load(p.read_text(encoding="utf-8"))
                     for p in (HOSTILE / folder).glob("*.yml")]
        for name in _text_fields(entity_type.fields):
            values = [v for d in documents for v in _values(d, name)]
            assert any(SCRIPT_TEXT in v for v in values), f"{folder}: {name}"
            assert any('{: onclick="alert(1)" }' in v for v in values), f"{folder}: {name}"


def test_every_hostile_entity_has_its_page_in_every_edition(hostile_pages):
    assert len(_entity_pages(hostile_pages)) == len(list(HOSTILE.rglob("*.yml"))) * len(EDITIONS)


@pytest.mark.parametrize("path, payload", [
    ("id/actors/hostile-person/index.html", "ID Person name " + SCRIPT_TEXT),
    ("id/actors/hostile-person/index.html", "ID Person summary " + SCRIPT_TEXT),
    ("id/articles/2024-05-02-gazeta-payload-report/index.html", "ID Key point one " + SCRIPT_TEXT),
    ("id/articles/2024-05-02-gazeta-payload-report/index.html",
     "Quote translations id " + SCRIPT_TEXT),
    ("id/claims/hostile-claim/index.html", "Stance translations id " + SCRIPT_TEXT),
    ("claims/hostile-claim/index.html", "Stance translation " + SCRIPT_TEXT),
])
def test_translated_payloads_are_shown_as_text_on_their_editions_page(hostile_pages, path,
                                                                      payload):
    assert payload in hostile_pages[path].text


def test_every_page_has_only_the_themes_own_scripts(hostile_pages, theme):
    allowed = set(theme.scripts)
    assert allowed, "the clean site should carry the theme's scripts"
    for path, page in hostile_pages.items():
        assert set(page.scripts) <= allowed, path
        assert page.tags["script"] == len(page.scripts) + len(page.structured), path


def test_structured_data_is_one_block_of_inert_json_on_each_entity_page(hostile_pages):
    entity_pages = _entity_pages(hostile_pages)
    for path, page in hostile_pages.items():
        assert len(page.structured) == (path in entity_pages), path
    for path, page in entity_pages.items():
        body = page.structured[0]
        assert not re.search(r"[<>&]", body), path
        assert json.loads(body)["about"], path
    person = json.loads(entity_pages["actors/hostile-person/index.html"].structured[0])
    assert "</script><script>alert(1)</script> <!-- <script>" in person["about"]["description"]


def test_no_page_has_an_event_handler_the_theme_does_not_emit(hostile_pages, theme):
    for path, page in hostile_pages.items():
        assert page.handlers <= theme.handlers, (path, page.handlers - theme.handlers)


def test_no_page_has_a_tag_the_theme_does_not_use(hostile_pages, theme):
    for path, page in hostile_pages.items():
        assert set(page.tags) <= set(theme.tags), (path, set(page.tags) - set(theme.tags))
        assert page.tags["img"] == 0 and page.tags["iframe"] == 0, path


CITATION_DATA = tuple(f"data:{media};" for media in MEDIA_TYPES.values())
"""The Cite block's own downloads: data addresses of citation files, never of a page."""


def test_no_link_or_source_uses_a_javascript_or_data_url(hostile_pages):
    for path, page in hostile_pages.items():
        for tag, name, value in page.urls:
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if tag == "a" and name == "href" and squeezed.startswith(CITATION_DATA):
                continue
            assert not re.search(r"(^|url\()['\"]?(javascript|data|vbscript):", squeezed), \
                (path, tag, name, value)


def test_payloads_are_shown_as_text_on_every_entity_page(hostile_site, hostile_pages):
    for path, page in _entity_pages(hostile_pages).items():
        raw = (hostile_site / path).read_text(encoding="utf-8")
        assert ESCAPED_SCRIPT in raw, path
        assert SCRIPT_TEXT in page.text, path
        assert TEMPLATE in page.text, path
        assert "{% raw %}" in page.text, path
        assert '{: onclick="alert(1)" }' in page.text, path
        assert "onerror=alert(1)>" in page.text and "<svg onload=alert(1)>" in page.text, path


def test_template_syntax_is_never_evaluated(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            assert EVALUATED not in path.read_text(encoding="utf-8"), path


def test_markdown_links_to_javascript_and_data_keep_their_text_and_lose_the_link(
        hostile_pages):
    page = hostile_pages["articles/2024-05-02-gazeta-payload-report/index.html"]
    # The summary's [x](javascript:...) and [y](data:...) links: text stays, no href.
    assert re.search(r"Article summary .*\bx y\b", page.text, re.S)
    assert "--8<-- \"about.md\"" in page.text


def test_the_title_element_holds_the_payload_as_text(hostile_site, hostile_pages):
    with_template = 0
    for path, page in _entity_pages(hostile_pages).items():
        raw = (hostile_site / path).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", raw, re.S).group(1)
        assert "<" not in title and ">" not in title, (path, title)
        assert SCRIPT_TEXT in page.title, (path, page.title)
        assert '{: onclick="alert(1)" }' in page.title, (path, page.title)
        with_template += TEMPLATE in page.title
    assert with_template >= 5


def test_meta_tags_carry_the_payload_as_inert_attribute_text(hostile_pages):
    checked = 0
    for path, page in _entity_pages(hostile_pages).items():
        for meta in page.metas:
            assert set(meta) <= {"name", "content", "property", "charset", "http-equiv"}, \
                (path, meta)
        descriptions = [m["content"] for m in page.metas if m.get("name") == "description"]
        assert len(descriptions) == 1, path
        if "alert(1)" in descriptions[0]:
            checked += 1
            assert "onerror=alert(1)" in descriptions[0]
    assert checked >= 5


def test_link_preview_tags_carry_the_payload_as_inert_attribute_text(hostile_site, hostile_pages):
    with_payload = 0
    for path, page in _entity_pages(hostile_pages).items():
        previews = [m for m in page.metas if m.get("property", "").startswith("og:")]
        properties = [m["property"] for m in previews]
        assert len(properties) == len(set(properties)), path
        tags = {m["property"]: m["content"] for m in previews}
        assert SCRIPT_TEXT in tags["og:title"], (path, tags["og:title"])
        with_payload += "onerror=alert(1)" in tags["og:description"]
        raw = (hostile_site / path).read_text(encoding="utf-8")
        for name in ("og:title", "og:description"):
            content = re.search(f'<meta property="{name}" content="([^"]*)">', raw)[1]
            assert "<" not in content and ">" not in content, (path, name, content)
    assert with_payload >= 5


def test_the_search_index_holds_payloads_as_page_text_never_evaluated(search_index):
    # Pagefind stores what a reader sees: the text of the page, from which the search
    # box builds text nodes only (docs/javascripts/search.js).
    found = 0
    for fragment in search_index:
        for value in (fragment["content"], fragment["meta"].get("title", "")):
            assert EVALUATED not in value, fragment["url"]
            assert ESCAPED_SCRIPT not in value, fragment["url"]
            found += SCRIPT_TEXT in value
    assert found >= 20


def test_materials_own_search_index_is_empty(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == []


def test_unusual_line_breaks_and_invisible_characters_pass_through_harmlessly(hostile_pages):
    page = hostile_pages["places/hostile-facility/index.html"]
    assert "Facility summary with" in page.text
    assert "reversed" in page.text
