// Quantity of each resource that claims still counting (active or fulfilled) draw on.
// Parameters: $ids (list of resource ids).
// Columns: id (string), committed (float).
UNWIND $ids AS id
MATCH (r:Entity:Resource {id: id})
CALL (r) {
  OPTIONAL MATCH (r)<-[:USES]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN sum(coalesce(c.quantity, 0.0)) AS committed
}
RETURN id, toFloat(committed) AS committed
