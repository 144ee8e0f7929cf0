// Approve or refuse a pending extension (延期审批). Approval moves the running clock's
// yellow and red marks later by the hours asked.
// Parameters: $id (string: case), $requestId (string), $approved (bool), $note (string or
//   null), $actorId (string or null: who decides, from the token).
// Columns: status (string), dueAt (datetime or null), yellowAt (datetime or null).
MATCH (c:Entity:Case {id: $id})-[:HAS_EXTENSION]->(x:Entity:ExtensionRequest {id: $requestId, status: 'pending'})
WITH c, x, duration({seconds: toInteger(round(x.hours * 3600))}) AS more
SET x.status = CASE WHEN $approved THEN 'approved' ELSE 'refused' END,
    x.decidedAt = datetime.transaction(),
    x.deciderId = $actorId,
    x.decisionNote = $note,
    c.dueAt = CASE WHEN $approved AND c.dueAt IS NOT NULL THEN c.dueAt + more ELSE c.dueAt END,
    c.yellowAt = CASE WHEN $approved AND c.yellowAt IS NOT NULL THEN c.yellowAt + more ELSE c.yellowAt END
RETURN x.status AS status, c.dueAt AS dueAt, c.yellowAt AS yellowAt
