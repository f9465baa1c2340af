"""On a phone (390 px) no page of either corpus is wider than the screen, and no table
of ours scrolls sideways: only the drawings and the claims matrix, which say so, scroll
inside their own labelled boxes."""

from __future__ import annotations

import pytest

from .browser import serve
from .conftest import FIXTURES

WIDTH = 390
WIDER = """() => {
  const wide = [];
  if (document.documentElement.scrollWidth > innerWidth) {
    wide.push('page ' + document.documentElement.scrollWidth);
  }
  for (const box of document.querySelectorAll('article .md-typeset__scrollwrap, article table')) {
    if (box.scrollWidth > box.clientWidth + 1 && !box.closest('.dossier-matrix')) {
      wide.push(box.tagName.toLowerCase() + ' ' + box.scrollWidth);
    }
  }
  return wide;
}"""


@pytest.mark.parametrize("corpus", ["seed", "valid"])
def test_no_page_is_wider_than_a_phones_screen(browser, built_sites, corpus):
    site = built_sites("mkdocs", *(() if corpus == "seed" else (FIXTURES / "valid",)))
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if "pagefind" not in p.parts)
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    wide = {}
    try:
        with serve(site) as base:
            for path in pages:
                page.goto(f"{base}/{'' if path == '.' else path + '/'}")
                found = page.evaluate(WIDER)
                if found:
                    wide[path] = found
    finally:
        context.close()
    assert wide == {}
