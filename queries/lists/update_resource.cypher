// Change a resource's own properties and report what claims still draw on it. Checks and
// write in one statement, one round trip: first every id the input names must exist, carry
// a label asked for and lie within $access (the same answers as nodes/check_refs, the scope
// rule copied verbatim); only then does the OPTIONAL CALL write.
// Parameters: $id, $changes (map), $refs (list of {field, id, labels}: the resource, as
//   input.id), $access (see nodes/get_nodes), $actorId, $now (ISO 8601 text).
// Columns: refused (list of the fields in $refs not found, of another kind or out of scope;
//   nothing written unless empty), id (string), labels (list), props (map),
//   committed (float): all null when refused.
CALL () {
  UNWIND $refs AS ref
  OPTIONAL MATCH (n:Entity {id: ref.id})
  WITH ref, n,
       n IS NOT NULL AND any(l IN labels(n) WHERE l IN ref.labels) AS rightKind
  WITH ref, rightKind AND all(clause IN $access WHERE n:Category OR any(g IN clause WHERE
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
      OR EXISTS { (n)<-[:MADE_CLAIM|OFFERS]-(p:Person) WHERE p.id = g.self })))) AS found
  // A null answer (a missing property met by the rule) refuses, as it does in check_refs.
  WITH ref WHERE found IS NULL OR NOT found
  RETURN collect(ref.field) AS refused
}
OPTIONAL CALL (refused) {
  WITH refused WHERE refused = []
  MATCH (n:Entity:Resource {id: $id})
  SET n += $changes, n.actorId = $actorId, n.recordedAt = datetime($now)
  WITH n
  CALL (n) {
    OPTIONAL MATCH (n)<-[:USES]-(c:Claim)
    WHERE c.status IN ['active', 'fulfilled']
    RETURN toFloat(sum(coalesce(c.quantity, 0.0))) AS committed
  }
  RETURN n, committed
}
RETURN refused, n.id AS id, labels(n) AS labels, properties(n) AS props, committed
