from __future__ import annotations

import strawberry


@strawberry.type
class CasesSubscriptions:
    """Root subscription fields for cases (composed into Subscription in schema/api.py)."""
