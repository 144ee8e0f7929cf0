// coverageGaps: every community (or village) under a place that misses any of the
// "six in one" (六位一体) or has no joint-building partner. The six, each present when:
// party_organisation - a PartyOrganisation GOVERNS it; residents_committee - a
// ResidentsCommittee GOVERNS it; owners_committee - a compound under it has an owners'
// committee; property_company - a compound under it is managed; building_leaders - a
// building, entrance or alley under it has a current leader; service_station - a
// ServiceStation lies under it. A partner is a current Agreement (no endsOn, or not before
// $today) WITH it.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all), $today (date).
// Columns: community ({labels, props}), missing (list of the six's codes above, in that
//   order), partnered (bool); one row per community with a gap, by id.
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(c:Community)
WITH c, COLLECT { MATCH (c)<-[:PART_OF*1..]-(x:Place) RETURN x } AS under
WITH c, [cp IN under WHERE cp:Compound] AS compounds, under
WITH c,
     [x IN [
        CASE WHEN EXISTS { (c)<-[:GOVERNS]-(:PartyOrganisation) } THEN null ELSE 'party_organisation' END,
        CASE WHEN EXISTS { (c)<-[:GOVERNS]-(:ResidentsCommittee) } THEN null ELSE 'residents_committee' END,
        CASE WHEN any(cp IN compounds WHERE EXISTS { (cp)<-[:GOVERNS|LOCATED_IN]-(:OwnersCommittee) })
             THEN null ELSE 'owners_committee' END,
        CASE WHEN any(cp IN compounds WHERE EXISTS { (cp)<-[:MANAGES]-(:PropertyCompany) })
             THEN null ELSE 'property_company' END,
        CASE WHEN any(b IN under WHERE (b:Building OR b:EntranceUnit OR b:Alley) AND EXISTS {
               (b)<-[h:HOLDS_ROLE]-(:Person)
               WHERE h.role IN ['building_leader', 'entrance_leader', 'alley_leader']
                 AND (h.until IS NULL OR h.until >= $today) })
             THEN null ELSE 'building_leaders' END,
        CASE WHEN any(st IN under WHERE st:ServiceStation) THEN null ELSE 'service_station' END
      ] WHERE x IS NOT NULL] AS missing,
     EXISTS { (c)<-[:WITH]-(a:Agreement) WHERE a.endsOn IS NULL OR a.endsOn >= $today } AS partnered
WHERE size(missing) > 0 OR NOT partnered
RETURN {labels: labels(c), props: properties(c)} AS community, missing, partnered
ORDER BY community.props.id
