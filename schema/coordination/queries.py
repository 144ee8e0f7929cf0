from __future__ import annotations

import strawberry


@strawberry.type
class CoordinationQueries:
    """Root query fields of this domain (composed into Query in schema/api.py)."""
