// A claimed project leaves the proposal stage or the open pool.
// Parameters: $id (project id), $actorId, $now (ISO 8601 text).
// Columns: id (string), status (string).
MATCH (p:Entity:Project {id: $id})
SET p.status = CASE WHEN p.status IN ['proposed', 'open_pool'] THEN 'claimed' ELSE p.status END,
    p.actorId = $actorId, p.recordedAt = datetime($now)
RETURN p.id AS id, p.status AS status
