// Record a new project concerning a place, taking on needs, optionally in a category and
// agreed in an agreement: checks and write in one statement, one round trip. First the
// checks (the same answers as nodes/check_refs, with the scope rule copied verbatim): is the
// new external id taken, and does every id the input names exist, carry a label asked for
// and lie within $access. Only when all pass does the OPTIONAL CALL write; otherwise
// nothing is written and the row says why.
// Parameters: $id (new external id), $props (map), $refs (list of {field, id, labels}:
//   every id the input names), $access (see nodes/get_nodes), $placeId, $needIds (list),
//   $categoryId (or null), $agreementId (or null), $actorId, $now (ISO 8601 text).
// Columns: taken (bool: $id is in use; nothing written), refused (list of the fields in
//   $refs not found, of another kind or out of scope; nothing written unless empty),
//   id (string), labels (list), props (map): the project written, all null when refused.
OPTIONAL MATCH (other:Entity {id: $id})
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
WITH other IS NOT NULL AS taken, refused
OPTIONAL CALL (taken, refused) {
  WITH taken, refused WHERE NOT taken AND refused = []
  MATCH (place:Entity:Place {id: $placeId})
  CREATE (n:Entity:Project {id: $id})
  SET n += $props, n.actorId = $actorId, n.recordedAt = datetime($now)
  CREATE (n)-[:CONCERNS]->(place)
  WITH n
  CALL (n) {
    UNWIND $needIds AS needId
    MATCH (need:Entity:Need {id: needId})
    CREATE (n)-[:ADDRESSES]->(need)
  }
  CALL (n) {
    MATCH (c:Entity:Category {id: $categoryId})
    CREATE (n)-[:IN_CATEGORY]->(c)
  }
  CALL (n) {
    MATCH (a:Entity:Agreement {id: $agreementId})
    CREATE (a)-[:AGREES]->(n)
  }
  RETURN n
}
RETURN taken, refused, n.id AS id, labels(n) AS labels, properties(n) AS props
