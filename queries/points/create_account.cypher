// Open a points account with no owner in the graph (the issuer's, or a 雷锋超市 shop's).
// Parameters: $id, $kind, $name, $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map).
CREATE (a:Entity:PointAccount {id: $id})
SET a.kind = $kind, a.name = $name, a.actorId = $actorId, a.recordedAt = datetime($now)
RETURN a.id AS id, labels(a) AS labels, properties(a) AS props
