// The departments summoned to cases (吹哨), with their deadline and answer.
// Parameters: $ids (list of case external ids).
// Columns: caseId (string), whistles (list of maps {departmentId, departmentName, deadline,
//   answer, answeredAt, reason}, by deadline then department id).
UNWIND $ids AS id
MATCH (c:Entity:Case {id: id})
RETURN id AS caseId,
       COLLECT {
         MATCH (c)-[w:WHISTLED]->(d:Department)
         RETURN {departmentId: d.id, departmentName: d.name, deadline: w.deadline,
                 answer: w.answer, answeredAt: w.answeredAt, reason: w.reason}
         ORDER BY w.deadline, d.id
       } AS whistles
