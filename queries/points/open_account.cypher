// Give an owner (a person or organisation) a points account unless it has one; either way
// return the owner's account.
// Parameters: $ownerId, $id (external id for a new account), $kind, $name (or null),
//   $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map), opened (bool).
MATCH (o:Entity {id: $ownerId})
// Locked first (a property set and removed), so two openings cannot both find none.
SET o._lock = true
REMOVE o._lock
WITH o
OPTIONAL MATCH (o)-[:HAS_ACCOUNT]->(existing:PointAccount)
WITH o, head(collect(existing)) AS existing
CALL (o, existing) {
  WITH o WHERE existing IS NULL
  CREATE (a:Entity:PointAccount {id: $id})
  SET a.kind = $kind, a.name = $name, a.actorId = $actorId, a.recordedAt = datetime($now)
  CREATE (o)-[:HAS_ACCOUNT]->(a)
  RETURN a, true AS opened
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS a, false AS opened
}
RETURN a.id AS id, labels(a) AS labels, properties(a) AS props, opened
