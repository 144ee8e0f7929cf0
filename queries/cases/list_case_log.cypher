// Events of the global case-event log after a number, in log order, each with its case as
// it stands now and every place its case lies under (to match subscribers' scopes).
// Parameters: $after (int), $upto (int), $limit (int).
// Columns: event (map), case (map), caseId (string), placeIds (list of strings).
MATCH (e:CaseEvent) WHERE e.logSeq > $after AND e.logSeq <= $upto
MATCH (c:Case)-[:HAS_EVENT]->(e)
MATCH (c)-[:AT]->(at:Place)
RETURN e {.*} AS event,
       c {.*} AS case,
       c.id AS caseId,
       COLLECT { MATCH (at)-[:PART_OF*0..]->(p:Place) RETURN p.id } AS placeIds
ORDER BY e.logSeq
LIMIT $limit
