// Record a new need, concerning a place, optionally in a category and raised by someone.
// The caller has checked every referenced id in the same transaction (nodes/check_refs).
// Parameters: $id (new external id), $props (map of the need's own properties),
//   $placeId, $categoryId (or null), $raisedById (or null), $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map).
MATCH (place:Entity:Place {id: $placeId})
CREATE (n:Entity:Need {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = $now
CREATE (n)-[:CONCERNS]->(place)
WITH n
CALL (n) {
  MATCH (c:Entity:Category {id: $categoryId})
  CREATE (n)-[:IN_CATEGORY]->(c)
}
CALL (n) {
  MATCH (r:Entity {id: $raisedById})
  CREATE (r)-[:RAISED]->(n)
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
