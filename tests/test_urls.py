"""Links in raw HTML are written as the built site serves its pages."""

import pytest

from generator.text.urls import page_url, site_href


@pytest.mark.parametrize("path, url", [
    ("index.md", ""), ("claims/index.md", "claims/"), ("claims/x.md", "claims/x/"),
    ("claims/pages/2.md", "claims/pages/2/"),
])
def test_a_page_is_served_from_its_own_folder(path, url):
    assert page_url(path) == url


@pytest.mark.parametrize("href, page, expected", [
    ("../actors/x.md", "claims/index.md", "../actors/x/"),
    ("x.md", "claims/index.md", "x/"),
    ("../articles/a.md", "claims/y.md", "../../articles/a/"),
    ("../../articles/a.md", "claims/pages/2.md", "../../../articles/a/"),
    ("../index.md", "claims/pages/2.md", "../../"),
    ("y.md", "claims/y.md", "./"),
])
def test_a_markdown_link_becomes_the_address_relative_to_the_built_page(href, page, expected):
    assert site_href(href, page) == expected
