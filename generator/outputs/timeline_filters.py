"""``timeline/filters.json``: every id the timeline can be filtered by, with its name.

The timeline's script reads it to name the filter ("events that list Sergei
Shoigu") and to tell an unknown id from one that has no event on the page. It
holds names only, not events, so it stays small at any size of dossier. Each
edition has its own, with the names in its language.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..i18n import in_edition
from ..link import Dossier

if TYPE_CHECKING:  # the package imports this module to list it in OUTPUTS
    from . import Publication

PATH = "timeline/filters.json"


def files(d: Dossier, publication: "Publication", site=None) -> dict[str, bytes]:
    """Per edition (``OUTPUTS``); ``site``, the site's files, it does not need."""
    c = d.corpus
    data = {"actor": {a.id: in_edition(a, "name") for a in c.actors.values()},
            "place": {p.id: in_edition(p, "name") for p in c.places.values()},
            "tag": {t: t for a in c.articles.values() for t in a.tags}}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {PATH: text.encode("utf-8")}
