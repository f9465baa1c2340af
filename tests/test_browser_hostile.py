"""Script payloads in every text field of every entity type stay inert in a browser."""

from __future__ import annotations

import pytest

from .browser import chromium, search, serve
from .conftest import FIXTURES

_INERT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
          && (value.startsWith('javascript:') || value.startsWith('data:text/html')))
        bad.push(`${el.tagName} ${name}=${value.slice(0, 40)}`);
    }
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_site(built_sites):
    return built_sites("mkdocs", FIXTURES / "hostile")


def test_no_dialog_opens_and_no_live_markup_on_any_page(hostile_site):
    pages = sorted(p.relative_to(hostile_site).as_posix()
                   for p in hostile_site.rglob("index.html"))
    assert len(pages) > 20
    dialogs, findings = [], {}
    with serve(hostile_site) as url, chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            page.goto(f"{url}/{path}")
            page.wait_for_load_state("load")
            bad = page.evaluate(_INERT)
            if bad:
                findings[path] = bad
        page.goto(f"{url}/")
        results = search(page, "Quote")
        assert results
        bad = page.evaluate(_INERT)
        if bad:
            findings["search results"] = bad
    assert dialogs == []
    assert findings == {}


def test_the_payload_text_is_shown_as_text(hostile_site):
    with serve(hostile_site) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}/actors/hostile-person/")
        heading = page.locator("h1").inner_text()
        assert "<script>alert(1)</script>" in heading
        assert "{{ 7*7 }}" in heading
        assert "<script>" in page.title()


def test_a_summary_that_closes_the_script_element_stays_inside_the_structured_data(hostile_site):
    with serve(hostile_site) as url, chromium() as browser:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/actors/hostile-person/")
        blocks = page.locator('script[type="application/ld+json"]')
        assert blocks.count() == 1
        data = page.evaluate("t => JSON.parse(t)", blocks.first.text_content())
        assert "</script><script>alert(1)</script> <!-- <script>" in data["about"]["description"]
        assert page.locator("script:not([src]):not([type])").evaluate_all(
            "nodes => nodes.filter(n => n.textContent.includes('alert')).length") == 0
        assert dialogs == []
