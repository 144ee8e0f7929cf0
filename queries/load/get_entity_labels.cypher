// The labels of the nodes with the given ids (ids not in the graph give no row): what the
// loader needs to check a dataset against the graph before writing.
// Parameters: $ids (list of external ids).
// Columns: id (string), labels (list of strings).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
