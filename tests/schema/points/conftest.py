"""Fixtures: the 双滦区 scene (tests/schema/shuangluan.py)."""

from tests.schema.shuangluan import scene

__all__ = ["scene"]
