// Record a new person (a volunteer signing up who is not in the graph yet).
// Parameters: $id, $props (map of the person's own properties), $actorId, $now (ISO 8601 text).
// Columns: id (string).
CREATE (n:Entity:Person {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = datetime($now)
RETURN n.id AS id
