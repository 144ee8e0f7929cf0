"""Who reaches what (graph/nodes.py Access) is one rule, written out in every statement that
keeps to the viewer's scope; the copies must not drift apart."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from graph.nodes import lucene_phrase

ROOT = Path(str(resources.files("queries")))

RULE = """all(clause IN $access WHERE n:Category OR any(g IN clause WHERE
    (g.places IS NOT NULL
      AND (g.openNeedsOnly IS NULL OR (n:Need AND n.status IN ['open', 'partly_met']))
      AND (EXISTS { (n)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO|CONCERNS|WITH|AT]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:CLAIMS|PART_OF_PROJECT]->()-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)<-[:OFFERS|HAS_ACCOUNT]-()-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:HOLDS_ROLE|MEMBER_OF]->(:Organisation)-[:GOVERNS|LOCATED_IN]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }))
    OR (g.orgs IS NOT NULL AND (n.id IN g.orgs
      OR EXISTS { (n)-[:MEMBER_OF]->(o:Organisation) WHERE o.id IN g.orgs }
      OR EXISTS { (n)<-[:MADE_CLAIM]-(o:Organisation) WHERE o.id IN g.orgs }))
    OR (g.actingOrgs IS NOT NULL AND (n.id IN g.actingOrgs
      OR EXISTS { (n)<-[:MADE_CLAIM|OFFERS]-(o:Organisation) WHERE o.id IN g.actingOrgs }
      OR EXISTS { (n:Need)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(:Place)<-[:GOVERNS|LOCATED_IN|REPORTS_TO]-(o:Organisation) WHERE o.id IN g.actingOrgs }))
    OR (g.self IS NOT NULL AND (n.id = g.self
      OR EXISTS { (n)<-[:MADE_CLAIM|OFFERS]-(p:Person) WHERE p.id = g.self }))))"""


def test_every_statement_taking_access_carries_the_same_rule() -> None:
    users = [p for p in ROOT.rglob("*.cypher") if "$access" in p.read_text(encoding="utf-8")]
    assert len(users) >= 9
    for path in users:
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert " ".join(RULE.split()) in text, f"{path} drifted from the scope rule"


def test_lucene_phrase_escapes_every_operator() -> None:
    assert lucene_phrase("双安") == '"双安"'
    assert lucene_phrase('a"b') == '"a\\"b"'
    assert lucene_phrase("*:*") == '"\\*\\:\\*"'
    assert lucene_phrase("a && (b || c)") == '"a \\&\\& \\(b \\|\\| c\\)"'
    assert lucene_phrase("x~2 y^3 [z] {w} !v -u +t ?s /r \\q") == (
        '"x\\~2 y\\^3 \\[z\\] \\{w\\} \\!v \\-u \\+t \\?s \\/r \\\\q"'
    )
