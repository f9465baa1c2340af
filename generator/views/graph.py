"""The actors' network as plain data: who is linked to whom, and where each is drawn.

Four kinds of tie join two actors: they are mentioned by the same articles
(weighted by how many), one is affiliated with the other (person -> organisation ->
state, from ``affiliations`` and ``country``), or both take a position on the same
claim, either opposite ones (one asserts what the other denies) or the same one
(both assert, or both deny). Asking a question or declining to comment is neither.

Layout is computed here, once, and only turned into SVG by a template, so the
drawing can change without touching the data and the other way round. The same
sources give the same coordinates, byte for byte: inputs are sorted, the force
layout has a fixed seed, and coordinates are rounded.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

from generator.text.i18n import N_, gettext, in_edition, ngettext
from generator.dossier.link import Dossier

KIND_TITLES = {"disagreement": N_("Opposite positions on a claim"),
               "agreement": N_("Same position on a claim"),
               "affiliation": N_("Affiliations"), "co-mention": N_("Mentioned together")}
"""Each kind of tie, the most telling first; translated where shown."""
NETWORK_CAP = 40
"""Most actors in the whole-dossier network; the others are reached from the actors index.
Each one drawn is named: one whose name finds no free room beside it is left out too."""
NETWORK_LABEL = 150
"""Room for one name in the whole-dossier network, in drawing units; a longer one is
shortened."""
LABEL_TRIES = ((NETWORK_LABEL, 0), (NETWORK_LABEL, 8), (90, 0), (90, 10), (60, 16))
"""Where a crowded name is tried next when no spot beside its node is free: the same
name a little farther out, then shorter, then shorter and farther."""
TIE_CAP = 160
"""Most co-mention ties drawn in the whole-dossier network, the strongest first."""
CLAIM_TIE_CAP = 80
"""Most agreements and disagreements drawn there, disagreements first, the strongest first."""
PER_ACTOR = 4
"""Co-mention ties drawn for each actor at least (its strongest), within ``TIE_CAP``."""
NEIGHBOURS_CAP = 12
"""Most neighbours drawn around one actor."""
CHAR = 7.0
"""Estimated width of one character of a name, in drawing units."""
SEED = 20230913
"""The force layout's seed: the same graph gets the same picture."""
OPPOSITE = frozenset({"asserts", "denies"})
WEIGHTIER = 3
"""How many shared articles an affiliation or a position on a claim is worth, in ranking."""


@dataclass(frozen=True, order=True)
class Tie:
    """A link between two actors.

    Affiliations point from the member to the group; every other kind is symmetric
    and written with the smaller id first, so one pair has one tie per kind."""

    source: str
    target: str
    kind: str
    """One of ``KINDS``."""
    weight: int
    """Shared articles, or claims agreed or disagreed on; 1 for an affiliation."""
    claims: tuple[str, ...] = ()
    """The claims behind an agreement or a disagreement, by id."""

    def other(self, actor_id: str) -> str:
        return self.target if self.source == actor_id else self.source


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _key(tie: Tie) -> tuple[str, str, str]:
    # Much quicker than the dataclass's own ordering, on a hundred thousand ties.
    return (tie.source, tie.target, tie.kind)


def co_mention_ties(d: Dossier, actor_ids=None, among: set[str] | None = None) -> list[Tie]:
    """From the counts that linking already made.

    ``actor_ids`` limits the first end; ``among`` keeps the ties with both ends in it."""
    pairs: dict[tuple[str, str], int] = {}
    for actor_id in (d.co_mentioned if actor_ids is None else actor_ids):
        for other, shared in d.co_mentioned.get(actor_id, []):
            if among is None or other.id in among:
                pairs[_pair(actor_id, other.id)] = shared
    return [Tie(a, b, "co-mention", n) for (a, b), n in sorted(pairs.items())]


