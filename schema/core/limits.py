"""Schema extensions that bound what one operation may cost (issue 8 fills this in)."""

from __future__ import annotations

from typing import Any


def limit_extensions(settings: Any) -> list[Any]:
    return []
