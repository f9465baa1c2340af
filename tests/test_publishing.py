"""Published as GitHub Pages publishes a project site: under /<repo>/, 404.html for the rest.

The real dossier is built with ``SITE_URL=https://example.github.io/dossier/`` and
served under ``/dossier/`` by a server that, like GitHub Pages, answers every unknown
path with the site's ``404.html``.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.languages import EDITIONS, prefix
from generator.build.site import THEME, UNLISTED
from generator.views.share import FOLDER as CARDS

from .browser import QuietHandler, serve
from .conftest import ROOT, make_project, run_generator

PUBLIC = "https://example.github.io/dossier/"
PREFIX = "/dossier/"
OPEN_GRAPH = ("og:title", "og:description", "og:type", "og:url", "og:site_name",
              "og:locale", "og:image")


class PagesHandler(QuietHandler):
    """The site under PREFIX; anything else, and any missing file, gets 404.html."""

    def translate_path(self, path):
        if not urlsplit(path).path.startswith(PREFIX):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("published"))
    result = run_generator("site", "--strict", "--root", str(project), cwd=project,
                           env={"SITE_URL": PUBLIC})
    assert result.code == 0, result.err
    return project / "site"


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site, PagesHandler) as url:
        yield url + PREFIX.rstrip("/")


def _pages(site: Path) -> dict[str, Path]:
    """Every page's public address -> its file."""
    return {PUBLIC + p.parent.relative_to(site).as_posix().removeprefix(".") +
            ("/" if p.parent != site else ""): p for p in sorted(site.rglob("index.html"))}


def _listed(site: Path) -> dict[str, Path]:
    """The pages a sitemap lists: all but the embeddable views."""
    return {address: path for address, path in _pages(site).items()
            if not address[len(PUBLIC):].removeprefix(_edition_prefix(address))
            .startswith(UNLISTED)}


def _edition_prefix(address: str) -> str:
    """The folder of the edition ``address`` belongs to ("" for the first)."""
    rel = address[len(PUBLIC):]
    return next((prefix(language) for language in EDITIONS[1:]
                 if rel.startswith(prefix(language))), "")


def _local(base_url: str, public: str) -> str:
    assert public.startswith(PUBLIC), public
    return f"{base_url}/{public[len(PUBLIC):]}"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_root_sitemap_lists_every_page_of_every_edition_once(site):
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    locs = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert len(locs) == len(set(locs))
    assert set(locs) == set(_listed(site))
    assert set(_listed(site)) != set(_pages(site)), "the fixture has embeds to leave out"


def test_each_page_in_the_sitemap_names_its_counterpart_in_every_edition(site):
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        rel = loc[len(PUBLIC):].removeprefix(prefix(EDITIONS[1]))
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        assert links == {**{language: PUBLIC + prefix(language) + rel for language in EDITIONS},
                         "x-default": PUBLIC + rel}, loc


def test_robots_txt_leads_crawlers_to_the_root_sitemap(site):
    assert f"Sitemap: {PUBLIC}sitemap.xml" in (site / "robots.txt").read_text("utf-8").splitlines()


def test_each_edition_keeps_a_sitemap_of_its_own_pages(site):
    for language in EDITIONS[1:]:
        root = ET.fromstring((site / prefix(language) / "sitemap.xml").read_bytes())
        found = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
        assert found and all(loc.startswith(PUBLIC + prefix(language)) for loc in found)


def test_every_pages_hreflang_links_are_absolute_and_lead_to_its_counterparts(site):
    for address, path in _pages(site).items():
        head = path.read_text("utf-8").split("</head>")[0]
        tags = [dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
                for tag in re.findall(r"<link\b[^>]*>", head)]
        hreflang = [t for t in tags if "hreflang" in t]
        assert all(t["href"].startswith(PUBLIC) for t in hreflang), path
        found = {t["hreflang"]: t["href"] for t in hreflang if "type" not in t}
        rel = address[len(PUBLIC):].removeprefix(prefix(EDITIONS[1]))
        for language in EDITIONS:
            assert found[language] == PUBLIC + prefix(language) + rel, (path, language)


def test_every_pages_canonical_link_is_its_own_address(site):
    for address, path in _pages(site).items():
        found = re.findall(r'<link rel="canonical" href="([^"]*)"', path.read_text("utf-8"))
        assert found == [address], path


