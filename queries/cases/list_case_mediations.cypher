// The mediations of cases, oldest first, with their mediators.
// Parameters: $ids (list of case external ids).
// Columns: caseId (string), mediations (list of maps: the mediation's properties plus
//   mediators, a list of {id, name, label}).
UNWIND $ids AS id
MATCH (c:Entity:Case {id: id})
RETURN id AS caseId,
       COLLECT {
         MATCH (m:Mediation)-[:MEDIATES]->(c)
         RETURN m {.*, mediators: COLLECT {
           MATCH (who:Entity)-[:MEDIATOR_IN]->(m)
           RETURN who {.id, .name,
                       label: [l IN labels(who) WHERE NOT l IN ['Entity', 'Organisation']][0]}
           ORDER BY who.id
         }}
         ORDER BY m.startedOn, m.id
       } AS mediations
