// End a role a person holds (its until date); no row when they hold no such active role.
// Parameters: $personId, $atId, $role, $until (date), $actorId, $now (ISO 8601 text).
// Columns: person (map {id, labels, props}), at (map {id, labels, props, rel}).
MATCH (p:Entity:Person {id: $personId})-[r:HOLDS_ROLE]->(at:Entity {id: $atId})
WHERE r.role = $role AND r.until IS NULL
SET r.until = $until, r.actorId = $actorId, r.recordedAt = datetime($now)
RETURN {id: p.id, labels: labels(p), props: properties(p)} AS person,
       {id: at.id, labels: labels(at), props: properties(at), rel: properties(r)} AS at
