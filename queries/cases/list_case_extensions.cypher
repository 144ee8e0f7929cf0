// The extension requests of cases (延期申请) and their decisions, oldest first.
// Parameters: $ids (list of case external ids).
// Columns: caseId (string), extensions (list of maps: the request's properties).
UNWIND $ids AS id
MATCH (c:Entity:Case {id: id})
RETURN id AS caseId,
       COLLECT {
         MATCH (c)-[:HAS_EXTENSION]->(x:ExtensionRequest) RETURN x {.*} ORDER BY x.requestedAt, x.id
       } AS extensions
