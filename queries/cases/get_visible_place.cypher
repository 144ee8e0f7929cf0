// A place, if the actor's roles reach it (to check a subscription's scope).
// Parameters: $id (string), $scopes (list of place ids or null: everywhere).
// Columns: id (string), labels (list of strings). No row: no such place, or out of scope.
MATCH (p:Entity:Place {id: $id})
WHERE $scopes IS NULL OR EXISTS { (p)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes }
RETURN p.id AS id, labels(p) AS labels
