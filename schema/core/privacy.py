"""Masking of personal data (phone, ID number, exact address) for viewers who may not see it."""

from __future__ import annotations


def mask(value: str | None) -> str | None:
    """Keep the first 3 and last 4 characters of a phone ("138****5678"); hide the rest."""
    if value is None:
        return None
    if len(value) <= 4:
        return "*" * len(value)
    head = value[:3] if len(value) >= 8 else ""
    return head + "*" * (len(value) - len(head) - 4) + value[-4:]
