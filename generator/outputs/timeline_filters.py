"""``timeline/filters.json``: every id the timeline can be filtered by, with its name.

The timeline's script reads it to name the filter ("events that list Sergei
Shoigu") and to tell an unknown id from one that has no event on the page. It
holds names only, not events, so it stays small at any size of dossier.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..link import Dossier

if TYPE_CHECKING:  # the package imports this module to list it in OUTPUTS
    from . import Publication

PATH = "timeline/filters.json"


def files(d: Dossier, publication: "Publication") -> dict[str, bytes]:
    c = d.corpus
    data = {"actor": {a.id: a.name for a in c.actors.values()},
            "place": {p.id: p.name for p in c.places.values()},
            "tag": {t: t for a in c.articles.values() for t in a.tags}}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {PATH: text.encode("utf-8")}
