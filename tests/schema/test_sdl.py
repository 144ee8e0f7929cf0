"""The committed schema.graphql is the schema the code builds, and documents every type."""

from __future__ import annotations

import re

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
)

from schema.sdl import REGENERATE, SDL_PATH, sdl
from tests.support.graphql import schema

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_committed_sdl_equals_the_code() -> None:
    committed = SDL_PATH.read_text(encoding="utf-8") if SDL_PATH.exists() else ""
    assert committed == sdl(), f"schema.graphql is stale; regenerate it with: {REGENERATE}"


def test_every_type_and_field_has_a_description_with_chinese() -> None:
    missing: list[str] = []
    for name, kind in schema()._schema.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if not isinstance(
            kind,
            GraphQLObjectType
            | GraphQLInterfaceType
            | GraphQLInputObjectType
            | GraphQLEnumType
            | GraphQLUnionType,
        ):
            continue
        if not kind.description or not CJK.search(kind.description):
            missing.append(name)
        fields = getattr(kind, "fields", None) or {}
        for field_name, field in fields.items():
            if not field.description or not CJK.search(field.description):
                missing.append(f"{name}.{field_name}")
    assert not missing, f"no description with the Chinese term: {missing}"
