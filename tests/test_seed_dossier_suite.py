"""The seed dossier runs the checks every dossier runs (generator/testing/suite.py) on
the builds the other tests share; its axe and request checks are in test_browser*.py."""

from __future__ import annotations

import pytest

from generator.testing.suite import (  # noqa: F401
    dossier_settings, test_every_edition_has_every_section_and_every_entity_page,
    test_every_internal_link_resolves, test_no_page_loads_anything_from_another_site,
    test_the_sources_are_valid_under_strict)

from .conftest import ROOT, SEED

pytestmark = pytest.mark.dossier


@pytest.fixture(scope="session")
def dossier_root():
    return ROOT


@pytest.fixture(scope="session")
def dossier_sites(built_sites):
    return lambda engine: built_sites(engine, SEED)
