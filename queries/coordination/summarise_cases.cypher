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
  WITH c, CASE WHEN length(path) > 1 THEN nodes(path)[1].id END AS child
  WITH c, child, c.status = 'closed' AS closed,
       CASE WHEN c.status = 'closed' AND c.closedAt IS NOT NULL
            THEN duration.inSeconds(c.reportedAt, c.closedAt).seconds / 3600.0 END AS hours
  WITH c, child, closed, hours,
       closed AND c.level = 'grid'
         AND NOT EXISTS { (c)-[:HAS_EVENT]->(e:CaseEvent) WHERE e.level IS NOT NULL AND e.level <> 'grid' } AS gridClosed,
       c.kind = 'dispute' AND EXISTS { (c)<-[:MEDIATES]-(:Mediation) } AS mediated,
       c.kind = 'dispute' AND EXISTS { (c)<-[:MEDIATES]-(:Mediation {outcome: 'settled'}) } AS settled,
       CASE WHEN hours IS NULL THEN null ELSE head(COLLECT {
         MATCH lp = (c)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..]->(:Category)<-[:IN_CATEGORY]-(t:TimeLimit)
         WHERE t.level = c.level
         RETURN t.acceptHours + t.handleHours + t.verifyHours AS h ORDER BY length(lp), h
       }) END AS limitHours
  WITH c, child, closed, hours, gridClosed, mediated, settled,
       limitHours + reduce(t = 0.0, x IN COLLECT {
         MATCH (c)-[:HAS_EXTENSION]->(x:ExtensionRequest {status: 'approved'}) RETURN x.hours
       } | t + x) AS limitHours
  UNWIND [$scopeId] + CASE WHEN child IS NULL THEN [] ELSE [child] END AS key
  WITH key, c.kind AS kind, c.status AS status, count(*) AS n,
       sum(CASE WHEN closed THEN 1 ELSE 0 END) AS closed,
       sum(CASE WHEN gridClosed THEN 1 ELSE 0 END) AS gridClosed,
       sum(CASE WHEN mediated THEN 1 ELSE 0 END) AS mediated,
       sum(CASE WHEN settled THEN 1 ELSE 0 END) AS settled,
       collect(hours) AS hours,
       sum(c.satisfaction) AS satisfactionSum, count(c.satisfaction) AS rated,
       count(limitHours) AS limited,
       sum(CASE WHEN hours <= limitHours THEN 1 ELSE 0 END) AS onTime
  WITH key, sum(n) AS total, collect({kind: kind, status: status, n: n}) AS breakdown,
       sum(closed) AS closed, sum(gridClosed) AS gridClosed, sum(mediated) AS mediated,
       sum(settled) AS settled, reduce(acc = [], h IN collect(hours) | acc + h) AS hours,
       sum(satisfactionSum) AS satisfactionSum, sum(rated) AS rated, sum(limited) AS limited,
       sum(onTime) AS onTime
  WITH *, COLLECT { UNWIND hours AS h RETURN percentileCont(h, 0.5) AS m }[0] AS medianHours
  RETURN collect({
    key: key, total: total, breakdown: breakdown, closed: closed, gridClosed: gridClosed,
    mediated: mediated, settled: settled,
    medianHours: medianHours,
    satisfactionSum: satisfactionSum, rated: rated, limited: limited, onTime: onTime
  }) AS groups
}
RETURN {labels: labels(s), props: properties(s)} AS scope,
       COLLECT { MATCH (s)<-[:PART_OF]-(ch:Place) RETURN {labels: labels(ch), props: properties(ch)} AS ch ORDER BY ch.props.id } AS children,
       groups
