// Record a new project concerning a place, taking on needs, optionally in a category and
// agreed in an agreement. The caller has checked every referenced id (nodes/check_refs).
// Parameters: $id, $props (map), $placeId, $needIds (list), $categoryId (or null),
//   $agreementId (or null), $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map).
MATCH (place:Entity:Place {id: $placeId})
CREATE (n:Entity:Project {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = $now
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
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
