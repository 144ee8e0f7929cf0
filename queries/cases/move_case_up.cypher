// Escalate a case: it is now held by the nearest place above its holder whose label is one
// of $labels (the next level first, then the ones above it when a level is missing).
// Parameters: $id (string), $labels (list of place labels, nearest level first).
// Columns: level (string), heldById (string). No row: there is no such place above.
MATCH (c:Entity:Case {id: $id})-[old:HELD_BY]->(h:Place)
CALL (h) {
  MATCH p = (h)-[:PART_OF*1..]->(up:Place)
  WHERE any(l IN labels(up) WHERE l IN $labels)
  RETURN up ORDER BY length(p) LIMIT 1
}
DELETE old
CREATE (c)-[:HELD_BY]->(up)
SET c.level = CASE WHEN up:Grid THEN 'grid' WHEN up:Community THEN 'community'
                   WHEN up:Street THEN 'street' ELSE 'district' END
RETURN c.level AS level, up.id AS heldById
