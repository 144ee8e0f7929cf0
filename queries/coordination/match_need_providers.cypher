// needMatches: the providers (member unit, volunteer team, volunteer) who could resolve one
// listed need, best first, one row per provider with the resource it would use and the
// points of each factor (docs/COORDINATION.md, question 1). Weights come in as $w so they
// live in one place (graph/coordination/weights.py).
// A candidate offers an active, unexpired resource with capacity left in the need's
// category or its direct parent/child, or has completed projects in the need's category
// (then proposed without a resource).
// Parameters: $needId (string), $scopes (list of place ids, or null for all),
//   $today (date), $first (int), $w (map of weights: categorySame, categoryRelated,
//   nearGrid, nearCommunity, nearStreet, nearDistrict, distance, distanceKm, agreement,
//   seat, capacity, capacityUnitMismatch, perProject, projectsCap).
// Columns: providerLabels (list), provider (map), resource (map or null), score (float),
//   categoryFit ('same'|'parent'|'child'|'record'), categoryName, categoryNameEn,
//   categoryPoints, nearness ('grid'|'community'|'street'|'district'|'elsewhere'),
//   nearPlaceName, distanceKm (float or null), ringPoints, distancePoints,
//   agreements (list of titles),
//   seats (list of party organisation names), partnerPoints, communityName,
//   remaining (float or null), stillNeeded (float), unitsAgree (bool), needUnit,
//   capacityPoints,
//   doneProjects (int), recordPoints.
MATCH (n:Entity {id: $needId})
WHERE n:Need
MATCH (n)-[:CONCERNS]->(np:Place)
WHERE $scopes IS NULL OR EXISTS { (np)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes }
MATCH (n)-[:IN_CATEGORY]->(nc:Category)
WITH n, nc, COLLECT { MATCH path = (np)-[:PART_OF*0..]->(a:Place) RETURN a ORDER BY length(path) } AS up
WITH n, nc, up,
     [x IN [head([a IN up WHERE a:Grid]), head([a IN up WHERE a:Community]),
            head([a IN up WHERE a:Street]), head([a IN up WHERE a:District])] | x] AS rings,
     head([a IN up WHERE a.lat IS NOT NULL AND a.lon IS NOT NULL]) AS nAt,
     n.quantity - reduce(t = 0.0, q IN COLLECT {
       MATCH (n)<-[:CLAIMS]-(cl:Claim) WHERE cl.status IN ['active', 'fulfilled']
       RETURN coalesce(cl.quantity, 0)
     } | t + q) AS open
WITH n, nc, rings, nAt, rings[1] AS community, CASE WHEN open > 0 THEN open ELSE 0.0 END AS stillNeeded
CALL (n, nc) {
  // Resources in the same category or a direct parent/child one, usable today, found from
  // the categories (label-free, so the walk starts there, not at every active resource).
  UNWIND [(nc)-[:SUBCATEGORY_OF*0..1]-(k:Category) | k] AS k
  UNWIND [(k)<-[:IN_CATEGORY]-(x) | x] AS r
  WITH nc, k, r WHERE r:Resource AND r.status = 'active'
    AND (r.availableTo IS NULL OR r.availableTo >= $today)
  MATCH (r)<-[:OFFERS]-(pr)
  WHERE pr:MemberUnit OR pr:VolunteerTeam OR pr:Person
  WITH pr, r, k,
       CASE WHEN k = nc THEN 'same'
            WHEN EXISTS { (nc)-[:SUBCATEGORY_OF]->(k) } THEN 'parent'
            ELSE 'child' END AS fit,
       r.capacity - reduce(t = 0.0, q IN COLLECT {
         MATCH (r)<-[:USES]-(cl:Claim {status: 'active'}) RETURN coalesce(cl.quantity, 0)
       } | t + q) AS remaining
  WHERE remaining > 0
  RETURN pr, r, fit, k AS category, remaining
  UNION
  // Providers with a record of done projects in this very category, resource or not.
  // Anchored at the category: no label in the pattern, so the planner cannot start from
  // a scan of every Project (a list category holds a few hundred items).
  UNWIND [(nc)<-[:IN_CATEGORY]-(x) | x] AS pj
  WITH nc, pj WHERE pj:Project AND pj.status = 'done'
  MATCH (pj)<-[:CLAIMS|AGREES]-(x)<-[:MADE_CLAIM|SIGNED]-(o)-[:BELONGS_TO*0..1]->(pr)
  WHERE (x:Claim AND x.status <> 'withdrawn' OR x:Agreement)
    AND (pr:MemberUnit OR pr:VolunteerTeam OR pr:Person)
  RETURN DISTINCT pr, null AS r, 'record' AS fit, nc AS category, null AS remaining
}
// What depends on the provider alone is worked out once per provider, not per resource.
WITH n, nc, rings, nAt, community, stillNeeded, pr,
     collect({r: r, fit: fit, category: category, remaining: remaining}) AS offers
WITH n, nc, rings, nAt, community, stillNeeded, pr, offers,
     // Where it is: its own place, else (a volunteer) home, else where it volunteers.
     head(COLLECT { MATCH (pr)-[:LOCATED_IN]->(x:Place) RETURN x ORDER BY x.id }) AS own,
     // From the provider's few signatures, not from the community's many agreements.
     COLLECT {
       UNWIND [(pr)<-[:BELONGS_TO*0..1]-(o)-[:SIGNED]->(ag) | ag] AS ag
       WITH ag WHERE (ag.endsOn IS NULL OR ag.endsOn >= $today)
         AND community IN [(ag)-[:WITH]->(w) | w]
       RETURN DISTINCT ag.title AS title ORDER BY title
     } AS agreements,
     COLLECT {
       MATCH (pr)-[:HOLDS_SEAT]->(po:PartyOrganisation)-[:GOVERNS]->(community)
       RETURN DISTINCT po.name ORDER BY po.name
     } AS seats,
     size(COLLECT {
       MATCH (pr)<-[:BELONGS_TO*0..1]-(o)-[:MADE_CLAIM|SIGNED]->(x)-[:CLAIMS|AGREES]->(pj:Project {status: 'done'})-[:IN_CATEGORY]->(nc)
       WHERE x:Claim AND x.status <> 'withdrawn' OR x:Agreement
       RETURN DISTINCT pj
     }) AS doneProjects
