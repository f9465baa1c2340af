"""Addresses in raw HTML (tables, SVG), which MkDocs passes through without rewriting.

Markdown links name the target's source file (``../actors/x.md``) and MkDocs turns
them into addresses. Links inside raw HTML blocks are left alone, so they must be
written as the built site serves them: with ``use_directory_urls`` (MkDocs'
default, which this project keeps), ``docs/claims/x.md`` is served at ``claims/x/``
and ``docs/claims/index.md`` at ``claims/``.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from urllib.parse import urlsplit


def page_url(path: str) -> str:
    """The folder address of the page built from ``docs/<path>``: ``claims/x.md`` -> ``claims/x/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")]
    return stem.rstrip("/") + "/" if stem.strip("/") else ""


def site_href(md_href: str, page: str) -> str:
    """``md_href``, relative to the source of ``page``, as a link from the built page."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), md_href))
    relative = posixpath.relpath(page_url(target) or ".", page_url(page) or ".")
    return "./" if relative == "." else relative + "/"


_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_PATH = re.compile(r"(?:[A-Za-z0-9._~/-]|%[0-9A-Fa-f]{2})*")
SITE_ADDRESS_FORM = "an absolute http(s) address such as https://owner.github.io/repo/"


def site_address_problem(value: str) -> str | None:
    """Why ``value`` cannot be the site's address, or None.

    The address is printed into every page (canonical and ``hreflang`` links, link
    previews, the 404 page's assets, the feed's ids), partly by MkDocs' own templates,
    which do not escape it: so only a plain address passes, an http(s) scheme, a host
    name or IP address, a port from 1 to 65535 and a path of unreserved characters,
    with no user, query or fragment."""
    if any(not char.isprintable() or char.isspace() for char in value):
        return "holds a space, a line break or a control character"
    if not value.isascii():
        return "holds a character outside ASCII: write the host in its xn-- form and " \
               "percent-encode the path"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if parts.scheme not in ("http", "https") or not value.lower().startswith(
            f"{parts.scheme}://"):
        return "is not an http:// or https:// address"
    if "?" in value or "#" in value:
        return "has a query (?) or a fragment (#), which the site's address cannot have"
    if "@" in parts.netloc:
        return "names a user (user@host), which the site's address cannot have"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    if port is not None and not 1 <= port <= 65535 or parts.netloc.endswith(":"):
        return "has a port that is not a number from 1 to 65535"
    if not _valid_host(host, parts.netloc):
        return f"has no valid host name: {host!r}"
    if not _PATH.fullmatch(parts.path):
        return "has a path with characters other than letters, digits and - . _ ~ / " \
               "(percent-encode them)"
    return None


def _valid_host(host: str, netloc: str) -> bool:
    if netloc.startswith("["):
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    return all(_HOST_LABEL.fullmatch(label) for label in host.rstrip(".").split(".")) \
        and len(host) <= 253
