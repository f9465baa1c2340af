"""What two builds of the same dossier must share: the pages, and each page's main
content as a reader gets it (its text, and where each link leads).

The engines write the same link differently (MkDocs ``../russia/``, Zensical
``../../actors/russia/``), so links are compared resolved against the page's address;
whitespace between elements and the theme's skip-link anchor are not content.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from tests.languages import TRANSLATION_LANGUAGES

# Under a path, as a project site is (``/repo/``): a link that climbs one folder too
# high still lands on the page at a server's root, and only here leads elsewhere.
ORIGIN = "http://site.invalid/dossier/"
from tests.conftest import site_pages

MAIN = ("article", "md-content__inner")


def page_paths(site: Path) -> set[str]:
    """Every HTML page of a built site, every edition's, by its path under ``site/``."""
    return {p.relative_to(site).as_posix() for p in site_pages(site)
            if not _edition_path(p.relative_to(site).parts)[0] in ("assets", "pagefind")}


def _edition_path(parts: tuple[str, ...]) -> tuple[str, ...]:
    """``parts`` within its edition: ``("id", "actors", …)`` is ``("actors", …)``."""
    return parts[1:] if len(parts) > 1 and parts[0] in TRANSLATION_LANGUAGES else parts


class _Main(HTMLParser):
    """The text and resolved links inside ``<article class="md-content__inner …">``."""

    def __init__(self, address: str):
        super().__init__(convert_charrefs=True)
        self.address = address
        self.depth = 0
        self.tokens: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if self.depth == 0:
            if tag == MAIN[0] and MAIN[1] in (found.get("class") or "").split():
                self.depth = 1
            return
        if tag == "article":
            self.depth += 1
        if tag == "a" and found.get("href"):
            self.tokens.append(f"<a {urljoin(self.address, found['href'])}>")
        elif tag == "img" and found.get("src"):
            self.tokens.append(f"<img {urljoin(self.address, found['src'])}>")

    def handle_endtag(self, tag):
        if self.depth and tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            words = data.split()
            if words:
                self.tokens.append(" ".join(words))


def main_content(html: str, path: str) -> list[str]:
    """The main content of the page at ``path`` (under site/), as comparable tokens."""
    address = urljoin(ORIGIN, path[: -len("index.html")] if path.endswith("index.html") else path)
    parser = _Main(address)
    parser.feed(html)
    return parser.tokens


def sample(paths: set[str], per_section: int) -> list[str]:
    """The first ``per_section`` pages of each top-level folder of each edition, and every
    page at an edition's root: a deterministic sample that covers every kind of page."""
    chosen: dict[str, list[str]] = {}
    for path in sorted(paths):
        parts = path.split("/")
        section = "/".join(parts[: len(parts) - len(_edition_path(tuple(parts))) + 1])
        chosen.setdefault(section, [])
        if len(chosen[section]) < per_section:
            chosen[section].append(path)
    return sorted(p for paths_ in chosen.values() for p in paths_)


def differences(first: Path, second: Path, per_section: int = 1_000_000,
                names: tuple[str, str] = ("mkdocs", "zensical")) -> list[str]:
    """What differs between two built sites, one line each; empty when at parity.

    Every page is compared unless ``per_section`` limits the sample."""
    found = []
    a, b = page_paths(first), page_paths(second)
    found += [f"only in the {names[0]} build: {p}" for p in sorted(a - b)]
    found += [f"only in the {names[1]} build: {p}" for p in sorted(b - a)]
    for path in sample(a & b, per_section):
        left = main_content((first / path).read_text(encoding="utf-8"), path)
        right = main_content((second / path).read_text(encoding="utf-8"), path)
        if left != right:
            at = next((i for i, (x, y) in enumerate(zip(left, right)) if x != y),
                      min(len(left), len(right)))
            found.append(f"{path}: main content differs at token {at}: "
                         f"{left[at:at + 1]!r} vs {right[at:at + 1]!r}")
        elif not left:
            found.append(f"{path}: no main content found")
    return found