def affiliation_ties(d: Dossier, actor_ids=None) -> list[Tie]:
    """Member -> group; ``actor_ids`` limits the ties to those touching them."""
    actors = d.corpus.actors
    members = (actors.values() if actor_ids is None else
               [actors[i] for i in actor_ids] + [m for i in actor_ids for m in d.members.get(i, [])])
    ties = set()
    for actor in members:
        groups = [r.id for r in actor.affiliations] + ([actor.country.id] if actor.country else [])
        ties.update((actor.id, group) for group in groups if group != actor.id)
    return [Tie(a, b, "affiliation", 1) for a, b in sorted(ties)]


def claim_ties(d: Dossier, claims=None, actor_id: str | None = None) -> list[Tie]:
    """Agreement and disagreement between actors with positions on the same claims.

    With ``actor_id``, only the pairs that include that actor: a claim with many
    stances has many pairs, and one actor's page needs few of them."""
    found: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for claim in sorted(d.corpus.claims.values() if claims is None else claims,
                        key=lambda c: c.id):
        positions: dict[str, set[str]] = defaultdict(set)
        for stance in claim.stances:
            positions[stance.actor.id].add(stance.position)
        pairs = (combinations(sorted(positions), 2) if actor_id is None else
                 (_pair(actor_id, other) for other in sorted(positions) if other != actor_id))
        for a, b in pairs:
            mine, theirs = positions[a] & OPPOSITE, positions[b] & OPPOSITE
            if any({x, y} == OPPOSITE for x in mine for y in theirs):
                found[(a, b, "disagreement")].append(claim.id)
            elif mine & theirs:
                found[(a, b, "agreement")].append(claim.id)
    return [Tie(a, b, kind, len(ids), tuple(ids)) for (a, b, kind), ids in sorted(found.items())]


def all_ties(d: Dossier) -> list[Tie]:
    return sorted(co_mention_ties(d) + affiliation_ties(d) + claim_ties(d), key=_key)


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    kind: str
    """``person``, ``organization`` or ``state``."""
    articles: int
    """Articles that mention the actor: the node's size."""
    x: float
    y: float
    r: float
    labelled: bool
    """Whether the name is always shown; the others show it on hover and focus."""
    label: str
    """The name as shown, shortened where the picture has no room for all of it."""
    label_x: float
    label_y: float
    anchor: str
    """Where the name stands: ``start``, ``middle`` or ``end`` of the text at the point."""


@dataclass(frozen=True)
class Line:
    """A tie as drawn: a straight line or, for a position on claims, a curve."""

    tie: Tie
    path: str
    """SVG path data."""
    thickness: float
    description: str
    """What the tie means, in words."""
    mark: tuple[float, float] | None = None
    """Where an opposite-positions curve gets its "≠", halfway along."""


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    nodes: tuple[Node, ...]
    lines: tuple[Line, ...]
    total: int
    """Actors that could have been drawn; more than ``len(nodes)`` when capped."""
    centre: str | None = None
    """The actor whose neighbourhood this is, if any."""


def describe(tie: Tie, names: dict[str, str]) -> str:
    a, b = names[tie.source], names[tie.target]
    n = tie.weight
    if tie.kind == "co-mention":
        text = ngettext("%(a)s and %(b)s: mentioned together in %(n)d article",
                        "%(a)s and %(b)s: mentioned together in %(n)d articles", n)
    elif tie.kind == "affiliation":
        text = gettext("%(a)s is affiliated with %(b)s")
    elif tie.kind == "disagreement":
        text = ngettext("%(a)s and %(b)s take opposite positions on %(n)d claim",
                        "%(a)s and %(b)s take opposite positions on %(n)d claims", n)
    else:
        text = ngettext("%(a)s and %(b)s take the same position on %(n)d claim",
                        "%(a)s and %(b)s take the same position on %(n)d claims", n)
    return text % {"a": a, "b": b, "n": n}


def _radius(articles: int, most: int) -> float:
    return round(5 + 13 * math.sqrt(articles / most), 1) if most else 5.0


def _shorten(name: str, room: float) -> str:
    """``name``, or as many of its first words as fit in ``room`` and an ellipsis.

    Whole words, so that what is shown is part of the link's accessible name word for
    word (axe's ``label-content-name-mismatch``); a first word too long for the room is
    shown whole all the same."""
    chars = max(int(room / CHAR), 6)
    if len(name) <= chars:
        return name
    words = name.split(" ")
    shown = words[0]
    for word in words[1:]:
        if len(shown) + 1 + len(word) > chars - 1:
            break
        shown += " " + word
    return shown.rstrip(",;:–—-(") + "…"


