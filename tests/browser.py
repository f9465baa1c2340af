"""The browser helpers the tests share live with the generator's test suite for
dossiers (generator/testing/browser.py); the generator's own tests use the same."""

from generator.testing.browser import (  # noqa: F401
    AXE, CHROMIUM_ARGS, RESULT_LINKS, QuietHandler, Traffic, chromium, open_search, search,
    serious_violations, serve, violations_at)
