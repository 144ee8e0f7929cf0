// caseRouting: closed cases of the same category near a case (same grid, community or
// street; nearest first, then the most recently closed), with who closed and handled them.
// The grid is searched first; the community and then the street only while fewer than
// $first were found, so a busy street is walked only for a case with few neighbours.
// Both the case and each similar case must lie under the viewer's scopes.
// Parameters: $caseId (string), $scopes (list of place ids, or null for all), $first (int).
// Columns: case (map), place ({labels, props}), nearness ('grid'|'community'|'street'),
//   nearPlaceName (string), closedBy (list of person maps: who took the closing step),
//   handledBy (list of person maps).
MATCH (c:Entity {id: $caseId})
WHERE c:Case
MATCH (c)-[:AT]->(p:Place)
WHERE $scopes IS NULL OR EXISTS { (p)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes }
WITH c, COLLECT { MATCH path = (p)-[:PART_OF*0..]->(a:Place) RETURN a ORDER BY length(path) } AS up
WITH c, [head([a IN up WHERE a:Grid]), head([a IN up WHERE a:Community]),
         head([a IN up WHERE a:Street])] AS rings,
     [(c)-[:IN_CATEGORY]->(k:Category) | k] AS categories
// Compared from the cases' side: a category's own list of cases is the city's longest.
CALL (c, rings, categories) {
  WITH c, categories, rings[0] AS root, null AS inner
  WHERE root IS NOT NULL
  MATCH (root)<-[:PART_OF*0..]-(op:Place)<-[:AT]-(o:Case)
  WHERE o.status = 'closed' AND o <> c
    AND any(k IN [(o)-[:IN_CATEGORY]->(k:Category) | k] WHERE k IN categories)
  WITH o, op, inner, COLLECT { MATCH (op)-[:PART_OF*0..]->(a:Place) RETURN a } AS oup
  WHERE (inner IS NULL OR NOT inner IN oup)
    AND ($scopes IS NULL OR any(a IN oup WHERE a.id IN $scopes))
  WITH o, op ORDER BY o.closedAt DESC, o.id LIMIT $first
  RETURN collect({o: o, op: op, ring: 0}) AS inGrid
}
CALL (c, rings, categories, inGrid) {
  WITH c, categories, rings[1] AS root, rings[0] AS inner
  WHERE root IS NOT NULL AND size(inGrid) < $first
  MATCH (root)<-[:PART_OF*0..]-(op:Place)<-[:AT]-(o:Case)
  WHERE o.status = 'closed' AND o <> c
    AND any(k IN [(o)-[:IN_CATEGORY]->(k:Category) | k] WHERE k IN categories)
  WITH o, op, inner, COLLECT { MATCH (op)-[:PART_OF*0..]->(a:Place) RETURN a } AS oup
  WHERE (inner IS NULL OR NOT inner IN oup)
    AND ($scopes IS NULL OR any(a IN oup WHERE a.id IN $scopes))
  WITH o, op ORDER BY o.closedAt DESC, o.id LIMIT $first
  RETURN collect({o: o, op: op, ring: 1}) AS inCommunity
}
CALL (c, rings, categories, inGrid, inCommunity) {
  WITH c, categories, rings[2] AS root, coalesce(rings[1], rings[0]) AS inner
  WHERE root IS NOT NULL AND size(inGrid + inCommunity) < $first
  MATCH (root)<-[:PART_OF*0..]-(op:Place)<-[:AT]-(o:Case)
  WHERE o.status = 'closed' AND o <> c
    AND any(k IN [(o)-[:IN_CATEGORY]->(k:Category) | k] WHERE k IN categories)
  WITH o, op, inner, COLLECT { MATCH (op)-[:PART_OF*0..]->(a:Place) RETURN a } AS oup
  WHERE (inner IS NULL OR NOT inner IN oup)
    AND ($scopes IS NULL OR any(a IN oup WHERE a.id IN $scopes))
  WITH o, op ORDER BY o.closedAt DESC, o.id LIMIT $first
  RETURN collect({o: o, op: op, ring: 2}) AS inStreet
}
UNWIND (inGrid + inCommunity + inStreet)[0..$first] AS x
WITH rings, x.o AS o, x.op AS op, x.ring AS ring
RETURN properties(o) AS case,
       {labels: labels(op), props: properties(op)} AS place,
       ['grid', 'community', 'street'][ring] AS nearness,
       rings[ring].name AS nearPlaceName,
       COLLECT {
         MATCH (o)-[:HAS_EVENT]->(e:CaseEvent {toState: 'closed'})
         WITH e ORDER BY e.seq DESC LIMIT 1
         CALL (e) {
           MATCH (e)-[:BY]->(x:Person) RETURN x
           UNION
           // Steps recorded through the API name their actor by id only.
           MATCH (x:Entity {id: e.actorId}) WHERE x:Person AND NOT EXISTS { (e)-[:BY]->() } RETURN x
         }
         RETURN DISTINCT properties(x) AS person ORDER BY person.id
       } AS closedBy,
       COLLECT {
         MATCH (o)-[:HANDLED_BY]->(x:Person) RETURN properties(x) AS person ORDER BY person.id
       } AS handledBy
