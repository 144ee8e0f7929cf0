// Change a project's own properties, if its status is still the one the caller checked
// (a concurrent change in between makes it return no row).
// Parameters: $id, $expectedStatus, $changes (map), $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map).
MATCH (n:Entity:Project {id: $id})
WHERE n.status = $expectedStatus
SET n += $changes, n.actorId = $actorId, n.recordedAt = datetime($now)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
