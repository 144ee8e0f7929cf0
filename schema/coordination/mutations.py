from __future__ import annotations

import strawberry


@strawberry.type
class CoordinationMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""
