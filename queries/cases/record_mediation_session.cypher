// Count one more session of a pending mediation.
// Parameters: $mediationId (string).
// Columns: sessions (int).
MATCH (m:Entity:Mediation {id: $mediationId})
SET m.sessions = m.sessions + 1
RETURN m.sessions AS sessions