WITH *, CASE WHEN own IS NOT NULL THEN own
             ELSE head(COLLECT { MATCH (pr)-[:LIVES_IN]->(x:Place) RETURN x ORDER BY x.id }
                       + COLLECT { MATCH (pr)-[h:HOLDS_ROLE {role: 'volunteer'}]->(x:Place) RETURN x ORDER BY x.id })
        END AS home
UNWIND offers AS offer
WITH n, nc, rings, nAt, community, stillNeeded, pr, agreements, seats, doneProjects, home,
     offer.r AS r, offer.fit AS fit, offer.category AS category, offer.remaining AS remaining
// A resource placed somewhere is judged by its own place, else by the provider's.
WITH *, coalesce(head(COLLECT { MATCH (r)-[:LOCATED_IN]->(x:Place) RETURN x ORDER BY x.id }), home) AS loc
WITH *, COLLECT { MATCH path = (loc)-[:PART_OF*0..]->(a:Place) RETURN a ORDER BY length(path) } AS prUp
WITH *, [i IN range(0, 3) WHERE rings[i] IS NOT NULL AND rings[i] IN prUp] AS shared,
     head([a IN prUp WHERE a.lat IS NOT NULL AND a.lon IS NOT NULL]) AS prAt
WITH *, head(shared) AS ring,
     CASE WHEN nAt IS NULL OR prAt IS NULL THEN null
          ELSE point.distance(point({latitude: nAt.lat, longitude: nAt.lon}),
                              point({latitude: prAt.lat, longitude: prAt.lon})) / 1000.0 END AS km
WITH *,
     CASE fit WHEN 'parent' THEN $w.categoryRelated WHEN 'child' THEN $w.categoryRelated
              ELSE $w.categorySame END AS categoryPoints,
     [$w.nearGrid, $w.nearCommunity, $w.nearStreet, $w.nearDistrict][ring] AS ringPoints,
     CASE WHEN km IS NULL OR km >= $w.distanceKm THEN 0.0
          ELSE $w.distance * (1.0 - km / $w.distanceKm) END AS distancePoints,
     r IS NULL OR r.unit IS NULL OR n.unit IS NULL OR r.unit = n.unit AS unitsAgree
WITH *,
     coalesce(ringPoints, 0.0) AS ringPoints,
     (CASE WHEN size(agreements) > 0 THEN $w.agreement ELSE 0.0 END)
       + (CASE WHEN size(seats) > 0 THEN $w.seat ELSE 0.0 END) AS partnerPoints,
     CASE WHEN r IS NULL THEN 0.0
          WHEN NOT unitsAgree THEN $w.capacityUnitMismatch
          WHEN stillNeeded = 0 OR remaining >= stillNeeded THEN $w.capacity
          ELSE $w.capacity * remaining / stillNeeded END AS capacityPoints,
     $w.perProject * CASE WHEN doneProjects > $w.projectsCap THEN $w.projectsCap ELSE doneProjects END AS recordPoints
WITH *, round(categoryPoints + ringPoints + distancePoints + partnerPoints + capacityPoints + recordPoints, 2) AS score
// One row per provider: its best resource (ties: the resource with the smaller id).
ORDER BY score DESC, r.id
WITH pr, collect({r: r, score: score, fit: fit, category: category,
                  categoryPoints: categoryPoints, ring: ring, km: km,
                  nearPlaceName: CASE WHEN ring IS NULL THEN null ELSE rings[ring].name END,
                  ringPoints: ringPoints, distancePoints: distancePoints, agreements: agreements, seats: seats,
                  partnerPoints: partnerPoints, communityName: community.name,
                  remaining: remaining, stillNeeded: stillNeeded, needUnit: n.unit, unitsAgree: unitsAgree,
                  capacityPoints: capacityPoints, doneProjects: doneProjects,
                  recordPoints: recordPoints})[0] AS best
RETURN labels(pr) AS providerLabels, properties(pr) AS provider,
       CASE WHEN best.r IS NULL THEN null ELSE properties(best.r) END AS resource,
       best.score AS score, best.fit AS categoryFit, best.category.name AS categoryName,
       best.category.nameEn AS categoryNameEn,
       round(best.categoryPoints, 2) AS categoryPoints,
       coalesce(['grid', 'community', 'street', 'district'][best.ring], 'elsewhere') AS nearness,
       best.nearPlaceName AS nearPlaceName,
       CASE WHEN best.km IS NULL THEN null ELSE round(best.km, 2) END AS distanceKm,
       round(best.ringPoints, 2) AS ringPoints, round(best.distancePoints, 2) AS distancePoints,
       best.agreements AS agreements, best.seats AS seats,
       round(best.partnerPoints, 2) AS partnerPoints, best.communityName AS communityName,
       best.remaining AS remaining, best.stillNeeded AS stillNeeded,
       best.unitsAgree AS unitsAgree, best.needUnit AS needUnit, round(best.capacityPoints, 2) AS capacityPoints,
       best.doneProjects AS doneProjects, round(best.recordPoints, 2) AS recordPoints
ORDER BY score DESC, provider.id
LIMIT $first
