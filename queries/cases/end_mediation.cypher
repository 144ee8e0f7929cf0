// Record a mediation's outcome: settled, not settled, or sent to court; and whether the
// agreement was notarised (公证), which makes it enforceable.
// Parameters: $mediationId (string), $outcome (settled|not_settled|sent_to_court),
//   $notarised (bool).
// Columns: outcome (string), sessions (int).
MATCH (m:Entity:Mediation {id: $mediationId})
SET m.outcome = $outcome, m.notarised = $notarised, m.endedOn = date(datetime.transaction())
RETURN m.outcome AS outcome, m.sessions AS sessions
