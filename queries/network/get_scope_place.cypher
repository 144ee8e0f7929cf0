// The place a network analysis is scoped to (its name for the report's title), if it exists.
// Parameters: $scopeId (place id).
// Columns: id (string), name (string), label (string: District, Street, Community ...).
MATCH (p:Entity:Place {id: $scopeId})
RETURN p.id AS id, p.name AS name,
       [l IN labels(p) WHERE NOT l IN ['Entity', 'Place']][0] AS label
