"""Two entities of one type whose names look the same: a reader cannot tell them apart.

"Neil Armstrong" written twice, or once with a Cyrillic "е", a zero-width space or a
combining accent, shows as one name in every list, search result and drawing. Names are
compared by a *skeleton*: Unicode compatibility normalisation, without combining marks
or invisible characters, case-folded, with each character that looks like a Latin
letter or digit replaced by it (the ``confusables`` library, made from Unicode's
confusables data, UTS #39).
"""

from __future__ import annotations

import functools
import unicodedata

from confusables import normalize

from generator.dossier.diagnostics import Report
from generator.dossier.model import Corpus

NAMED = ("actors", "places")
"""The entity types that have a ``name``."""


@functools.lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    # One character at a time, and the first of its readings: the library expands a
    # whole string into every combination of readings, which grows without bound.
    return normalize(char, prioritize_alpha=True)[0]


def skeleton(name: str) -> str:
    """What ``name`` looks like: equal for two names a reader cannot tell apart."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(char for char in decomposed
                   if unicodedata.category(char) not in ("Mn", "Me", "Cf"))
    folded = "".join(char if char.isascii() else _fold(char) for char in kept.casefold())
    return " ".join(folded.casefold().split())


def check_names(corpus: Corpus, report: Report, lines: dict[tuple[str, str], int]) -> None:
    """A warning on each entity whose name looks like an earlier one's of the same type
    (by id); ``lines`` gives the line of each entity's ``name``."""
    for folder in NAMED:
        seen: dict[str, object] = {}
        for entity_id in sorted(corpus.folder(folder)):
            entity = corpus.folder(folder)[entity_id]
            key = skeleton(entity.name)
            first = seen.setdefault(key, entity)
            if first is entity:
                continue
            same = "is the same as" if first.name == entity.name else "looks the same as"
            report.warning(entity.path, lines.get((folder, entity_id), 0),
                           f"the name {entity.name!r} {same} {first.name!r}, the name of "
                           f"{first.path}: readers cannot tell the two {folder} apart; if "
                           "they are one, merge them, else tell them apart in the name")
