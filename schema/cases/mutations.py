from __future__ import annotations

import strawberry


@strawberry.type
class CasesMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""
