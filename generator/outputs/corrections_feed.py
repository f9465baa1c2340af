"""An Atom feed of the dossier's corrections, one per edition: ``/corrections.xml`` in
English, ``/id/corrections.xml`` in Indonesian.

A feed of their own rather than entries in ``feed.xml``: that feed is ordered by the
dossier's dates (when a report was published, when an event happened), and a
correction is dated by the day the dossier published it, on another time line; mixed
in, every correction would sit above every report, or a correction of an old report
would fall out of a feed capped at ``feed.LENGTH`` entries. A reader who saw the old
pages subscribes to this one and is told of each correction, newest first.

Each entry is one correction: its id and link are its place on the page it corrects
(``claims/<id>/#correction-2``, permanent since a correction is never deleted), its
date the day it was published, its summary its text in the edition's language (the
English, marked ``xml:lang="en"``, where not translated yet). Nothing comes from the
clock: the feed's ``updated`` is its newest correction's day.
"""

from __future__ import annotations

from datetime import datetime, timezone

from generator.dossier.link import Dossier
from generator.outputs import Publication
from generator.outputs.feed import Entry, _other, document
from generator.settings import prefix
from generator.text import i18n
from generator.text.i18n import N_
from generator.views.listings import corrections_newest_first
from generator.views.models import correction_anchor, label

PATH = "corrections.xml"
LENGTH = 50
TITLE = N_("%(site)s: corrections")
ENTRY_TITLE = N_("Correction: %(title)s")


def _day(date) -> datetime:
    s = date.start
    return datetime(s.year, s.month, s.day, tzinfo=timezone.utc)


def entries(d: Dossier, base: str, length: int = LENGTH) -> list[Entry]:
    """The newest ``length`` corrections, newest first."""
    chosen = []
    for c, text, folder, entity, number in corrections_newest_first(d)[:length]:
        title = label(entity)
        url = f"{base}{folder}/{entity.id}/#{correction_anchor(number)}"
        language = i18n.language()
        chosen.append(Entry(url, i18n.gettext(ENTRY_TITLE) % {"title": title}, text,
                            _day(c.date), _day(c.date),
                            ("correction", folder[:-1]),
                            title_language=_other(language, title) if folder != "articles"
                            else _other(entity.language, title),
                            summary_language=_other(language, text)))
    return chosen


def atom(d: Dossier, publication: Publication, length: int = LENGTH) -> bytes:
    """The corrections feed of the edition being rendered (see ``i18n.edition``)."""
    language = i18n.language()
    base = publication.absolute_base + prefix(language)
    name = publication.name_in(language)
    return document(entries(d, base, length), i18n.gettext(TITLE) % {"site": name}, name,
                    base, PATH, feed_id=f"{base}{PATH}")


def files(d: Dossier, publication: Publication, site=None) -> dict[str, bytes]:
    """Per edition, like the main feed."""
    return {PATH: atom(d, publication)}
