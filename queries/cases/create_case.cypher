// Create a reported case at a place, held by the nearest place above it (or the place
// itself) whose label is one of $heldLabels (the routed level first, then the ones above).
// The first event is appended by cases/append_case_event in the same transaction.
// Parameters: $id (string: new external id), $props (map: title, kind, severity, invented),
//   $placeId (string), $heldLabels (list of place labels, nearest level first),
//   $categoryId (string or null), $reporterId (string or null: a Person or Organisation).
// Columns: id (string), level (string), heldById (string). No row: no place of those labels
//   at or above the place.
MATCH (at:Entity:Place {id: $placeId})
CALL (at) {
  MATCH p = (at)-[:PART_OF*0..]->(h:Place)
  WHERE any(l IN labels(h) WHERE l IN $heldLabels)
  RETURN h ORDER BY length(p) LIMIT 1
}
CREATE (c:Entity:Case {id: $id})
SET c += $props,
    c.reportedAt = datetime.transaction(),
    c.level = CASE WHEN h:Grid THEN 'grid' WHEN h:Community THEN 'community'
                   WHEN h:Street THEN 'street' ELSE 'district' END
CREATE (c)-[:AT]->(at)
CREATE (c)-[:HELD_BY]->(h)
WITH c, h
OPTIONAL MATCH (cat:Entity:Category {id: $categoryId})
FOREACH (_ IN CASE WHEN cat IS NULL THEN [] ELSE [1] END | CREATE (c)-[:IN_CATEGORY]->(cat))
WITH c, h
OPTIONAL MATCH (r:Entity {id: $reporterId}) WHERE r:Person OR r:Organisation
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (r)-[:REPORTED]->(c))
RETURN c.id AS id, c.level AS level, h.id AS heldById