def _node(d: Dossier, actor_id: str, x: float, y: float, most: int, labelled: bool,
          outward: tuple[float, float] | None = None, room: float = 1e9) -> Node:
    """``outward``, a unit vector, puts the name beyond the node; otherwise it goes below."""
    actor = d.corpus.actors[actor_id]
    n = len(d.mentioned_in.get(actor_id, []))
    r = _radius(n, most)
    if outward is None:
        label, anchor = (x, y + r + 13), "middle"
    else:
        ux, uy = outward
        label = (x + ux * (r + 6), y + uy * (r + 6) + 4)
        anchor = "middle" if abs(ux) < 0.3 else "start" if ux > 0 else "end"
        if anchor == "middle":
            label = (label[0], label[1] + (8 if uy > 0 else -4))
    name = in_edition(actor, "name")
    return Node(actor_id, name, actor.kind, n, round(x, 1), round(y, 1), r, labelled,
                _shorten(name, room), round(label[0], 1), round(label[1], 1), anchor)


def _line(tie: Tie, at: dict[str, Node], names: dict[str, str]) -> Line:
    a, b = at[tie.source], at[tie.target]
    mark = None
    if tie.kind in ("agreement", "disagreement"):
        # Bowed to one side, so that it never hides the co-mention line of the same pair.
        bow = 0.18 if tie.kind == "disagreement" else -0.18
        cx = round((a.x + b.x) / 2 - (b.y - a.y) * bow, 1)
        cy = round((a.y + b.y) / 2 + (b.x - a.x) * bow, 1)
        path = f"M{a.x:g} {a.y:g}Q{cx:g} {cy:g} {b.x:g} {b.y:g}"
        if tie.kind == "disagreement":
            mark = (round((a.x + 2 * cx + b.x) / 4, 1), round((a.y + 2 * cy + b.y) / 4, 1))
    else:
        path = f"M{a.x:g} {a.y:g}L{b.x:g} {b.y:g}"
    thickness = round(min(1 + math.log2(tie.weight), 5), 1) if tie.kind == "co-mention" else 1.5
    return Line(tie, path, thickness, describe(tie, names), mark)


def network(d: Dossier, cap: int = NETWORK_CAP, tie_cap: int = TIE_CAP,
            width: int = 720, height: int = 540) -> Picture:
    """The most connected actors, laid out by a seeded force layout."""
    import networkx as nx  # only the network page needs it

    # Rank every actor by strength without making a tie per co-mentioned pair:
    # a large dossier has a hundred thousand pairs and draws only a few hundred.
    other = affiliation_ties(d) + claim_ties(d)
    strength: dict[str, int] = defaultdict(int)
    for actor_id, mentioned_with in d.co_mentioned.items():
        if mentioned_with:
            strength[actor_id] += sum(n for _, n in mentioned_with)
    for t in other:
        strength[t.source] += WEIGHTIER * t.weight
        strength[t.target] += WEIGHTIER * t.weight
    ranked = sorted(strength, key=lambda a: (-strength[a], a))
    shown = set(ranked[:cap])
    inside = (co_mention_ties(d, sorted(shown), among=shown)
              + [t for t in other if t.source in shown and t.target in shown])
    on_claims = sorted((t for t in inside if t.kind in ("agreement", "disagreement")),
                       key=lambda t: (t.kind != "disagreement", -t.weight, t.source, t.target))
    kept = sorted(_strongest(inside, tie_cap) + on_claims[:CLAIM_TIE_CAP]
                  + [t for t in inside if t.kind == "affiliation"], key=_key)
    # The layout sees every tie among the actors shown, so that loosely drawn ones
    # still sit near their company; only the drawing is thinned out.
    graph = nx.Graph()
    graph.add_nodes_from(sorted(shown))
    for t in sorted(inside, key=_key):
        weight = graph.get_edge_data(t.source, t.target, {"weight": 0})["weight"]
        graph.add_edge(t.source, t.target, weight=weight + 1 + math.log(t.weight))
    positions = nx.spring_layout(graph, seed=SEED, iterations=300, weight="weight") if shown else {}
    return _picture(d, _spread(positions), kept, len(strength), width, height)


