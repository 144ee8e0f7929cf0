// The alliance network (党建联盟): party-building alliances (PartyOrganisation of kind
// 'alliance') and their members (MEMBER_OF: units, branches, enterprises), a member and an
// alliance linked while the membership is alive in the window (since on or before $to; no
// since date counts as always). An alliance is in scope when it, or one of its members, is
// located in or governs a place at or under $scopeId (null: everywhere) and under one of
// $scopes (null: every place). Weight 1 per membership: the network is about who is in
// which alliance, which units sit in several, and what holds the alliances together.
// Parameters: $scopeId (place id or null), $scopes (list of place ids or null), $from, $to (Date).
// Columns: alliances (list of maps: id, label, name, kind), members (list of maps: id,
//   label, name, kind), links (list of maps: member, alliance, weight, since).
MATCH (al:PartyOrganisation {kind: 'alliance'})
WHERE ($scopeId IS NULL
       OR EXISTS { (al)-[:LOCATED_IN|GOVERNS]->(:Place)-[:PART_OF*0..]->(:Place {id: $scopeId}) }
       OR EXISTS { (al)<-[:MEMBER_OF]-(:Organisation)-[:LOCATED_IN|GOVERNS]->(:Place)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
  AND ($scopes IS NULL
       OR EXISTS { (al)-[:LOCATED_IN|GOVERNS]->(:Place)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes }
       OR EXISTS { (al)<-[:MEMBER_OF]-(:Organisation)-[:LOCATED_IN|GOVERNS]->(:Place)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
OPTIONAL MATCH (al)<-[m:MEMBER_OF]-(o:Organisation)
WHERE coalesce(m.since, $to) <= $to
WITH al, collect(CASE WHEN o IS NULL THEN null ELSE {o: o, since: m.since} END) AS memberships
WITH collect(al) AS alliances, collect({al: al, memberships: memberships}) AS groups
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.memberships AS ms
  WITH DISTINCT ms.o AS o
  RETURN collect({
    id: o.id,
    label: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organisation']][0],
    name: o.name, kind: o.kind
  }) AS members
}
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.memberships AS ms
  RETURN collect({member: ms.o.id, alliance: g.al.id, weight: 1.0, since: ms.since}) AS links
}
RETURN [al IN alliances | {id: al.id, label: 'PartyOrganisation', name: al.name, kind: al.kind}] AS alliances,
       members, links
