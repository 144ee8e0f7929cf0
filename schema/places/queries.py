from __future__ import annotations

import strawberry


@strawberry.type
class PlacesQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""
