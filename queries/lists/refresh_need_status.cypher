// Bring a need's status in line with what its claims commit: open, partly met or met;
// a closed or withdrawn need keeps its status.
// Parameters: $id (need id).
// Columns: id (string), status (string), committed (float).
MATCH (n:Entity:Need {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)<-[:CLAIMS]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN toFloat(sum(coalesce(c.quantity, 0.0))) AS committed
}
SET n.status = CASE
  WHEN NOT n.status IN ['open', 'partly_met', 'met'] THEN n.status
  WHEN committed >= n.quantity THEN 'met'
  WHEN committed > 0 THEN 'partly_met'
  ELSE 'open' END
RETURN n.id AS id, n.status AS status, committed
