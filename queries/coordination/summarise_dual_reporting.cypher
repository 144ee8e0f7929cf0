// dualReporting (双报到): per community (or village) under a place, the party organisations
// and in-service members that reported to it (REPORTS_TO with `on` up to $toDate; "new"
// when `on` falls in the window), the roles those members claimed (HOLDS_ROLE claimed,
// held at some time in the window), their service records in the window, and the members
// who recorded nothing. A service record is a claim made (claimedOn in the window), a case
// step taken (a CaseEvent BY them, `at` in the window), a task of theirs done (dueOn in the
// window) or points earned (a PointTransfer CREDIT to their account, `at` in the window);
// an organisation's records are the claims it or its unit made in the window.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $fromDate, $toDate (dates, inclusive), $fromAt, $toAt (datetimes; $toAt exclusive),
//   $first (int: silent members listed per community).
// Columns: community ({labels, props}), organisations, organisationsNew, organisationClaims,
//   members, membersNew, rolesClaimed (int), roles (list of role names, one per role
//   claimed), claims, caseSteps, tasksDone, pointsEarned (ints: members' records),
//   silentCount (int), silent (list of person maps, at most $first, by id).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
MATCH (s)<-[:PART_OF*0..]-(c:Community)
CALL (c) {
  OPTIONAL MATCH (c)<-[r:REPORTS_TO]-(o:PartyOrganisation)
  WHERE r.on <= $toDate
  WITH o, r,
       CASE WHEN o IS NULL THEN 0 ELSE COUNT {
         MATCH (o)-[:BELONGS_TO*0..1]->(u)-[:MADE_CLAIM]->(cl:Claim)
         WHERE cl.claimedOn >= $fromDate AND cl.claimedOn <= $toDate
       } END AS claims
  RETURN count(o) AS organisations,
         sum(CASE WHEN r.on >= $fromDate THEN 1 ELSE 0 END) AS organisationsNew,
         sum(claims) AS organisationClaims
}
CALL (c) {
  OPTIONAL MATCH (c)<-[r:REPORTS_TO]-(x:Person)
  WHERE r.on <= $toDate
  WITH x, r,
       CASE WHEN x IS NULL THEN [] ELSE COLLECT {
         MATCH (x)-[h:HOLDS_ROLE {claimed: true}]->()
         WHERE (h.since IS NULL OR h.since <= $toDate) AND (h.until IS NULL OR h.until >= $fromDate)
         RETURN h.role
       } END AS roles,
       CASE WHEN x IS NULL THEN 0 ELSE COUNT {
         MATCH (x)-[:MADE_CLAIM]->(cl:Claim) WHERE cl.claimedOn >= $fromDate AND cl.claimedOn <= $toDate
       } END AS claims,
       CASE WHEN x IS NULL THEN 0 ELSE COUNT {
         MATCH (x)<-[:BY]-(e:CaseEvent) WHERE e.at >= $fromAt AND e.at < $toAt
       } END AS caseSteps,
       CASE WHEN x IS NULL THEN 0 ELSE COUNT {
         MATCH (t:Task)-[:ASSIGNED_TO]->(x)
         WHERE t.status = 'done' AND t.dueOn >= $fromDate AND t.dueOn <= $toDate
       } END AS tasksDone,
       CASE WHEN x IS NULL THEN 0 ELSE COUNT {
         MATCH (x)-[:HAS_ACCOUNT]->(:PointAccount)<-[:CREDIT]-(t:PointTransfer)
         WHERE t.at >= $fromAt AND t.at < $toAt
       } END AS pointsEarned
  WITH x, r, roles, claims, caseSteps, tasksDone, pointsEarned,
       x IS NOT NULL AND claims + caseSteps + tasksDone + pointsEarned = 0 AS silent
  ORDER BY x.id
  RETURN count(x) AS members,
         sum(CASE WHEN r.on >= $fromDate THEN 1 ELSE 0 END) AS membersNew,
         reduce(acc = [], rs IN collect(roles) | acc + rs) AS roles,
         sum(claims) AS claims, sum(caseSteps) AS caseSteps, sum(tasksDone) AS tasksDone,
         sum(pointsEarned) AS pointsEarned,
         sum(CASE WHEN silent THEN 1 ELSE 0 END) AS silentCount,
         collect(CASE WHEN silent THEN properties(x) END)[0..$first] AS silent
}
RETURN {labels: labels(c), props: properties(c)} AS community,
       organisations, organisationsNew, organisationClaims, members, membersNew,
       size(roles) AS rolesClaimed, roles, claims, caseSteps, tasksDone, pointsEarned,
       silentCount, silent
ORDER BY community.props.id
