// coverageGaps: property companies managing a compound under a place that are not "red":
// no own party organisation (hasPartyOrganisation not true and none BELONGS_TO it) and no
// current party-building instructor (HOLDS_ROLE party_instructor), with the compounds
// under the place they manage.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $today (date), $first (int).
// Columns: total (int), items (list of {subject {labels, props}, compounds (list of names)},
//   at most $first, by id).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(c:Compound)<-[:MANAGES]-(pc:PropertyCompany)
WHERE coalesce(pc.hasPartyOrganisation, false) = false
  AND NOT EXISTS { (pc)<-[:BELONGS_TO]-(:PartyOrganisation) }
  AND NOT EXISTS {
    (pc)<-[h:HOLDS_ROLE {role: 'party_instructor'}]-(:Person) WHERE h.until IS NULL OR h.until >= $today }
WITH pc, c ORDER BY c.name
WITH pc, collect(c.name) AS compounds ORDER BY pc.id
WITH collect({pc: pc, compounds: compounds}) AS gaps
RETURN size(gaps) AS total,
       [x IN gaps[0..$first] | {subject: {labels: labels(x.pc), props: properties(x.pc)},
                               compounds: x.compounds}] AS items
