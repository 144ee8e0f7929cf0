"""Two time windows of the same network compared (前后对比): what grew, what was lost.

A pure function of two graphs read by the same projection for two windows. A link is
"strengthened" or "weakened" when its weight moved by more than `CHANGE_RATIO` of its
earlier value; recency weighting alone makes every old link fade a little, which is not
news to a planner.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.network.window import COMMUNITY

CHANGE_RATIO = 0.25


@dataclass(frozen=True)
class LinkChange:
    a: str
    b: str
    before: float
    after: float


@dataclass(frozen=True)
class NetworkChange:
    gained: tuple[LinkChange, ...]  # links present only in the later window
    lost: tuple[LinkChange, ...]  # links present only in the earlier window
    strengthened: tuple[LinkChange, ...]
    weakened: tuple[LinkChange, ...]
    joined: tuple[str, ...]  # nodes with a link now that had none before
    left: tuple[str, ...]  # nodes with a link before that have none now
    newly_isolated: tuple[str, ...]  # communities that had a partner and have none now
    no_longer_isolated: tuple[str, ...]
    links_before: int
    links_after: int


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _links(graph: nx.Graph) -> dict[tuple[str, str], float]:
    return {_key(a, b): float(w) for a, b, w in graph.edges(data="weight", default=1.0)}


def _active(graph: nx.Graph) -> set[str]:
    return {n for n, d in graph.degree() if d > 0}


def compare(
    before: nx.Graph, after: nx.Graph, *, change_ratio: float = CHANGE_RATIO
) -> NetworkChange:
    old, new = _links(before), _links(after)
    gained = [LinkChange(a, b, 0.0, new[(a, b)]) for a, b in sorted(new.keys() - old.keys())]
    lost = [LinkChange(a, b, old[(a, b)], 0.0) for a, b in sorted(old.keys() - new.keys())]
    stronger: list[LinkChange] = []
    weaker: list[LinkChange] = []
    for a, b in sorted(old.keys() & new.keys()):
        was, now = old[(a, b)], new[(a, b)]
        if now > was * (1 + change_ratio):
            stronger.append(LinkChange(a, b, was, now))
        elif now < was * (1 - change_ratio):
            weaker.append(LinkChange(a, b, was, now))
    active_before, active_after = _active(before), _active(after)
    communities = {n for n, s in after.nodes(data="side") if s == COMMUNITY} | {
        n for n, s in before.nodes(data="side") if s == COMMUNITY
    }
    return NetworkChange(
        gained=tuple(sorted(gained, key=lambda c: (-c.after, c.a, c.b))),
        lost=tuple(sorted(lost, key=lambda c: (-c.before, c.a, c.b))),
        strengthened=tuple(sorted(stronger, key=lambda c: (c.before - c.after, c.a, c.b))),
        weakened=tuple(sorted(weaker, key=lambda c: (c.after - c.before, c.a, c.b))),
        joined=tuple(sorted(active_after - active_before)),
        left=tuple(sorted(active_before - active_after)),
        newly_isolated=tuple(sorted((active_before - active_after) & communities)),
        no_longer_isolated=tuple(sorted((active_after - active_before) & communities)),
        links_before=len(old),
        links_after=len(new),
    )
