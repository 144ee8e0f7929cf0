"""gridlink: a GraphQL knowledge graph for party-building-led community governance (党建引领基层治理)."""

__version__ = "0.1.0"
