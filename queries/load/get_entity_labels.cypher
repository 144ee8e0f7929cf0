// Which of the given ids the graph holds, grouped by their labels, with their element ids:
// what the loader needs to check a dataset against the graph and to link to those nodes.
// Grouped, so a million ids come back as a few lists.
// Parameters: $ids (list of external ids).
// Columns: labels (list of strings), nodes (list of [id, elementId] pairs).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN labels(n) AS labels, collect([n.id, elementId(n)]) AS nodes