def _spread(positions: dict) -> dict:
    """The force layout's positions with the same angles around their centre and the
    distances from it evened out, so that the disc is filled evenly: a force layout
    crowds the best connected actors into the middle, where no name would fit."""
    if len(positions) < 2:
        return positions
    ids = sorted(positions)
    cx = sum(float(positions[i][0]) for i in ids) / len(ids)
    cy = sum(float(positions[i][1]) for i in ids) / len(ids)
    offset = {i: (float(positions[i][0]) - cx, float(positions[i][1]) - cy) for i in ids}
    by_distance = sorted(ids, key=lambda i: (math.hypot(*offset[i]), i))
    spread = {}
    for rank, i in enumerate(by_distance):
        radius = math.sqrt((rank + 0.5) / len(ids))
        angle = math.atan2(offset[i][1], offset[i][0])
        spread[i] = (radius * math.cos(angle), radius * math.sin(angle))
    return spread


def _label_box(label: str, x: float, y: float, anchor: str) -> tuple[float, float, float, float]:
    """Where a name written at ``x``, ``y`` (its baseline) stands: left, top, right, bottom."""
    width = len(label) * CHAR
    left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
    return (left, y - 11, left + width, y + 3)


def _spots(x: float, y: float, r: float) -> list[tuple[float, float, str]]:
    """Where a name may stand beside a node at ``x``, ``y``, best first: to the right,
    to the left, below, above, then at the four corners."""
    d = r * 0.7 + 3
    return [(x + r + 4, y + 4, "start"), (x - r - 4, y + 4, "end"),
            (x, y + r + 13, "middle"), (x, y - r - 5, "middle"),
            (x + d, y + d + 9, "start"), (x - d, y + d + 9, "end"),
            (x + d, y - d - 2, "start"), (x - d, y - d - 2, "end")]


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


def _covers(box: tuple[float, float, float, float], x: float, y: float, r: float) -> bool:
    """Whether a name's box comes within a circle (with a little room)."""
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return math.hypot(x - nearest_x, y - nearest_y) < r + 1


def _strongest(ties: list[Tie], cap: int, per_actor: int = PER_ACTOR) -> list[Tie]:
    """Co-mention ties worth drawing: each actor's few strongest, then the strongest overall."""
    co = sorted((t for t in ties if t.kind == "co-mention"),
                key=lambda t: (-t.weight, t.source, t.target))
    count: dict[str, int] = defaultdict(int)
    chosen = []
    for t in co:
        if count[t.source] < per_actor or count[t.target] < per_actor:
            chosen.append(t)
            count[t.source] += 1
            count[t.target] += 1
    return chosen[:cap]


def _picture(d: Dossier, positions: dict, ties: list[Tie], total: int, width: int,
             height: int, margin: int = 40) -> Picture:
    """Scale layout coordinates into the picture and name every node, largest nodes
    drawn last (on top).

    The largest names are placed first, each at the first spot beside its node where
    it overlaps no name already placed, no circle and no edge; a node whose name finds
    no such spot is not drawn, nor are its lines, so that a reader can name every
    circle without hovering."""
    ids = sorted(positions)
    most = max((len(d.mentioned_in.get(i, [])) for i in ids), default=0)
    xs = [float(positions[i][0]) for i in ids] or [0.0]
    ys = [float(positions[i][1]) for i in ids] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    by_size = sorted(ids, key=lambda i: (-len(d.mentioned_in.get(i, [])), i))
    nodes = {i: _node(d, i, margin + (float(positions[i][0]) - min(xs)) / span_x * (width - 2 * margin),
                      margin + (float(positions[i][1]) - min(ys)) / span_y * (height - 2 * margin),
                      most, False, room=NETWORK_LABEL) for i in ids}
    boxes: list[tuple[float, float, float, float]] = []
    named: dict[str, Node] = {}
    for i in by_size:
        n = nodes[i]
        for room, farther in LABEL_TRIES:
            label = _shorten(n.name, room)
            for x, y, anchor in _spots(n.x, n.y, n.r + farther):
                box = _label_box(label, x, y, anchor)
                if box[0] < 2 or box[1] < 2 or box[2] > width - 2 or box[3] > height - 2:
                    continue
                if any(_overlaps(box, b) for b in boxes):
                    continue
                if any(_covers(box, o.x, o.y, o.r) for o in nodes.values() if o.id != i):
                    continue
                boxes.append(box)
                named[i] = replace(n, labelled=True, label=label, label_x=round(x, 1),
                                   label_y=round(y, 1), anchor=anchor)
                break
            if i in named:
                break
    names = {i: n.name for i, n in named.items()}
    lines = tuple(_line(t, named, names) for t in ties
                  if t.source in named and t.target in named)
    return Picture(width, height, tuple(named[i] for i in reversed(by_size) if i in named),
                   lines, total)


