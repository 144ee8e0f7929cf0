"""Relay global ids: opaque base64 of "<Type>:<external id>".

Every node also keeps its source system's key as `externalId`. Decoding checks the type,
so passing a Grid's id where a Need is expected is a user error, not a wrong answer.
"""

from __future__ import annotations

import base64
import binascii


class BadId(ValueError):
    """An id that does not decode, or names another type than the one expected."""

    def __init__(self, message: str, code: str = "INVALID_ID") -> None:
        super().__init__(message)
        self.code = code


def to_global(type_name: str, external_id: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{external_id}".encode()).decode().rstrip("=")


def from_global(global_id: str) -> tuple[str, str]:
    """(type name, external id); BadId when it is not one of our ids."""
    padded = global_id + "=" * (-len(global_id) % 4)
    try:
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise BadId(f"{global_id!r} is not a gridlink id") from None
    type_name, sep, external = text.partition(":")
    if not sep or not type_name or not external:
        raise BadId(f"{global_id!r} is not a gridlink id")
    return type_name, external


def expect(global_id: str, *type_names: str) -> str:
    """The external id of `global_id` if it names one of `type_names`; BadId otherwise."""
    type_name, external = from_global(global_id)
    if type_names and type_name not in type_names:
        raise BadId(
            f"{global_id!r} is a {type_name} id; expected {' or '.join(type_names)}",
            code="WRONG_ID_TYPE",
        )
    return external
