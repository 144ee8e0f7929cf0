// A person joins a volunteer team (once: joining again changes nothing).
// Parameters: $personId, $teamId, $since (date), $actorId, $now (ISO 8601 text).
// Columns: joined (bool: a new membership).
MATCH (p:Entity:Person {id: $personId})
MATCH (t:VolunteerTeam {id: $teamId})
OPTIONAL MATCH (p)-[old:MEMBER_OF]->(t)
WITH p, t, count(old) = 0 AS joined
MERGE (p)-[m:MEMBER_OF]->(t)
ON CREATE SET m.since = $since, m.actorId = $actorId, m.recordedAt = datetime($now)
RETURN joined
