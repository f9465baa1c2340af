"""Who said what: claims by actor, one cell per actor's stances on a claim.

The claims index draws this as a table. Rows keep the index's order (contested
claims first); columns are the actors with the most stances on the page's claims,
capped so that a page's width and weight do not grow with the corpus. Stances by
actors beyond the cap are counted in each row and reached from the claim's page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.dossier.model import Claim
from generator.text.i18n import N_, gettext
from generator.views.models import POSITION_SYMBOLS, Dated, LinkItem, Links, stance_tally

MATRIX_COLUMNS = 20
"""Most actor columns in one matrix: about what a desktop screen shows without scrolling."""

WORDS = {"asserts": N_("asserts"), "denies": N_("denies"), "questions": N_("questions"),
         "declines-to-comment": N_("declines")}


@dataclass(frozen=True)
class Mark:
    """One stance in a cell: the position, linking to the article that reports it."""

    position: str
    """``asserts``, ``denies``, ``questions`` or ``declines-to-comment``."""
    symbol: str
    word: str
    source: Dated


@dataclass(frozen=True)
class Row:
    claim: LinkItem
    contested: bool
    tally: str
    """``2 asserts, 1 denies``: every stance on the claim, columns or not."""
    cells: tuple[tuple[Mark, ...], ...]
    """One per column, in column order; empty when that actor takes no stance."""
    others: int
    """Stances on this claim by actors that have no column."""


@dataclass(frozen=True)
class Matrix:
    columns: tuple[LinkItem, ...]
    rows: tuple[Row, ...]
    hidden_actors: int
    """Actors with stances on these claims that did not make the column cap."""

    @property
    def others(self) -> bool:
        return any(row.others for row in self.rows)


def column_actors(claims: list[Claim], limit: int) -> tuple[list[str], int]:
    """Actor ids with the most stances on ``claims``, most first, ties by id; and how many are left out."""
    counts = Counter(s.actor.id for c in claims for s in c.stances)
    ranked = sorted(counts, key=lambda actor: (-counts[actor], actor))
    return ranked[:limit], max(0, len(ranked) - limit)


def _marks(links: Links, claim: Claim, actor: str) -> tuple[Mark, ...]:
    seen: dict[tuple[str, str], Mark] = {}
    for s in claim.stances:
        key = (s.position, s.source.id)
        if s.actor.id == actor and key not in seen:
            seen[key] = Mark(s.position, POSITION_SYMBOLS[s.position], gettext(WORDS[s.position]),
                             links.article(links.d.corpus.articles[s.source.id]))
    return tuple(seen.values())


def matrix(links: Links, claims: list[Claim], limit: int = MATRIX_COLUMNS) -> Matrix:
    """The matrix of ``claims`` (already in display order) with links from ``links``' page."""
    actors, hidden = column_actors(claims, limit)
    shown = set(actors)
    rows = tuple(Row(links.to("claims", c), c.contested, stance_tally(c),
                     tuple(_marks(links, c, a) for a in actors),
                     sum(s.actor.id not in shown for s in c.stances))
                 for c in claims)
    columns = tuple(links.to("actors", links.d.corpus.actors[a]) for a in actors)
    return Matrix(columns, rows, hidden)
