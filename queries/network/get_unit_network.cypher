// The unit-to-unit network (共建单位协作网): two member units are linked when they are
// partners of the same community (社区/村) in the window, by the same rules as
// network/get_partnership_network (agreement 共建协议, project claim 认领, dual reporting
// 双报到 of the unit's party organisation, need claim 认领需求; in-service members alone
// make no tie; the community's own bodies are not its partners). Weight = the number of
// communities they share. Communities are kept at or under $scopeId (null: everywhere) and
// under one of $scopes (null: every place).
// Parameters: $scopeId (place id or null), $scopes (list of place ids or null), $from, $to (Date).
// Columns: units (list of maps: id, label, name, kind, communities: how many partner
//   communities it has), links (list of maps: source, target, weight, communities: shared ids).
CALL () {
  CALL () {
    MATCH (c:Community)
    WHERE ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    CALL (c) {
      MATCH (c)<-[:WITH]-(a:Agreement)<-[:SIGNED]-(o:Organisation)
      WHERE a.signedOn <= $to AND coalesce(a.endsOn, $to) >= $from
      RETURN o
      UNION
      MATCH (c)<-[:WITH]-(:Agreement)-[:AGREES]->(p:Project)<-[:CLAIMS]-(cl:Claim)<-[:MADE_CLAIM]-(o:Organisation)
      WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to AND p.status <> 'cancelled'
        AND coalesce(p.doneOn, $to) >= $from
      RETURN o
    }
    RETURN c, o
    UNION
    MATCH (cl:Claim {kind: 'project'})-[:CLAIMS]->(p:Project)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(c:Community)
    WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to
      AND p.status <> 'cancelled' AND coalesce(p.doneOn, $to) >= $from
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    MATCH (o:Organisation)-[:MADE_CLAIM]->(cl)
    RETURN c, o
    UNION
    MATCH (o:PartyOrganisation)-[r:REPORTS_TO]->(c:Community)
    WHERE r.on <= $to
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    RETURN c, o
    UNION
    MATCH (cl:Claim {kind: 'need'})-[:CLAIMS]->(:Need)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(c:Community)
    WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to
      AND (cl.status = 'active' OR cl.claimedOn >= $from)
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    MATCH (o:Organisation)-[:MADE_CLAIM]->(cl)
    RETURN c, o
  }
  MATCH (o)-[:BELONGS_TO*0..1]->(u:Organisation)
  WHERE NOT (u:PartyOrganisation OR u:ResidentsCommittee OR u:OwnersCommittee)
    AND NOT (u)-[:GOVERNS]->(c)
  RETURN DISTINCT c, u
}
WITH c, collect(u) AS partners
WITH collect({c: c, partners: partners}) AS groups
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.partners AS u
  WITH u, count(*) AS communities
  RETURN collect({
    id: u.id,
    label: [l IN labels(u) WHERE NOT l IN ['Entity', 'Organisation']][0],
    name: u.name, kind: u.kind, communities: communities
  }) AS units
}
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.partners AS a
  UNWIND g.partners AS b
  WITH g, a, b WHERE a.id < b.id
  WITH a, b, collect(g.c.id) AS shared
  RETURN collect({source: a.id, target: b.id, weight: size(shared), communities: shared}) AS links
}
RETURN units, links
