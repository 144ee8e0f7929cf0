// Record a new resource offered by an organisation or person, optionally located at a place
// and in a category. The caller has checked every referenced id (nodes/check_refs).
// Parameters: $id, $props (map), $providerId, $placeId (or null), $categoryId (or null),
//   $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map).
MATCH (provider:Entity {id: $providerId})
CREATE (n:Entity:Resource {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = $now
CREATE (provider)-[:OFFERS]->(n)
WITH n
CALL (n) {
  MATCH (p:Entity:Place {id: $placeId})
  CREATE (n)-[:LOCATED_IN]->(p)
}
CALL (n) {
  MATCH (c:Entity:Category {id: $categoryId})
  CREATE (n)-[:IN_CATEGORY]->(c)
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
