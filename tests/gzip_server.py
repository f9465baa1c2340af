"""Serve a built site as GitHub Pages does: text compressed with gzip when the browser
accepts it, so that what an audit measures is what a reader downloads."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from contextlib import contextmanager
from pathlib import Path

from .browser import QuietHandler

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".mjs",
              ".webmanifest", ".map"}
"""What GitHub Pages compresses: text; images and fonts are sent as they are."""


class GzipHandler(QuietHandler):
    """``SimpleHTTPRequestHandler`` with ``Content-Encoding: gzip`` for text files."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED) \
                or not self.path.split("?")[0].split("#")[0].endswith(("/", path.name)):
            # Directories without a slash (a redirect) and everything else as usual.
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_gzip(site: Path, port: int = 0):
    """``site`` on 127.0.0.1 (an ephemeral port unless given), gzip-compressed;
    yields its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
