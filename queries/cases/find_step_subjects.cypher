// The labels of the nodes a step names (handlers, departments, mediators), to check each
// is of the right type before writing.
// Parameters: $ids (list of external ids).
// Columns: id (string), labels (list of strings, or null when there is no such node).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id AS id, labels(n) AS labels
