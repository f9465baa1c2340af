"""One sitemap at the root for every edition, with each page's counterparts, and a
robots.txt that names it (generator/build/sitemaps.py), on engine sitemaps made here."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.build import sitemaps
from generator.settings import Settings, use

SITE = "https://example.org/water/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _engine_sitemap(path: Path, locs: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    urls = "".join(f"<url><loc>{loc}</loc><lastmod>2024-03-20</lastmod></url>" for loc in locs)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                    f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', "utf-8")


def _site(tmp_path: Path, editions: dict[str, list[str]]) -> Path:
    for folder, paths in editions.items():
        _engine_sitemap(tmp_path / folder / "sitemap.xml", [SITE + folder + p for p in paths])
    (tmp_path / "sitemap.xml.gz").write_bytes(b"")
    return tmp_path


def _urls(site: Path) -> dict[str, dict[str, str]]:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return {url.findtext("s:loc", namespaces=NS): {
        link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)}


def test_the_root_sitemap_lists_every_page_of_every_edition(tmp_path):
    site = _site(tmp_path, {"": ["", "actors/ana/"], "pt/": ["", "actors/ana/", "sobre/"]})
    with use(Settings(language="en", translations=("pt",))):
        sitemaps.write(site, SITE)
    assert sorted(_urls(site)) == sorted([SITE, SITE + "actors/ana/", SITE + "pt/",
                                          SITE + "pt/actors/ana/", SITE + "pt/sobre/"])


def test_each_page_names_its_counterparts_and_the_default(tmp_path):
    site = _site(tmp_path, {"": ["actors/ana/"], "pt/": ["actors/ana/"]})
    with use(Settings(language="en", translations=("pt",))):
        sitemaps.write(site, SITE)
    expected = {"en": SITE + "actors/ana/", "pt": SITE + "pt/actors/ana/",
                "x-default": SITE + "actors/ana/"}
    assert _urls(site) == {SITE + "actors/ana/": expected, SITE + "pt/actors/ana/": expected}


def test_a_page_in_one_edition_only_has_no_alternates(tmp_path):
    site = _site(tmp_path, {"": [""], "pt/": ["", "sobre/"]})
    with use(Settings(language="en", translations=("pt",))):
        sitemaps.write(site, SITE)
    assert _urls(site)[SITE + "pt/sobre/"] == {}


def test_a_one_language_dossier_gets_no_alternates_at_all(tmp_path):
    site = _site(tmp_path, {"": ["", "actors/ana/"]})
    with use(Settings(language="pt")):
        sitemaps.write(site, SITE)
    assert _urls(site) == {SITE: {}, SITE + "actors/ana/": {}}
    assert "xhtml" not in (site / "sitemap.xml").read_text("utf-8")


def test_robots_txt_points_crawlers_to_the_root_sitemap(tmp_path):
    site = _site(tmp_path, {"": [""]})
    with use(Settings(language="en")):
        sitemaps.write(site, SITE)
    assert (site / "robots.txt").read_text("utf-8").splitlines()[-1] == f"Sitemap: {SITE}sitemap.xml"


def test_the_compressed_sitemap_is_the_same_sitemap(tmp_path):
    site = _site(tmp_path, {"": [""], "pt/": [""]})
    with use(Settings(language="en", translations=("pt",))):
        sitemaps.write(site, SITE)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == \
        (site / "sitemap.xml").read_bytes()


def test_without_the_sites_address_nothing_is_changed(tmp_path):
    site = _site(tmp_path, {"": [""], "pt/": [""]})
    before = (site / "sitemap.xml").read_bytes()
    with use(Settings(language="en", translations=("pt",))):
        sitemaps.write(site, None)
    assert (site / "sitemap.xml").read_bytes() == before
    assert not (site / "robots.txt").exists()
