// caseStats: figures on the cases reported in a window at a place or anywhere under it, for
// the place as a whole (group key $scopeId) and for each of its direct children (the child's
// id). Definitions are in docs/COORDINATION.md and the schema: closed = status 'closed';
// never left the grid = case level 'grid' and no step recorded at another level; a dispute
// is mediated when a Mediation MEDIATES it, settled when one ended 'settled'; hours to
// close = reportedAt to closedAt; the limit of a closed case = accept + handle + verify
// hours of the TimeLimit at the case's level for its category (else the nearest category
// above with one), plus hours of approved extensions.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $fromAt (datetime, inclusive), $toAt (datetime, exclusive).
// Columns: scope ({labels, props}), children (list of {labels, props}), groups (list of
//   {key, total, breakdown (list of {kind, status, n}), closed, gridClosed, mediated,
//   settled, medianHours, satisfactionSum, rated, limited, onTime}).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
CALL (s) {
  MATCH path = (s)<-[:PART_OF*0..]-(:Place)<-[:AT]-(c:Case)
  WHERE c.reportedAt >= $fromAt AND c.reportedAt < $toAt
  // Each case's properties are read once; groups are keyed by node, ids read at the end.
  WITH c, CASE WHEN length(path) > 1 THEN nodes(path)[1] END AS child,
       c {.status, .kind, .level, .satisfaction, .reportedAt, .closedAt} AS p
  // One walk over a closed case's steps, category and extensions (a case has a handful of
  // relationships); disputes also look at their mediations.
  WITH child, p,
       CASE WHEN p.status = 'closed' THEN [(c)-[:HAS_EVENT|IN_CATEGORY|HAS_EXTENSION]->(x) | x]
            ELSE [] END AS own,
       CASE WHEN p.kind = 'dispute' THEN [(c)<-[:MEDIATES]-(m:Mediation) | m.outcome]
            ELSE [] END AS outcomes
  WITH child, p, outcomes,
       CASE WHEN p.closedAt IS NOT NULL AND p.status = 'closed'
            THEN duration.inSeconds(p.reportedAt, p.closedAt).seconds / 3600.0 END AS hours,
       p.status = 'closed' AND p.level = 'grid'
         AND none(e IN own WHERE e:CaseEvent AND coalesce(e.level, 'grid') <> 'grid') AS gridClosed,
       [x IN own WHERE x:ExtensionRequest AND x.status = 'approved' | x.hours] AS extensions,
       head([x IN own WHERE x:Category]) AS category
  UNWIND [s, child] AS place
  WITH place, p, outcomes, hours, gridClosed, extensions, category WHERE place IS NOT NULL
  // A closed case's hours net of approved extensions, compared below with the limit of its
  // (category, level), looked up once per group rather than once per case.
  WITH place, p.kind AS kind, p.status AS status, p.level AS level,
       CASE WHEN hours IS NULL THEN null ELSE category END AS category,
       count(*) AS n,
       sum(CASE WHEN p.status = 'closed' THEN 1 ELSE 0 END) AS closed,
       sum(CASE WHEN gridClosed THEN 1 ELSE 0 END) AS gridClosed,
       sum(CASE WHEN size(outcomes) > 0 THEN 1 ELSE 0 END) AS mediated,
       sum(CASE WHEN 'settled' IN outcomes THEN 1 ELSE 0 END) AS settled,
       collect(hours) AS hours,
       collect(hours - reduce(t = 0.0, h IN extensions | t + h)) AS net,
       sum(p.satisfaction) AS satisfactionSum, count(p.satisfaction) AS rated
  // From the few TimeLimit nodes down the category tree: the nearest category with a limit.
  WITH *, CASE WHEN category IS NULL THEN null ELSE head(COLLECT {
         MATCH lp = (tl:TimeLimit)-[:IN_CATEGORY]->(:Category)<-[:SUBCATEGORY_OF*0..]-(category)
         USING SCAN tl:TimeLimit
         WHERE tl.level = level
         RETURN tl.acceptHours + tl.handleHours + tl.verifyHours AS h ORDER BY length(lp), h
       }) END AS limitHours
  WITH place, kind, status, n, closed, gridClosed, mediated, settled, hours, satisfactionSum,
       rated,
       CASE WHEN limitHours IS NULL THEN 0 ELSE size(net) END AS limited,
       CASE WHEN limitHours IS NULL THEN 0 ELSE size([h IN net WHERE h <= limitHours]) END AS onTime
  WITH place, kind, status, sum(n) AS n, sum(closed) AS closed, sum(gridClosed) AS gridClosed,
       sum(mediated) AS mediated, sum(settled) AS settled,
       reduce(acc = [], h IN collect(hours) | acc + h) AS hours,
       sum(satisfactionSum) AS satisfactionSum, sum(rated) AS rated, sum(limited) AS limited,
       sum(onTime) AS onTime
  WITH place, sum(n) AS total, collect({kind: kind, status: status, n: n}) AS breakdown,
       sum(closed) AS closed, sum(gridClosed) AS gridClosed, sum(mediated) AS mediated,
       sum(settled) AS settled, reduce(acc = [], h IN collect(hours) | acc + h) AS hours,
       sum(satisfactionSum) AS satisfactionSum, sum(rated) AS rated, sum(limited) AS limited,
       sum(onTime) AS onTime
  WITH *, COLLECT { UNWIND hours AS h RETURN percentileCont(h, 0.5) AS m }[0] AS medianHours
  RETURN collect({
    key: CASE WHEN place = s THEN $scopeId ELSE place.id END, total: total,
    breakdown: breakdown, closed: closed, gridClosed: gridClosed, mediated: mediated,
    settled: settled, medianHours: medianHours, satisfactionSum: satisfactionSum,
    rated: rated, limited: limited, onTime: onTime
  }) AS groups
}
RETURN {labels: labels(s), props: properties(s)} AS scope,
       COLLECT { MATCH (s)<-[:PART_OF]-(ch:Place) RETURN {labels: labels(ch), props: properties(ch)} AS ch ORDER BY ch.props.id } AS children,
       groups
