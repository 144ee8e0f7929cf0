// Name the people who act on a case (派遣), replacing those named before.
// Parameters: $id (string), $personIds (list of Person ids, checked to exist beforehand).
// Columns: handlers (int: how many are linked now).
MATCH (c:Entity:Case {id: $id})
OPTIONAL MATCH (c)-[old:HANDLED_BY]->(:Person)
DELETE old
WITH DISTINCT c
UNWIND $personIds AS pid
MATCH (p:Entity:Person {id: pid})
MERGE (c)-[:HANDLED_BY]->(p)
RETURN count(DISTINCT p) AS handlers
