// servingTeam: who serves a place (household, building, compound, grid ...): its grid and
// the grid's team, party organisation, the building/entrance/alley leaders and the roles
// claimed by in-service party members around it, the property company (and what makes it
// "red"), the owners' committee, the community and its organisations, street, district
// and the nearest service station. "Around it" is the place, the places above it below its
// community, and the places under it. Roles count while current (until unset or >= $today).
// Parameters: $placeId (string), $scopes (list of place ids, or null for all), $today (date).
// Columns: place, grid, community, street, district (each {labels, props} or null);
//   up (list of {labels, props}: the place and every place above it, nearest first);
//   gridTeam (list of {person, role, fullTime, claimed, since}); gridOrganisations (list of
//   {labels, props}); leaders, claimed (lists of {person, role, place {labels, props},
//   fullTime, claimed, since}); compounds (list of {compound, companies (list of
//   {company, ownParty, partyOrganisations, instructors}), ownersCommittees}); communityOrganisations (list of
//   {labels, props}); station ({station {labels, props}, via, distanceKm} or null).
MATCH (p:Entity {id: $placeId})
WHERE p:Place AND ($scopes IS NULL OR EXISTS { (p)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
WITH p, COLLECT { MATCH path = (p)-[:PART_OF*0..]->(a:Place) RETURN a ORDER BY length(path) } AS up
WITH p, up,
     head([a IN up WHERE a:Grid]) AS grid,
     head([a IN up WHERE a:Community]) AS community,
     head([a IN up WHERE a:Street]) AS street,
     head([a IN up WHERE a:District]) AS district,
     head([a IN up WHERE a.lat IS NOT NULL AND a.lon IS NOT NULL]) AS at
// The neighbourhood: above it up to (not including) the community, and everything under it.
WITH p, up, grid, community, street, district, at,
     [a IN up WHERE NOT (a:Community OR a:Street OR a:District)]
       + COLLECT { MATCH (p)<-[:PART_OF*1..]-(d:Place) RETURN d } AS around
WITH p, up, grid, community, street, district, at, around,
     [a IN up WHERE a:Compound][0..1] + COLLECT { MATCH (p)<-[:PART_OF*1..]-(c:Compound) RETURN c ORDER BY c.id } AS compoundsAround
RETURN
  {labels: labels(p), props: properties(p)} AS place,
  [a IN up | {labels: labels(a), props: properties(a)}] AS up,
  CASE WHEN grid IS NULL THEN null ELSE {labels: labels(grid), props: properties(grid)} END AS grid,
  CASE WHEN community IS NULL THEN null ELSE {labels: labels(community), props: properties(community)} END AS community,
  CASE WHEN street IS NULL THEN null ELSE {labels: labels(street), props: properties(street)} END AS street,
  CASE WHEN district IS NULL THEN null ELSE {labels: labels(district), props: properties(district)} END AS district,
  COLLECT {
    MATCH (grid)<-[h:HOLDS_ROLE]-(x:Person)
    WHERE h.role IN ['grid_leader', 'grid_worker', 'grid_instructor', 'grid_mediator']
      AND (h.until IS NULL OR h.until >= $today)
    RETURN {person: properties(x), role: h.role, fullTime: h.fullTime, claimed: h.claimed,
            since: h.since} AS member ORDER BY member.role, member.person.id
  } AS gridTeam,
  COLLECT {
    MATCH (grid)<-[:GOVERNS]-(o:PartyOrganisation)
    RETURN {labels: labels(o), props: properties(o)} AS org ORDER BY org.props.id
  } AS gridOrganisations,
  COLLECT {
    UNWIND around AS a
    MATCH (a)<-[h:HOLDS_ROLE]-(x:Person)
    WHERE h.role IN ['building_leader', 'entrance_leader', 'alley_leader']
      AND (h.until IS NULL OR h.until >= $today)
    RETURN {person: properties(x), role: h.role, place: {labels: labels(a), props: properties(a)},
            fullTime: h.fullTime, claimed: h.claimed, since: h.since} AS leader
    ORDER BY leader.place.props.id, leader.role, leader.person.id
  } AS leaders,
  COLLECT {
    UNWIND around + [g IN [grid] WHERE g IS NOT NULL AND NOT g IN around] AS a
    MATCH (a)<-[h:HOLDS_ROLE {claimed: true}]-(x:Person)
    WHERE h.until IS NULL OR h.until >= $today
    RETURN {person: properties(x), role: h.role, place: {labels: labels(a), props: properties(a)},
            fullTime: h.fullTime, claimed: h.claimed, since: h.since} AS member
    ORDER BY member.person.id, member.place.props.id, member.role
  } AS claimed,
  [c IN compoundsAround | {
    compound: {labels: labels(c), props: properties(c)},
    companies: COLLECT {
      MATCH (c)<-[:MANAGES]-(pc:PropertyCompany)
      RETURN {
        company: {labels: labels(pc), props: properties(pc)},
        ownParty: coalesce(pc.hasPartyOrganisation, false),
        partyOrganisations: COLLECT {
          MATCH (pc)<-[:BELONGS_TO]-(o:PartyOrganisation) RETURN o.name AS name ORDER BY name
        },
        instructors: COLLECT {
          MATCH (pc)<-[h:HOLDS_ROLE {role: 'party_instructor'}]-(x:Person)
          WHERE h.until IS NULL OR h.until >= $today
          RETURN properties(x) AS person ORDER BY person.id
        }
      } AS company ORDER BY company.company.props.id
    },
    ownersCommittees: COLLECT {
      MATCH (c)<-[:GOVERNS|LOCATED_IN]-(oc:OwnersCommittee)
      RETURN DISTINCT {labels: labels(oc), props: properties(oc)} AS oc ORDER BY oc.props.id
    }
  }] AS compounds,
  COLLECT {
    MATCH (community)<-[:GOVERNS]-(o:Organisation)
    WHERE o:PartyOrganisation OR o:ResidentsCommittee
    RETURN {labels: labels(o), props: properties(o)} AS org
    ORDER BY CASE WHEN 'PartyOrganisation' IN org.labels THEN 0 ELSE 1 END, org.props.id
  } AS communityOrganisations,
  head(COLLECT {
    UNWIND range(0, size(up) - 1) AS i
    WITH i, up[i] AS a
    MATCH (a)<-[:PART_OF]-(st:ServiceStation)
    WITH i, a, st,
         CASE WHEN at IS NULL OR st.lat IS NULL OR st.lon IS NULL THEN null
              ELSE point.distance(point({latitude: at.lat, longitude: at.lon}),
                                  point({latitude: st.lat, longitude: st.lon})) / 1000.0 END AS km
    RETURN {station: {labels: labels(st), props: properties(st)},
            via: {labels: labels(a), props: properties(a)},
            distanceKm: CASE WHEN km IS NULL THEN null ELSE round(km, 2) END} AS station
    ORDER BY i, km, st.id
  }) AS station
