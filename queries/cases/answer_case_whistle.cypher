// Record a summoned department's answer to a whistle (报到): arrived, accepted or refused.
// Parameters: $id (string: case), $departmentId (string), $answer (arrived|accepted|refused),
//   $reason (string or null: why it refused).
// Columns: answer (string), answeredAt (datetime). No row: the department was not summoned.
MATCH (c:Entity:Case {id: $id})-[w:WHISTLED]->(:Department {id: $departmentId})
SET w.answer = $answer, w.answeredAt = datetime.transaction(), w.reason = $reason
RETURN w.answer AS answer, w.answeredAt AS answeredAt
