// Every relationship leaving the given entities towards another entity, for exports.
// Parameters: $ids (list of external ids).
// Columns: from (string), type (string), to (string), props (map).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
