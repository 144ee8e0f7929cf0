// Withdraw an active claim; report what it was on, so the caller can refresh the need.
// Parameters: $id (claim id), $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map), targetId (string), targetIsNeed (bool).
MATCH (n:Entity:Claim {id: $id})-[:CLAIMS]->(target)
WHERE n.status = 'active'
SET n.status = 'withdrawn', n.actorId = $actorId, n.recordedAt = datetime($now)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
       target.id AS targetId, target:Need AS targetIsNeed