def neighbourhood(d: Dossier, actor_id: str, cap: int = NEIGHBOURS_CAP,
                  width: int = 720, height: int = 440) -> Picture:
    """One actor in the middle, its strongest ties around it.

    A circle, not a force layout: a star has nothing for forces to find, and a
    thousand actor pages each running one would cost seconds for the same picture.
    The strongest neighbour is at the top, the others clockwise by strength."""
    claims = {c.id: c for c, _ in d.stances_by.get(actor_id, [])}.values()
    by_other: dict[str, list[Tie]] = defaultdict(list)
    for t in affiliation_ties(d, [actor_id]) + claim_ties(d, claims, actor_id):
        if actor_id in (t.source, t.target):
            by_other[t.other(actor_id)].append(t)
    # The co-mentioned come most shared first: past the first few, only an actor with
    # another tie as well could be stronger, so only those are looked up further on.
    mentioned_with = d.co_mentioned.get(actor_id, [])
    co = {other.id: n for other, n in mentioned_with[:cap]}
    if by_other:
        co.update((other.id, n) for other, n in mentioned_with[cap:] if other.id in by_other)
    strength = {o: co.get(o, 0) + WEIGHTIER * sum(t.weight for t in ts)
                for o, ts in by_other.items()}
    for other, n in co.items():
        strength.setdefault(other, n)
    ranked = sorted(strength, key=lambda o: (-strength[o], o))[:cap]
    total = len(mentioned_with) + sum(o not in co for o in by_other)
    if not ranked:
        return Picture(width, height, (), (), 0, actor_id)
    # An ellipse, wider than tall, leaves room for names on either side.
    rx, ry = width / 2 - 170, height / 2 - 50
    positions = {actor_id: (0.0, 0.0)}
    for rank, other in enumerate(ranked):
        angle = -math.pi / 2 + 2 * math.pi * rank / len(ranked)
        positions[other] = (rx * math.cos(angle), ry * math.sin(angle))
    kept = sorted([Tie(*_pair(actor_id, o), "co-mention", co[o]) for o in ranked if o in co]
                  + [t for o in ranked for t in by_other[o]], key=_key)
    ids = sorted(positions)
    most = max(len(d.mentioned_in.get(i, [])) for i in ids)
    nodes = {}
    for i in ids:
        x, y = positions[i]
        outward = (x / rx, y / ry) if i != actor_id else (0.0, 1.0)
        # A name to the side has the margin beyond the node; above or below, the width.
        room = width / 2 - abs(x) - 30 if abs(outward[0]) >= 0.3 else 2 * (width / 2 - abs(x))
        nodes[i] = _node(d, i, width / 2 + x, height / 2 + y, most, True, outward, room)
    names = {i: n.name for i, n in nodes.items()}
    # The centre last, so that it is drawn on top of the lines that meet there.
    order = sorted(ids, key=lambda i: (i == actor_id, i))
    return Picture(width, height, tuple(nodes[i] for i in order),
                   tuple(_line(t, nodes, names) for t in kept), total, actor_id)
