// A person takes a role at a place or in an organisation, then report how many such roles
// (same role, same place, not ended) they now hold: more than one means it was held already.
// The person is locked first (setting and removing a property takes a node's write lock), so
// two equal assignments cannot both pass.
// Parameters: $personId, $atId, $props (map: role, since, fullTime, claimed), $actorId,
//   $now (ISO 8601 text).
// Columns: holding (int), person (map {id, labels, props}), at (map {id, labels, props, rel}).
MATCH (p:Entity:Person {id: $personId})
MATCH (at:Entity {id: $atId})
SET p._lock = true
REMOVE p._lock
CREATE (p)-[r:HOLDS_ROLE]->(at)
SET r = $props, r.actorId = $actorId, r.recordedAt = datetime($now)
WITH p, at, r
RETURN COUNT { (p)-[x:HOLDS_ROLE]->(at) WHERE x.role = r.role AND x.until IS NULL } AS holding,
       {id: p.id, labels: labels(p), props: properties(p)} AS person,
       {id: at.id, labels: labels(at), props: properties(at), rel: properties(r)} AS at
