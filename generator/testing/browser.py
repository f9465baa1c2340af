"""Serve a built site on localhost and drive it with headless Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from generator.testing.browser_path import browser_path

AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        # A browser that navigates away mid-response closes the socket; that is normal.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


@contextmanager
def serve(site: Path, handler_class=QuietHandler):
    """The site on an ephemeral port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    path = browser_path()
    if path is None:
        raise RuntimeError("no Chromium found: run `make browser` or set CHROMIUM")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# The result links, in Material's box and in Zensical's dialog (where search.js draws
# them in the same markup, inside the dialog's shadow root, which Playwright's CSS
# selectors pierce).
RESULT_LINKS = ".md-search-result__item a"


def open_search(page):
    """Open the search box and return its input, whichever theme built the page.

    Material's box is in the page; on a phone it sits behind a header button. Zensical
    draws a dialog when its header button (a search icon on a phone) is clicked."""
    page.wait_for_load_state("networkidle")
    toggle = page.locator('label.md-header__button[for="__search"]')
    if page.locator("input.md-search__input").count():
        if toggle.is_visible():
            toggle.click()
        return page.locator("input.md-search__input")
    button = page.locator(".md-search__button")
    (button if button.is_visible() else toggle).click()
    return page.locator("dialog input[role=combobox]")


def search(page, query: str, timeout_s: float = 15.0) -> list[str]:
    """Type ``query`` into the theme's search box; the result links, best first.

    The index loads after the page; a query typed before it is ready may get no
    answer, so the query is typed again until results appear."""
    box = open_search(page)
    deadline = time.monotonic() + timeout_s
    while True:
        box.click()
        box.fill("")
        box.press_sequentially(query)
        try:
            page.locator(RESULT_LINKS).first.wait_for(state="attached", timeout=2_000)
            break
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise
    return page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.getAttribute('href'))")


class Traffic:
    """What a page requests and the errors it logs, from the moment this is made."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def foreign(self, base_url: str) -> list[str]:
        """The requests that left ``base_url``'s host (inline data aside)."""
        host = urlsplit(base_url).netloc
        return sorted({u for u in self.requests if urlsplit(u).netloc not in (host, "")
                       and not u.startswith(("data:", "blob:"))})


def violations_at(browser, url: str, width: int, scheme: str) -> list[dict]:
    """:func:`serious_violations` of ``url`` opened ``width`` pixels wide in ``scheme``."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return serious_violations(page)
    finally:
        context.close()


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as loaded.

    Colours are judged once the theme's fades are over: halfway through one, text is
    half transparent and its contrast is not what a reader sees."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
