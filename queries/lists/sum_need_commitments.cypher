// Quantity committed to each need by its claims that still count (active or fulfilled).
// Parameters: $ids (list of need ids).
// Columns: id (string), committed (float).
UNWIND $ids AS id
MATCH (n:Entity:Need {id: id})
CALL (n) {
  OPTIONAL MATCH (n)<-[:CLAIMS]-(c:Claim)
  WHERE c.status IN ['active', 'fulfilled']
  RETURN sum(coalesce(c.quantity, 0.0)) AS committed
}
RETURN id, toFloat(committed) AS committed
