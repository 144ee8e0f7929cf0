"""Cypher kept in files: queries/<area>/<verb>_<noun>.cypher, one statement each (see graph/cypher.py)."""
