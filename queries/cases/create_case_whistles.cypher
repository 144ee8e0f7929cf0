// Blow the whistle (吹哨): summon departments to a case, each to answer by a deadline.
// A department summoned before is summoned again (its earlier answer stays in the history).
// Parameters: $id (string), $departmentIds (list of Department ids, checked beforehand),
//   $hours (number: hours each has to answer).
// Columns: summoned (int), deadline (datetime).
MATCH (c:Entity:Case {id: $id})
UNWIND $departmentIds AS did
MATCH (d:Entity:Department {id: did})
MERGE (c)-[w:WHISTLED]->(d)
SET w.deadline = datetime.transaction() + duration({seconds: toInteger(round($hours * 3600))}),
    w.answer = 'pending',
    w.answeredAt = null,
    w.reason = null
RETURN count(w) AS summoned, min(w.deadline) AS deadline
