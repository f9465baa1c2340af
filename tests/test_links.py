"""`make links`: LinkChecker against a local server (127.0.0.1 only) that serves a live
page, a 404, a redirect and a page too slow to answer."""

from __future__ import annotations

import http.server
import re
import shutil
import threading
import time

import pytest

from tests.conftest import FIXTURES, make_project, run_generator

SLOW = 3
"""Seconds the slow page takes; the check waits for one."""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/live":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>live</title>")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/live")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(SLOW)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def project_with(tmp_path, addresses: dict[str, dict[str, str]], server: str):
    """The valid fixture corpus with its articles' addresses as given, by file name, and
    every other address (an actor's references) the server's live page: nothing leaves
    the machine."""
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "valid", sources)
    for path in sources.glob("*/*.yml"):
        if path.parent.name == "articles":
            continue
        path.write_text(re.sub(r"(url: )https?://\S+", rf"\g<1>{server}/live", path.read_text()))
    for path in sorted((sources / "articles").glob("*.yml")):
        lines = [line for line in path.read_text().splitlines()
                 if not line.startswith(("url:", "archived_url:", "archived_on:"))]
        for key, value in addresses.pop(path.name, {}).items():
            lines.append(f"{key}: {value}")
        path.write_text("\n".join(lines) + "\n")
    return make_project(tmp_path, sources)


ARTICLES = sorted(p.name for p in (FIXTURES / "valid" / "articles").glob("*.yml"))


def line_of(project, name: str, key: str) -> str:
    path = project / "sources" / "articles" / name
    number = next(i for i, line in enumerate(path.read_text().splitlines(), 1)
                  if line.startswith(f"{key}:"))
    return f"sources/articles/{name}:{number}"


def test_a_dead_link_fails_the_check_and_is_reported_with_file_and_line(tmp_path, server):
    project = project_with(tmp_path, {
        ARTICLES[0]: {"url": f"{server}/gone", "archived_url": f"{server}/moved",
                      "archived_on": "2024-03-13"},
        ARTICLES[1]: {"url": f"{server}/slow"}}, server)
    result = run_generator("links", "--timeout", "1", cwd=project)
    assert result.code == 1, result.out + result.err
    dead = result.out.split("## Dead")[1].split("##")[0]
    assert f"`{line_of(project, ARTICLES[0], 'url')}` `url` {server}/gone 404" in dead
    timed_out = result.out.split("## Timed out")[1].split("##")[0]
    assert f"`{line_of(project, ARTICLES[1], 'url')}` `url` {server}/slow" in timed_out
    redirected = result.out.split("## Redirected")[1].split("##")[0]
    assert (f"`{line_of(project, ARTICLES[0], 'archived_url')}` `archived_url` "
            f"{server}/moved → {server}/live") in redirected
    unarchived = result.out.split("## Unarchived")[1]
    assert line_of(project, ARTICLES[1], "url") in unarchived
    assert ARTICLES[0] not in unarchived


def test_redirects_timeouts_and_unarchived_sources_are_reported_without_failing(tmp_path,
                                                                                server):
    project = project_with(tmp_path, {ARTICLES[0]: {"url": f"{server}/moved"},
                                      ARTICLES[1]: {"url": f"{server}/slow"}}, server)
    summary = tmp_path / "summary.md"
    result = run_generator("links", "--timeout", "1", "--summary", str(summary), cwd=project)
    assert result.code == 0, result.out + result.err
    assert "## Redirected" in result.out and "## Timed out" in result.out
    assert "## Dead" not in result.out
    assert summary.read_text().strip() == result.out.strip()


def test_a_live_archived_source_is_not_reported(tmp_path, server):
    project = project_with(tmp_path, {
        name: {"url": f"{server}/live", "archived_url": f"{server}/live",
               "archived_on": "2024-03-13"} for name in ARTICLES}, server)
    result = run_generator("links", "--timeout", "1", cwd=project)
    assert result.code == 0, result.out + result.err
    assert "0 dead, 0 timed out, 0 redirected; 0 article(s) without an archived copy" \
        in result.out
    assert "## " not in result.out
