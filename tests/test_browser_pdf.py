"""The printable page of the dossier, published beside the PDF: axe-clean as a page."""

from __future__ import annotations

import pytest

from generator.outputs import Publication, pdf
from generator.settings import editions, use
from generator.text.i18n import edition

from .browser import serve, violations_at
from .conftest import FIXTURES, dossier_of
from .languages import FIXTURE_SETTINGS


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each edition's printable page of the valid corpus, in a folder served over HTTP."""
    folder = tmp_path_factory.mktemp("printable")
    with use(FIXTURE_SETTINGS):
        d = dossier_of(FIXTURES / "valid")
        for language in editions():
            with edition(language):
                (folder / f"{language}.html").write_text(pdf.printable(d, Publication()),
                                                         encoding="utf-8")
    with serve(folder) as base_url:
        yield base_url


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["en", "id"])
def test_axe_finds_no_serious_violation_on_the_printable_page(browser, printed, language,
                                                              width):
    assert violations_at(browser, f"{printed}/{language}.html", width, "light") == []
