// Change a resource's own properties and report what claims still draw on it.
// Parameters: $id, $changes (map), $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map), committed (float).
MATCH (n:Entity:Resource {id: $id})
SET n += $changes, n.actorId = $actorId, n.recordedAt = $now
WITH n
CALL (n) {
  OPTIONAL MATCH (n)<-[:USES]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN toFloat(sum(coalesce(c.quantity, 0.0))) AS committed
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, committed
