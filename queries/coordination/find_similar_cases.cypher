// caseRouting: closed cases of the same category near a case (same grid, community or
// street; nearest first, then the most recently closed), with who closed and handled them.
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
         head([a IN up WHERE a:Street])] AS rings
// Down from the widest ring: a street holds a few hundred places, while a case category
// can hold most cases of the city.
WITH c, rings, last([r IN rings WHERE r IS NOT NULL]) AS root,
     [(c)-[:IN_CATEGORY]->(k:Category) | k] AS categories
MATCH (root)<-[:PART_OF*0..]-(op:Place)<-[:AT]-(o:Case)
WHERE o.status = 'closed' AND o <> c
  // Compared from the cases' side: a category's own list of cases is the city's longest.
  AND any(k IN [(o)-[:IN_CATEGORY]->(k:Category) | k] WHERE k IN categories)
WITH c, rings, o, op, COLLECT { MATCH (op)-[:PART_OF*0..]->(a:Place) RETURN a } AS oup
WITH c, rings, o, op, oup, [i IN range(0, 2) WHERE rings[i] IS NOT NULL AND rings[i] IN oup] AS shared
WHERE $scopes IS NULL OR any(a IN oup WHERE a.id IN $scopes)
WITH DISTINCT rings, o, op, head(shared) AS ring
ORDER BY ring, o.closedAt DESC, o.id
LIMIT $first
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
