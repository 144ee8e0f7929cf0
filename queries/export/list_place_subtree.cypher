// The ids of a place and of every place under it (PART_OF, any depth): an export's scope.
// No row when there is no place with that id.
// Parameters: $scopeId (string: a place's external id).
// Columns: id (string).
MATCH (s:Place {id: $scopeId})
MATCH (p:Place)-[:PART_OF*0..]->(s)
RETURN DISTINCT p.id AS id
