// The entities with the given ids (a page of a scoped export); unknown ids give no row.
// Parameters: $ids (list of external ids).
// Columns: id (string), labels (list of strings), props (map).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
