// Open a mediation (调解) of a dispute with its mediators (people or organisations).
// Parameters: $id (string: case), $mediationId (string: new external id),
//   $mediatorIds (list of Person or Organisation ids, checked beforehand).
// Columns: mediationId (string), mediators (int).
MATCH (c:Entity:Case {id: $id})
CREATE (m:Entity:Mediation {
  id: $mediationId, outcome: 'pending', sessions: 0, notarised: false,
  startedOn: date(datetime.transaction())
})
CREATE (m)-[:MEDIATES]->(c)
WITH m
UNWIND $mediatorIds AS mid
MATCH (who:Entity {id: mid}) WHERE who:Person OR who:Organisation
CREATE (who)-[:MEDIATOR_IN]->(m)
RETURN m.id AS mediationId, count(who) AS mediators
