// The history of cases: every event in the order it happened (seq), never rewritten.
// Parameters: $ids (list of case external ids), $scopes (list of place ids or null).
// Columns: caseId (string), events (list of maps, by seq).
UNWIND $ids AS id
MATCH (c:Entity:Case {id: id})-[:AT]->(at:Place)
WHERE $scopes IS NULL OR EXISTS { (at)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes }
RETURN id AS caseId,
       COLLECT { MATCH (c)-[:HAS_EVENT]->(e:CaseEvent) RETURN e {.*} ORDER BY e.seq } AS events
