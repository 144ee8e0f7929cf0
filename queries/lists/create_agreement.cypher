// Record a joint-building agreement between organisations and a community, with the
// projects it agrees. The caller has checked every referenced id (nodes/check_refs).
// Parameters: $id, $props (map), $communityId, $signatoryIds (list), $projectIds (list),
//   $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map).
MATCH (community:Entity:Community {id: $communityId})
CREATE (n:Entity:Agreement {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = $now
CREATE (n)-[:WITH]->(community)
WITH n
CALL (n) {
  UNWIND $signatoryIds AS signatoryId
  MATCH (o:Entity:Organisation {id: signatoryId})
  CREATE (o)-[:SIGNED]->(n)
}
CALL (n) {
  UNWIND $projectIds AS projectId
  MATCH (p:Entity:Project {id: projectId})
  CREATE (n)-[:AGREES]->(p)
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
