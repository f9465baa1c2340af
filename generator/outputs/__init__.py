"""Outputs other than Markdown pages, each made from the linked dossier.

A feed, a data download, a share image or a drawing is a module of this package
with one function, ``files(dossier, publication) -> {path under docs/: bytes}``,
listed in ``OUTPUTS``. The page renderer knows nothing of them: the pipeline
puts their files beside the pages, MkDocs copies them into the site as they are,
and the same atomic build and unchanged-file rules apply to both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..link import Dossier
from . import cards, timeline_filters


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

    @classmethod
    def from_environment(cls, environ=None, config: Path | None = None) -> "Publication":
        """Read ``SITE_URL``, the variable ``mkdocs.yml`` reads with ``!ENV``, and
        the site's name from ``config`` when given."""
        value = (os.environ if environ is None else environ).get("SITE_URL", "").strip()
        named = _site_name(config) if config else None
        return cls(site_url=normalise_site_url(value) if value else None,
                   **({"site_name": named} if named else {}))


def _site_name(config: Path) -> str | None:
    # MkDocs' own loader, for its tags (`!ENV`); a missing file leaves the default.
    from mkdocs.utils.yaml import get_yaml_loader
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    except (OSError, yaml.YAMLError):  # MkDocs reports a broken config itself
        return None
    name = data.get("site_name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def normalise_site_url(value: str) -> str:
    """``value`` with one trailing slash; a ValueError unless it is an http(s) address."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"SITE_URL must be an http(s) address, not {value!r}")
    return value.rstrip("/") + "/"


Output = Callable[[Dossier, Publication], dict[str, bytes]]

OUTPUTS: tuple[Output, ...] = (cards.files, timeline_filters.files)
"""Every output module's ``files`` function, in the order they run."""


def files(d: Dossier, publication: Publication, outputs: tuple[Output, ...] = OUTPUTS
          ) -> dict[str, bytes]:
    """Every output's files, by path under ``docs/``; no path is made twice."""
    made: dict[str, bytes] = {}
    for output in outputs:
        for path, data in output(d, publication).items():
            if path in made:
                raise OutputCollision(f"two outputs would write docs/{path}")
            made[path] = data
    return dict(sorted(made.items()))
