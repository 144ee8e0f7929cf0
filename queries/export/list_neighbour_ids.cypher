// The ids of the non-place entities linked (either way) to the given entities: one step of
// widening an export's scope from its places to what hangs off them.
// Parameters: $ids (list of external ids).
// Columns: id (string).
UNWIND $ids AS id
MATCH (:Entity {id: id})--(m:Entity)
WHERE NOT m:Place
RETURN DISTINCT m.id AS id
