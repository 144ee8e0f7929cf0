// openNeeds (and coverageGaps' stale needs): the open needs of a place and everything under
// it, most urgent and oldest first, each with whether any provider can take it. "Can take"
// is needMatches' candidate rule (match_need_providers.cypher): an active, unexpired
// resource with capacity left in the need's category or a direct parent/child, offered by
// a member unit, volunteer team or volunteer; or a provider with done projects in the
// need's category.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $categoryId (string or null: that category and those under it), $unmatchedOnly (bool),
//   $raisedBefore (date or null: only needs raised on or before it), $today (date),
//   $first (int).
// Columns: total (int: needs that pass the filters), unmatched (int: of those, no provider),
//   needs (list of maps, at most $first: need, place {labels, props}, category (map or
//   null), asked, committed, delivered, stillNeeded, daysOpen, matchable).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(p:Place)<-[:CONCERNS]-(n:Need)
WHERE n.status IN ['open', 'partly_met']
  AND ($raisedBefore IS NULL OR n.raisedOn <= $raisedBefore)
  AND ($categoryId IS NULL
       OR EXISTS { (n)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..]->(k:Category) WHERE k.id = $categoryId })
WITH n, p,
     EXISTS {
       MATCH (n)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..1]-(:Category)<-[:IN_CATEGORY]-(r:Resource)<-[:OFFERS]-(pr)
       WHERE r.status = 'active' AND (r.availableTo IS NULL OR r.availableTo >= $today)
         AND (pr:MemberUnit OR pr:VolunteerTeam OR pr:Person)
         AND r.capacity > reduce(t = 0.0, q IN COLLECT {
               MATCH (r)<-[:USES]-(cl:Claim {status: 'active'}) RETURN coalesce(cl.quantity, 0)
             } | t + q)
     } OR any(pj IN [(n)-[:IN_CATEGORY]->(:Category)<-[:IN_CATEGORY]-(x) | x]
              WHERE pj:Project AND pj.status = 'done' AND EXISTS {
                MATCH (pj)<-[:CLAIMS|AGREES]-(x)<-[:MADE_CLAIM|SIGNED]-(o)-[:BELONGS_TO*0..1]->(pr)
                WHERE (x:Claim AND x.status <> 'withdrawn' OR x:Agreement)
                  AND (pr:MemberUnit OR pr:VolunteerTeam OR pr:Person)
              }) AS matchable
WHERE NOT ($unmatchedOnly AND matchable)
WITH n, p, matchable,
     COLLECT { MATCH (n)<-[:CLAIMS]-(cl:Claim) WHERE cl.status IN ['active', 'fulfilled']
               RETURN cl } AS claims
WITH n, p, matchable,
     reduce(t = 0.0, cl IN claims | t + coalesce(cl.quantity, 0)) AS committed,
     reduce(t = 0.0, cl IN claims | t + coalesce(cl.delivered, 0)) AS delivered
ORDER BY coalesce(n.urgency, 0) DESC, n.raisedOn, n.id
WITH collect({
       need: properties(n),
       place: {labels: labels(p), props: properties(p)},
       category: head(COLLECT { MATCH (n)-[:IN_CATEGORY]->(k:Category) RETURN properties(k) AS k ORDER BY k.id }),
       asked: n.quantity, committed: committed, delivered: delivered,
       stillNeeded: CASE WHEN n.quantity > committed THEN n.quantity - committed ELSE 0.0 END,
       daysOpen: duration.inDays(n.raisedOn, $today).days,
       matchable: matchable
     }) AS rows
RETURN size(rows) AS total, size([r IN rows WHERE NOT r.matchable]) AS unmatched,
       rows[0..$first] AS needs
