// Record a new task, optionally of a project, concerning a place, in a category, given to
// people or organisations. The caller has checked every referenced id (nodes/check_refs).
// Parameters: $id, $props (map), $projectId, $placeId, $categoryId (each or null),
//   $assigneeIds (list), $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map).
CREATE (n:Entity:Task {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = $now
WITH n
CALL (n) {
  MATCH (p:Entity:Project {id: $projectId})
  CREATE (n)-[:PART_OF_PROJECT]->(p)
}
CALL (n) {
  MATCH (p:Entity:Place {id: $placeId})
  CREATE (n)-[:CONCERNS]->(p)
}
CALL (n) {
  MATCH (c:Entity:Category {id: $categoryId})
  CREATE (n)-[:IN_CATEGORY]->(c)
}
CALL (n) {
  UNWIND $assigneeIds AS assigneeId
  MATCH (a:Entity {id: assigneeId})
  CREATE (n)-[:ASSIGNED_TO]->(a)
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
