"""The district scene of tests/graph/network, shared with the GraphQL tests."""

from tests.graph.network.conftest import district_db, district_uri

__all__ = ["district_db", "district_uri"]
