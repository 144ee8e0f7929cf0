// Set a volunteer's skills and days of availability, where given.
// Parameters: $id (person id), $skills (list or null), $availableDays (list or null),
//   $actorId, $now (ISO 8601 text).
// Columns: id (string), labels (list), props (map).
MATCH (n:Entity:Person {id: $id})
SET n.skills = coalesce($skills, n.skills),
    n.availableDays = coalesce($availableDays, n.availableDays),
    n.actorId = $actorId, n.recordedAt = datetime($now)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
