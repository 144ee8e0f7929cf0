// coverageGaps: buildings with no current building leader and alleys with no current alley
// leader (a role counts while `until` is unset or not before $today), with the compound or
// community each lies in.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $today (date), $first (int).
// Columns: total (int), items (list of {subject {labels, props}, within {labels, props} or
//   null}, at most $first, by id).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(b:Place)
WHERE (b:Building AND NOT EXISTS {
         (b)<-[h:HOLDS_ROLE {role: 'building_leader'}]-(:Person) WHERE h.until IS NULL OR h.until >= $today })
   OR (b:Alley AND NOT EXISTS {
         (b)<-[h:HOLDS_ROLE {role: 'alley_leader'}]-(:Person) WHERE h.until IS NULL OR h.until >= $today })
WITH b ORDER BY b.id
WITH collect(b) AS gaps
RETURN size(gaps) AS total,
       [b IN gaps[0..$first] | {
         subject: {labels: labels(b), props: properties(b)},
         within: head(COLLECT { MATCH (b)-[:PART_OF]->(c:Place) RETURN {labels: labels(c), props: properties(c)} AS c })
       }] AS items
