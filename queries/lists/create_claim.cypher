// Record a claim on a need or project, optionally drawing on a resource, then report the
// totals the rules are checked against. The need (or project) and the resource are locked
// first (setting and removing a property takes a node's write lock; target before resource,
// always, so two claims never wait on each other in a circle), so the totals read after
// include every claim committed before, and none can slip in until this transaction ends.
// Parameters: $id, $props (map: kind, quantity, delivered, status, claimedOn), $targetId,
//   $claimantId, $resourceId (or null), $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map), targetCommitted (float),
//   resourceCommitted (float or null), offersResource (bool).
MATCH (target:Entity {id: $targetId})
MATCH (claimant:Entity {id: $claimantId})
SET target._lock = true
REMOVE target._lock
WITH target, claimant
CALL (target) {
  MATCH (r:Entity:Resource {id: $resourceId})
  SET r._lock = true
  REMOVE r._lock
}
CREATE (n:Entity:Claim {id: $id})
SET n += $props, n.actorId = $actorId, n.recordedAt = datetime($now)
CREATE (claimant)-[:MADE_CLAIM]->(n)
CREATE (n)-[:CLAIMS]->(target)
WITH n, target, claimant
CALL (n) {
  MATCH (r:Entity:Resource {id: $resourceId})
  CREATE (n)-[:USES]->(r)
}
WITH n, target, claimant
CALL (target) {
  OPTIONAL MATCH (target)<-[:CLAIMS]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN toFloat(sum(coalesce(c.quantity, 0.0))) AS targetCommitted
}
CALL (claimant) {
  OPTIONAL MATCH (r:Entity:Resource {id: $resourceId})
  OPTIONAL MATCH (r)<-[:USES]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  WITH r, toFloat(sum(coalesce(c.quantity, 0.0))) AS used
  RETURN CASE WHEN r IS NULL THEN null ELSE used END AS resourceCommitted,
         r IS NOT NULL AND EXISTS { (claimant)-[:OFFERS]->(r) } AS offersResource
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
       targetCommitted, resourceCommitted, offersResource
