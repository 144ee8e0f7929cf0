// What reporting a case at a place needs to know before writing: whether the place exists
// and lies in the reporter's scope, the levels at which the category (or a category above
// it) has time limits, and whether the named reporter exists.
// Parameters: $placeId (string), $categoryId (string or null), $reporterId (string or null),
//   $scopes (list of place ids or null: everywhere).
// Columns: placeLabels (list or null), inScope (bool), categoryFound (bool),
//   categoryLevels (list of strings), reporterLabels (list or null).
OPTIONAL MATCH (at:Entity:Place {id: $placeId})
OPTIONAL MATCH (cat:Entity:Category {id: $categoryId})
OPTIONAL MATCH (r:Entity {id: $reporterId})
RETURN labels(at) AS placeLabels,
       at IS NOT NULL
         AND ($scopes IS NULL OR EXISTS { (at)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes })
         AS inScope,
       cat IS NOT NULL AS categoryFound,
       COLLECT {
         MATCH (cat)-[:SUBCATEGORY_OF*0..]->(:Category)<-[:IN_CATEGORY]-(tl:TimeLimit)
         RETURN DISTINCT tl.level
       } AS categoryLevels,
       labels(r) AS reporterLabels
