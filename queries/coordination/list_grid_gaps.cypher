// coverageGaps: grids under a place that no party organisation governs (no grid branch or
// grid party group), with the community each lies in.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all), $first (int).
// Columns: total (int), items (list of {subject {labels, props}, within {labels, props} or
//   null}, at most $first, by id).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(g:Grid)
WHERE NOT EXISTS { (g)<-[:GOVERNS]-(:PartyOrganisation) }
WITH g ORDER BY g.id
WITH collect(g) AS gaps
RETURN size(gaps) AS total,
       [g IN gaps[0..$first] | {
         subject: {labels: labels(g), props: properties(g)},
         within: head(COLLECT { MATCH (g)-[:PART_OF*1..]->(c:Community) RETURN {labels: labels(c), props: properties(c)} AS c })
       }] AS items
