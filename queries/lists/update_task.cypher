// Change a task's own properties (if its status is still the one checked) and, when
// $assigneeIds is a list, replace who it is given to.
// Parameters: $id, $expectedStatus, $changes (map), $assigneeIds (list or null), $actorId,
//   $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map).
MATCH (n:Entity:Task {id: $id})
WHERE n.status = $expectedStatus
SET n += $changes, n.actorId = $actorId, n.recordedAt = datetime($now)
WITH n
CALL (n) {
  WITH n WHERE $assigneeIds IS NOT NULL
  OPTIONAL MATCH (n)-[old:ASSIGNED_TO]->()
  DELETE old
}
CALL (n) {
  UNWIND coalesce($assigneeIds, []) AS assigneeId
  MATCH (a:Entity {id: assigneeId})
  CREATE (n)-[:ASSIGNED_TO]->(a)
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
