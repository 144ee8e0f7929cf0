// coverageGaps: compounds with no property company managing them or no owners' committee
// (an OwnersCommittee that GOVERNS it or is LOCATED_IN it), with what each lacks.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all), $first (int).
// Columns: total (int), items (list of {subject {labels, props}, within {labels, props} or
//   null, missing (list of 'property_company' | 'owners_committee')}, at most $first, by id).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(c:Compound)
WITH c,
     (CASE WHEN EXISTS { (c)<-[:MANAGES]-(:PropertyCompany) } THEN [] ELSE ['property_company'] END)
     + (CASE WHEN EXISTS { (c)<-[:GOVERNS|LOCATED_IN]-(:OwnersCommittee) } THEN [] ELSE ['owners_committee'] END)
       AS missing
WHERE size(missing) > 0
WITH c, missing ORDER BY c.id
WITH collect({c: c, missing: missing}) AS gaps
RETURN size(gaps) AS total,
       [x IN gaps[0..$first] | {
         subject: {labels: labels(x.c), props: properties(x.c)},
         within: head(COLLECT { WITH x.c AS cc MATCH (cc)-[:PART_OF*1..]->(m:Community) RETURN {labels: labels(m), props: properties(m)} AS m }),
         missing: x.missing
       }] AS items
