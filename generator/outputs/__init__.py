"""Outputs other than Markdown pages, each made from the linked dossier.

A feed, a data download, a share image or a drawing is a module of this package
with a function ``files(dossier, publication) -> {path under docs/: bytes}``,
listed in ``OUTPUTS``. The page renderer knows nothing of them: the pipeline
puts their files beside the pages, MkDocs copies them into the site as they are,
and the same atomic build and unchanged-file rules apply to both.

An output is either the site's, made once and shared by every edition (share
cards, the data downloads), or the edition's (the feed, the data page), made once
per language inside ``i18n.edition`` and placed under that edition's folder
(``id/feed.xml``). An edition's output is also given the site's files, for a page
that describes them (the data page gives each download's size).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.dossier.link import Dossier
from generator.outputs import cards
from generator.outputs import timeline_filters


class OutputCollision(Exception):
    """Two outputs, or an output and a page, would be written to the same path."""


@dataclass(frozen=True)
class Publication:
    """Where and how the site is published: what outputs need beyond the dossier."""

    site_url: str | None = None
    """The site's public address with a trailing slash (``https://owner.github.io/repo/``),
    or None for a local build that only works relative to itself."""
    site_name: str = "Dossier"
    """The site's title, ``site_name`` in mkdocs.yml."""
    edition_names: tuple[tuple[str, str], ...] = ()
    """Each other edition's own name for the site, by language:
    ``extra.editions.<language>.site_name`` in mkdocs.yml."""

    @classmethod
    def from_environment(cls, environ=None, config: Path | None = None) -> "Publication":
        """Read ``SITE_URL``, the variable ``mkdocs.yml`` reads with ``!ENV``, and
        the site's names from ``config`` when given."""
        value = (os.environ if environ is None else environ).get("SITE_URL", "").strip()
        site_url = normalise_site_url(value) if value else None
        settings = _settings(config) if config else {}
        name = _text(settings.get("site_name"))
        own = (settings.get("extra") or {}).get("editions") or {}
        names = tuple(sorted((language, _text(v.get("site_name"))) for language, v in own.items()
                             if isinstance(v, dict) and _text(v.get("site_name"))))
        return cls(site_url=site_url, **({"site_name": name} if name else {}),
                   edition_names=names)

    def name_in(self, language: str) -> str:
        """The site's name in ``language``'s edition: its own, else the English one."""
        return dict(self.edition_names).get(language, self.site_name)

    @property
    def absolute_base(self) -> str:
        """An absolute address for what must have one (a feed's ids and links): the
        site's, or in a local build the address that ``python -m http.server`` serves
        the built site at, as the README says to open it."""
        return self.site_url or LOCAL_SITE_URL


LOCAL_SITE_URL = "http://127.0.0.1:8000/"


def _settings(config: Path) -> dict:
    # Read as every edition's configuration is; a broken or missing file leaves the
    # defaults, and the build reports it.
    from generator.build.editions import ConfigError, read_config
    try:
        data = read_config(config)
    except ConfigError:
        return {}
    return data if isinstance(data, dict) else {}


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def normalise_site_url(value: str) -> str:
    """``value`` with one trailing slash; a ValueError unless it is an http(s) address."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"SITE_URL must be an http(s) address, not {value!r}")
    return value.rstrip("/") + "/"


Files = dict[str, bytes]
SiteFiles = Callable[[Dossier, Publication], Files]
EditionFiles = Callable[[Dossier, Publication, Mapping[str, bytes]], Files]


@dataclass(frozen=True)
class Output:
    """One output module's ``files`` and whether each edition has its own."""

    files: SiteFiles | EditionFiles
    per_edition: bool = False
    """Made in every edition's language, under its folder, and called with the site's
    files as a third argument; otherwise made once, for the whole site."""


from generator.outputs import data, feed, palette  # noqa: E402  (the outputs need Publication, defined above)

OUTPUTS: tuple[Output, ...] = (
    Output(data.files), Output(palette.files), Output(cards.files, per_edition=True),
    Output(timeline_filters.files, per_edition=True), Output(feed.files, per_edition=True),
    Output(data.page, per_edition=True))
"""Every output, in the order they run: the site's before the editions'."""


def _add(made: dict[str, bytes], more: dict[str, bytes]) -> None:
    for path, content in more.items():
        if path in made:
            raise OutputCollision(f"two outputs would write docs/{path}")
        made[path] = content


def files(d: Dossier, publication: Publication, outputs: tuple[Output, ...] = OUTPUTS
          ) -> dict[str, bytes]:
    """The site's outputs' files, by path under ``docs/``; no path is made twice."""
    made: dict[str, bytes] = {}
    for output in outputs:
        if not output.per_edition:
            _add(made, output.files(d, publication))
    return dict(sorted(made.items()))


def edition_files(d: Dossier, publication: Publication, site: Mapping[str, bytes],
                  outputs: tuple[Output, ...] = OUTPUTS) -> dict[str, bytes]:
    """The files of the edition being rendered (see ``i18n.edition``), by path under
    its own folder; ``site`` is what :func:`files` made."""
    made: dict[str, bytes] = {}
    for output in outputs:
        if output.per_edition:
            _add(made, output.files(d, publication, site))
    return dict(sorted(made.items()))
