"""``timeline/filters.json``: every id the timeline can be filtered by, with its name.

The timeline's script reads it to name the filter ("actor “Sergei Shoigu”") and to
tell an unknown id from one that has no event on the page. It holds names only, not
events, so it stays small at any size of dossier; and the words of the filter box,
in the edition's language, so that the script itself holds none. Each edition has its
own, with the names in its language.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from generator.text.i18n import N_, gettext, in_edition, ngettext
from generator.dossier.link import Dossier

if TYPE_CHECKING:  # the package imports this module to list it in OUTPUTS
    from generator.outputs import Publication

PATH = "timeline/filters.json"
WORDS = {
    "form": N_("Filter the timeline"),
    "actor": N_("Actor"), "place": N_("Place"), "tag": N_("Tag"), "any": N_("any"),
    "unknown_actor": N_("No such actor: “%(id)s”."),
    "unknown_place": N_("No such place: “%(id)s”."),
    "unknown_tag": N_("No such tag: “%(id)s”."),
    "every": N_("Showing every event."),
    "filter_actor": N_("actor “%(name)s”"),
    "filter_place": N_("place “%(name)s”"),
    "filter_tag": N_("tag “%(name)s”"),
    "and": N_("%(first)s and %(second)s"),
    "months": N_("This timeline is split by month: open a month to see its events filtered "
                 "by %(filter)s; the filter stays on."),
    "none": N_("No event on this page matches %(filter)s."),
    "all": N_("Show all events"),
}
"""What the filter box says; ``%(name)s`` placeholders are filled in by the script."""


def words() -> dict:
    """``WORDS`` in the edition's language, and ``showing`` for one and for more events
    (the script picks by the number, as English does; Indonesian has one form)."""
    result = {key: gettext(message) for key, message in WORDS.items()}
    result["showing"] = [ngettext("Showing %(count)s of %(total)s event, filtered by %(filter)s.",
                                  "Showing %(count)s of %(total)s events, filtered by %(filter)s.",
                                  n) for n in (1, 2)]
    return result


def files(d: Dossier, publication: "Publication", site=None) -> dict[str, bytes]:
    """Per edition (``OUTPUTS``); ``site``, the site's files, it does not need."""
    c = d.corpus
    data = {"actor": {a.id: in_edition(a, "name") for a in c.actors.values()},
            "place": {p.id: in_edition(p, "name") for p in c.places.values()},
            "tag": {t: t for a in c.articles.values() for t in a.tags},
            "words": words()}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {PATH: text.encode("utf-8")}
