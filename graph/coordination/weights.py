"""The weights of needMatches' score, in one place (docs/COORDINATION.md, question 1).

The score is out of 100: category 30, nearness 25, partnership 15, capacity 20, record 10.
Nearness bands are spaced so a nearer band always beats a farther one whatever the
distance bonus (grid 21..25 > community 16..20 > street 11..15 > district 6..10 > 0..4).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class MatchWeights:
    category_same: float = 30.0  # the resource is in the need's own category
    category_related: float = 15.0  # ... in its direct parent or child category
    near_grid: float = 21.0  # provider (or its resource) in the need's grid
    near_community: float = 16.0
    near_street: float = 11.0
    near_district: float = 6.0
    distance: float = 4.0  # bonus at 0 km, falling linearly to 0 at distance_km
    distance_km: float = 5.0
    agreement: float = 10.0  # a current joint-building agreement with the need's community
    seat: float = 5.0  # a seat on the party committee governing the need's community
    capacity: float = 20.0  # remaining capacity covers all that is still needed
    capacity_unit_mismatch: float = 10.0  # capacity left but in another unit: half marks
    per_project: float = 5.0  # per completed project in the need's category ...
    projects_cap: int = 2  # ... counting at most this many

    def as_params(self) -> dict[str, float]:
        # Cypher reads them as $w.categorySame etc.
        def camel(name: str) -> str:
            head, *rest = name.split("_")
            return head + "".join(part.title() for part in rest)

        return {camel(k): float(v) for k, v in asdict(self).items()}

    @property
    def maximum(self) -> float:
        return (
            self.category_same
            + self.near_grid
            + self.distance
            + self.agreement
            + self.seat
            + self.capacity
            + self.per_project * self.projects_cap
        )


WEIGHTS = MatchWeights()
