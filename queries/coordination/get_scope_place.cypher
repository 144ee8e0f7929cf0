// The place a coordination report is about, when it exists and lies under the viewer's
// scopes (a scope outside them answers nothing, as if it did not exist).
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all).
// Columns: place ({labels, props}).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
RETURN {labels: labels(s), props: properties(s)} AS place
