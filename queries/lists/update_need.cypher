// Change a need's own properties, then bring its status in line with what is committed:
// open, partly met or met follow the claims; closed and withdrawn stay as set.
// Parameters: $id, $changes (map of properties to set; null values are left out by the
//   caller), $actorId, $now (datetime).
// Columns: id (string), labels (list), props (map), committed (float), activeClaims (int).
MATCH (n:Entity:Need {id: $id})
SET n += $changes, n.actorId = $actorId, n.recordedAt = $now
WITH n
CALL (n) {
  OPTIONAL MATCH (n)<-[:CLAIMS]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN toFloat(sum(coalesce(c.quantity, 0.0))) AS committed,
         count(CASE WHEN c.status = 'active' THEN 1 END) AS activeClaims
}
SET n.status = CASE
  WHEN NOT n.status IN ['open', 'partly_met', 'met'] THEN n.status
  WHEN committed >= n.quantity THEN 'met'
  WHEN committed > 0 THEN 'partly_met'
  ELSE 'open' END
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, committed, activeClaims
