// caseRouting: what deciding who should hold a case needs: the case, its place and every
// place above it, its category and the levels at which that category (or one above it)
// has time limits (graph/cases/routing.route_level turns these into a level), the people
// who should act (grid leader/workers and grid mediators of its grid, mediators of its
// community and of mediation centres there) and the departments a whistle should summon:
// those handling its category or one above it, based at a place above the case or nowhere
// in particular (a department of another district is never summoned).
// Parameters: $caseId (string), $scopes (list of place ids, or null for all), $today (date).
// Columns: case (map), place ({labels, props}), up (list of {labels, props}, nearest first),
//   category (map or null), categoryLevels (list of strings), heldBy ({labels, props} or null),
//   gridWorkers, gridMediators, communityMediators (lists of {person, role, at {labels, props}}),
//   departments (list of {department {labels, props}, depth (0: its own category),
//   handles (category name), basedAt ({labels, props} or null)}).
MATCH (c:Entity {id: $caseId})
WHERE c:Case
MATCH (c)-[:AT]->(p:Place)
WHERE $scopes IS NULL OR EXISTS { (p)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes }
WITH c, p, COLLECT { MATCH path = (p)-[:PART_OF*0..]->(a:Place) RETURN a ORDER BY length(path) } AS up
WITH c, p, up, head([a IN up WHERE a:Grid]) AS grid, head([a IN up WHERE a:Community]) AS community,
     head(COLLECT { MATCH (c)-[:IN_CATEGORY]->(k:Category) RETURN k ORDER BY k.id }) AS k
RETURN
  properties(c) AS case,
  {labels: labels(p), props: properties(p)} AS place,
  [a IN up | {labels: labels(a), props: properties(a)}] AS up,
  CASE WHEN k IS NULL THEN null ELSE properties(k) END AS category,
  // From the handful of TimeLimit nodes (no index needed): walking in from a case
  // category would read every case filed under it.
  COLLECT {
    MATCH (tl:TimeLimit)-[:IN_CATEGORY]->(:Category)<-[:SUBCATEGORY_OF*0..]-(k)
    USING SCAN tl:TimeLimit
    RETURN DISTINCT tl.level AS level
  } AS categoryLevels,
  head(COLLECT { MATCH (c)-[:HELD_BY]->(h:Place) RETURN {labels: labels(h), props: properties(h)} AS h }) AS heldBy,
  COLLECT {
    MATCH (grid)<-[h:HOLDS_ROLE]-(x:Person)
    WHERE h.role IN ['grid_leader', 'grid_worker'] AND (h.until IS NULL OR h.until >= $today)
    RETURN {person: properties(x), role: h.role, at: {labels: labels(grid), props: properties(grid)}} AS m
    ORDER BY m.role, m.person.id
  } AS gridWorkers,
  COLLECT {
    MATCH (grid)<-[h:HOLDS_ROLE {role: 'grid_mediator'}]-(x:Person)
    WHERE h.until IS NULL OR h.until >= $today
    RETURN {person: properties(x), role: h.role, at: {labels: labels(grid), props: properties(grid)}} AS m
    ORDER BY m.person.id
  } AS gridMediators,
  COLLECT {
    MATCH (community)<-[:GOVERNS|LOCATED_IN*0..1]-(o)<-[h:HOLDS_ROLE {role: 'mediator'}]-(x:Person)
    WHERE (o = community OR o:MediationCentre) AND (h.until IS NULL OR h.until >= $today)
    RETURN DISTINCT {person: properties(x), role: h.role, at: {labels: labels(o), props: properties(o)}} AS m
    ORDER BY m.person.id, m.at.props.id
  } AS communityMediators,
  COLLECT {
    MATCH path = (k)-[:SUBCATEGORY_OF*0..]->(kk:Category)<-[:HANDLES]-(d:Department)
    WITH d, kk, length(path) - 1 AS depth ORDER BY depth, kk.id
    WITH d, collect(kk)[0] AS kk, min(depth) AS depth
    WITH d, kk, depth,
         COLLECT { MATCH (d)-[:LOCATED_IN]->(x:Place) RETURN x } AS based,
         [i IN range(0, size(up) - 1) WHERE EXISTS { (d)-[:LOCATED_IN]->(x) WHERE x = up[i] }] AS near
    WHERE size(based) = 0 OR size(near) > 0
    RETURN {department: {labels: labels(d), props: properties(d)}, depth: depth, handles: kk.name,
            basedAt: CASE WHEN size(near) = 0 THEN null
                          ELSE {labels: labels(up[near[0]]), props: properties(up[near[0]])} END,
            rank: coalesce(head(near), 1000)} AS dept
    ORDER BY dept.depth, dept.rank, dept.department.props.id
  } AS departments
