// Open cases under a place that are past the yellow mark of their time limit at $at, or
// have a summoned department that missed its deadline. Starts from the range indexes on
// Case.yellowAt and WHISTLED.deadline (few rows), then keeps those under the place.
// Parameters: $scopeId (string: a place), $at (datetime), $open (list of open statuses),
//   $scopes (list of place ids or null: everywhere), $limit (int).
// Columns: id (string), case (map), lateDepartments (list of {departmentId,
//   departmentName, deadline}).
MATCH (scope:Entity:Place {id: $scopeId})
CALL () {
  MATCH (c:Case) WHERE c.yellowAt <= $at RETURN c
  UNION
  MATCH (c:Case)-[w:WHISTLED]->(:Department) WHERE w.deadline < $at AND w.answer = 'pending'
  RETURN c
}
WITH scope, c
WHERE c.status IN $open
  AND EXISTS { (c)-[:AT]->(:Place)-[:PART_OF*0..]->(scope) }
  AND ($scopes IS NULL
       OR EXISTS { (c)-[:AT]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes })
RETURN c.id AS id,
       c {.*} AS case,
       COLLECT {
         MATCH (c)-[w:WHISTLED]->(d:Department) WHERE w.deadline < $at AND w.answer = 'pending'
         RETURN {departmentId: d.id, departmentName: d.name, deadline: w.deadline}
         ORDER BY w.deadline, d.id
       } AS lateDepartments
ORDER BY coalesce(c.dueAt, c.yellowAt), c.id
LIMIT $limit
