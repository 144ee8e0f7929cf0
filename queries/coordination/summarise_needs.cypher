// needStats: the lists' health at a place and under it, for the place as a whole (group key
// $scopeId) and each direct child (the child's id). Needs counted are those raised in the
// window; projects are those concerning a place under the scope. Definitions are in
// docs/COORDINATION.md: a commitment is a claim on the need (its first = earliest
// claimedOn, whatever became of it); unmatched = not met/closed/withdrawn and no active or
// fulfilled claim; asked/delivered leave withdrawn needs out and cap each need's delivery
// at what it asked.
// Parameters: $scopeId (string), $scopes (list of place ids, or null for all),
//   $fromDate (date, inclusive), $toDate (date, inclusive).
// Columns: scope ({labels, props}), children (list of {labels, props}),
//   needGroups (list of {key, raised, met, partlyMet, unmatched, withdrawn, asked,
//   delivered, filled (sum of per-need delivered/asked), measured (needs in filled),
//   medianDaysToCommitment, committed (needs with a commitment)}),
//   projectGroups (list of {key, claimed, done, openPool}).
MATCH (s:Entity {id: $scopeId})
WHERE s:Place AND ($scopes IS NULL OR EXISTS { (s)-[:PART_OF*0..]->(sc:Place) WHERE sc.id IN $scopes })
CALL (s) {
  MATCH path = (s)<-[:PART_OF*0..]-(:Place)<-[:CONCERNS]-(n:Need)
  WHERE n.raisedOn >= $fromDate AND n.raisedOn <= $toDate
  WITH n, CASE WHEN length(path) > 1 THEN nodes(path)[1].id END AS child,
       COLLECT { MATCH (n)<-[:CLAIMS]-(cl:Claim) RETURN cl } AS claims
  WITH n, child, n.status = 'withdrawn' AS gone,
       [cl IN claims WHERE cl.status IN ['active', 'fulfilled']] AS live,
       reduce(f = null, cl IN claims |
              CASE WHEN f IS NULL OR cl.claimedOn < f THEN cl.claimedOn ELSE f END) AS firstClaim
  WITH n, child, gone, live, firstClaim,
       reduce(t = 0.0, cl IN live | t + coalesce(cl.delivered, 0)) AS given
  WITH n, child, gone, firstClaim,
       size(live) = 0 AND NOT n.status IN ['met', 'closed', 'withdrawn'] AS unmatched,
       CASE WHEN gone THEN 0.0 ELSE n.quantity END AS asked,
       CASE WHEN gone THEN 0.0 WHEN given > n.quantity THEN n.quantity ELSE given END AS delivered
  UNWIND [$scopeId] + CASE WHEN child IS NULL THEN [] ELSE [child] END AS key
  WITH key, count(*) AS raised,
       sum(CASE WHEN n.status = 'met' THEN 1 ELSE 0 END) AS met,
       sum(CASE WHEN n.status = 'partly_met' THEN 1 ELSE 0 END) AS partlyMet,
       sum(CASE WHEN unmatched THEN 1 ELSE 0 END) AS unmatched,
       sum(CASE WHEN gone THEN 1 ELSE 0 END) AS withdrawn,
       sum(asked) AS asked, sum(delivered) AS delivered,
       sum(CASE WHEN asked > 0 THEN delivered / asked ELSE 0.0 END) AS filled,
       sum(CASE WHEN asked > 0 THEN 1 ELSE 0 END) AS measured,
       percentileCont(duration.inDays(n.raisedOn, firstClaim).days, 0.5) AS medianDays,
       count(firstClaim) AS committed
  RETURN collect({key: key, raised: raised, met: met, partlyMet: partlyMet,
                  unmatched: unmatched, withdrawn: withdrawn, asked: asked,
                  delivered: delivered, filled: filled, measured: measured,
                  medianDaysToCommitment: medianDays, committed: committed}) AS needGroups
}
CALL (s) {
  MATCH path = (s)<-[:PART_OF*0..]-(:Place)<-[:CONCERNS]-(pj:Project)
  WITH DISTINCT pj, CASE WHEN length(path) > 1 THEN nodes(path)[1].id END AS child
  WITH pj, child,
       EXISTS { (pj)<-[:CLAIMS]-(cl:Claim) WHERE cl.claimedOn >= $fromDate AND cl.claimedOn <= $toDate } AS claimed,
       pj.status = 'done' AND pj.doneOn >= $fromDate AND pj.doneOn <= $toDate AS done,
       pj.status = 'open_pool' AS openPool
  UNWIND [$scopeId] + CASE WHEN child IS NULL THEN [] ELSE [child] END AS key
  WITH key, sum(CASE WHEN claimed THEN 1 ELSE 0 END) AS claimed,
       sum(CASE WHEN done THEN 1 ELSE 0 END) AS done,
       sum(CASE WHEN openPool THEN 1 ELSE 0 END) AS openPool
  RETURN collect({key: key, claimed: claimed, done: done, openPool: openPool}) AS projectGroups
}
RETURN {labels: labels(s), props: properties(s)} AS scope,
       COLLECT { MATCH (s)<-[:PART_OF]-(ch:Place) RETURN {labels: labels(ch), props: properties(ch)} AS ch ORDER BY ch.props.id } AS children,
       needGroups, projectGroups