@pytest.mark.parametrize("width", [1280, 390])
def test_a_missing_page_shows_the_styled_404_page_and_loads_everything(browser, base_url,
                                                                        width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    failed, outside = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400
            and r.request.resource_type != "document" else None)
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(base_url + "/") else None)
    try:
        response = page.goto(f"{base_url}/articles/no-such-article/")
        page.wait_for_load_state("networkidle")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "404 - Not found"
        sheets = page.evaluate("[...document.styleSheets].filter(s => s.href)"
                               ".map(s => [s.href, s.cssRules.length])")
        assert len(sheets) >= 3 and all(rules > 0 for _, rules in sheets), sheets
        header = page.eval_on_selector("header", "e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(38, 50, 56)"
        assert failed == [] and outside == []
    finally:
        context.close()


def test_the_404_pages_navigation_leads_into_the_site(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/no/such/page")
        page.locator(".md-tabs").get_by_role("link", name="Actors").click()
        page.wait_for_url(f"{base_url}/actors/")
        assert page.locator("h1").inner_text().rstrip("¶") == "Actors"
        page.go_back()
        page.locator(".md-header").get_by_role("link").first.click()
        page.wait_for_url(f"{base_url}/")
    finally:
        context.close()


# Each page is fetched and parsed by Chromium's own HTML parser; visiting them one by
# one would take a second per few pages for nothing more.
_READ_TAGS = """async urls => Promise.all(urls.map(async url => {
  const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
  return [...doc.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
    .map(e => [e.getAttribute("property") || e.name, e.content]);
}))"""


def test_every_page_has_the_open_graph_tags_and_its_image_loads(browser, base_url, site):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{base_url}/")
        addresses = list(_pages(site))
        found = page.evaluate(_READ_TAGS, [_local(base_url, a) for a in addresses])
        images = set()
        for address, pairs in zip(addresses, found):
            tags = dict(pairs)
            assert all(tags.get(name) for name in OPEN_GRAPH), (address, tags)
            assert len(pairs) == len(tags), (address, pairs)
            assert tags["og:url"] == address
            assert tags["twitter:card"] == "summary_large_image"
            # Each edition serves its own cards, with its own language's labels.
            assert tags["og:image"].startswith(PUBLIC + _edition_prefix(address) + CARDS + "/")
            images.add(tags["og:image"])
        for image in sorted(images):
            response = page.request.get(_local(base_url, image))
            assert response.status == 200, image
            assert response.headers["content-type"] == "image/png"
            assert Image.open(io.BytesIO(response.body())).size == (1200, 630)
        assert len(images) >= 6
    finally:
        context.close()


def _config(monkeypatch, site_url: str | None):
    from mkdocs.config import load_config
    if site_url is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", site_url)
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.mark.parametrize("value, expected", [
    ("https://example.github.io/dossier", "https://example.github.io/dossier/"),
    ("https://dossier.example.org", "https://dossier.example.org/"),
    ("", None),
    (None, None),
])
def test_mkdocs_reads_the_site_address_from_site_url(monkeypatch, value, expected):
    assert _config(monkeypatch, value).site_url == expected


def test_mkdocs_yml_names_the_theme_override_that_the_build_stages(monkeypatch):
    config = _config(monkeypatch, None)
    assert Path(config.theme.custom_dir) == ROOT / THEME
    assert (ROOT / THEME / "main.html").is_file()


# The three heaviest kinds of page (the largest drawings and tables); `make lighthouse`
# scores every kind, in every edition.
HEAVIEST = ("timeline", "actor", "claims index")


JUDGED = ("accessibility", "best-practices", "seo")
"""The categories the suite holds at 95: performance, which moves by twenty points with
the machine's load, is scored by `make lighthouse` on a quiet machine instead."""


@pytest.mark.parametrize("kind", HEAVIEST)
def test_lighthouse_scores_the_heaviest_pages_95_or_more_for_accessibility_practices_and_seo(
        site, kind):
    from .lighthouse import MINIMUM, run
    scores = run(site, only={kind}, folders=("",))
    assert scores
    for key, row in scores.items():
        low = {category: score for category, score in row.items()
               if category in JUDGED and score < MINIMUM}
        assert low == {}, (key, row)
