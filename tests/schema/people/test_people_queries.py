"""Root lists of people and organisations: filters and scope over 双滦区."""

from __future__ import annotations

from graph.database import Database
from tests.schema.scene import Scene
from tests.schema.shuangluan import COORDINATOR_S1
from tests.support.graphql import data

PEOPLE = (
    """query($filter: PersonFilter) { people(filter: $filter) { totalCount nodes { name } } }"""
)
ORGS = """query($filter: OrganisationFilter) {
  organisations(filter: $filter) { nodes { __typename name } } }"""


async def test_people_by_party_membership_and_place(db: Database, scene: Scene) -> None:
    # By name: 刘洋 (刘 U+5218) < 张敏 (张 U+5F20) < 李强 (李 U+674E) < 王芳 (王 U+738B).
    got = await data(db, PEOPLE, {})
    assert [n["name"] for n in got["people"]["nodes"]] == ["刘洋", "张敏", "李强", "王芳"]
    got = await data(db, PEOPLE, {"filter": {"partyMember": True}})
    assert [n["name"] for n in got["people"]["nodes"]] == ["李强", "王芳"]
    got = await data(db, PEOPLE, {"filter": {"under": scene.gid("c2")}})
    assert [n["name"] for n in got["people"]["nodes"]] == ["刘洋"]
    got = await data(db, PEOPLE, {"filter": {"text": "王"}})
    assert [n["name"] for n in got["people"]["nodes"]] == ["王芳"]


async def test_organisations_by_kind_and_scope(db: Database, scene: Scene) -> None:
    got = await data(db, ORGS, {"filter": {"types": ["PARTY_ORGANISATION"]}})
    assert got["organisations"]["nodes"] == [
        {"__typename": "PartyOrganisation", "name": "御祥园社区党委"}
    ]
    # Both sit in 御祥园社区, under 双塔山街道: the coordinator sees both, by name
    # (双 U+53CC < 御 U+5FA1).
    got = await data(db, ORGS, {}, viewer=COORDINATOR_S1)
    assert [n["name"] for n in got["organisations"]["nodes"]] == [
        "双滦区人民医院",
        "御祥园社区党委",
    ]
    got = await data(db, ORGS, {"filter": {"under": scene.gid("s2")}})
    assert got["organisations"]["nodes"] == []
