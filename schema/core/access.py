"""A viewer's grants (schema/core/viewer.py, docs/SECURITY.md) as the `Access` every scoped
statement takes (graph/nodes.py): one place for the roles table's read and write columns."""

from __future__ import annotations

from graph.nodes import EVERYWHERE, Access
from schema.core.viewer import Viewer


def _volunteer_places(viewer: Viewer, places: list[str]) -> tuple[str, ...]:
    return tuple(p for p in viewer.need_scopes() or [] if p not in places)


def read_access(viewer: Viewer, with_self: bool = False) -> Access:
    """What a viewer reads: governed data under their places, a secretary's organisation with
    its members and claims, a volunteer's open needs nearby; with `with_self`, also their own
    profile, claims and resources (by id and along links, not in root lists)."""
    places = viewer.place_scopes()
    if places is None:
        return EVERYWHERE
    return Access(
        places=tuple(places),
        open_needs_in=_volunteer_places(viewer, places),
        orgs=tuple(viewer.org_scopes() or ()),
        self_id=viewer.actor_id if with_self else None,
    )


def write_access(viewer: Viewer) -> Access:
    """What a viewer may name in a write: what lies under the places they may change."""
    places = viewer.write_scopes()
    return EVERYWHERE if places is None else Access(places=tuple(places))


def claim_access(viewer: Viewer) -> Access:
    """What a viewer may name in a claim: besides their places, a secretary acts for his
    organisation (its claims, its resources, the needs where it serves) and a volunteer for
    herself (her claims and resources, open needs near her)."""
    places = viewer.write_scopes()
    if places is None:
        return EVERYWHERE
    return Access(
        places=tuple(places),
        open_needs_in=_volunteer_places(viewer, viewer.place_scopes() or []),
        acting_orgs=tuple(viewer.org_scopes() or ()),
        self_id=viewer.actor_id,
    )
