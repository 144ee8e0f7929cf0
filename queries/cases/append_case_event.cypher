// Move a locked case to its next state and append the step to its history (never
// rewritten). The step takes the next number of the global case-event log; the log node
// stays locked until commit, so log numbers are handed out in commit order and a poller
// reading "after N" on any process misses nothing. The time-limit clock restarts when the
// phase (accept / handle / verify) changes or when $restart says so (a new level). The event
// keeps the red mark of the clock that ran when the step was taken (dueAt), so whether a
// step came in time stays answerable after the clock is gone.
// Parameters: $id (string), $action (string), $toState (string, or null: the state stays),
//   $phase (accept|handle|verify, or null: no clock), $restart (bool), $caseProps (map of
//   case properties to set; null values remove), $event (map of extra event properties),
//   $actorId (string or null).
// Columns: case (map), event (map).
MATCH (c:Entity:Case {id: $id})
MERGE (log:GridlinkMeta {key: 'caseEventLog'})
SET log.seq = coalesce(log.seq, 0) + 1
WITH c, log.seq AS logSeq, datetime.transaction() AS now, c.status AS fromState, c.dueAt AS dueBefore,
     coalesce($toState, c.status) AS toState,
     $restart OR coalesce(c.phase, '') <> coalesce($phase, '') AS restart
SET c.version = coalesce(c.version + 1, 0),
    c.status = toState,
    c.closedAt = CASE toState WHEN 'closed' THEN now WHEN 'reopened' THEN null ELSE c.closedAt END,
    c += $caseProps
WITH c, logSeq, now, fromState, toState, restart, dueBefore
CALL (c, now, restart) {
  WITH c, now, restart WHERE restart
  OPTIONAL CALL (c) {
    MATCH (c)-[:IN_CATEGORY]->(own:Category)
    MATCH p = (own)-[:SUBCATEGORY_OF*0..]->(:Category)<-[:IN_CATEGORY]-(tl:TimeLimit)
    WHERE tl.level = c.level
    RETURN tl ORDER BY length(p) LIMIT 1
  }
  WITH c, now, tl,
       CASE $phase WHEN 'accept' THEN tl.acceptHours WHEN 'handle' THEN tl.handleHours
                   WHEN 'verify' THEN tl.verifyHours END AS hours
  SET c.phase = $phase,
      c.phaseStartedAt = CASE WHEN $phase IS NULL THEN null ELSE now END,
      c.dueAt = CASE WHEN hours IS NULL THEN null
                     ELSE now + duration({seconds: toInteger(round(hours * 3600))}) END,
      c.yellowAt = CASE WHEN hours IS NULL THEN null
                        ELSE now + duration({seconds: toInteger(round(hours * 3600 * coalesce(tl.yellowRatio, 0.8)))}) END
}
CREATE (c)-[:HAS_EVENT]->(e:Entity:CaseEvent {
  id: c.id + '/' + toString(c.version), seq: c.version, logSeq: logSeq, at: now,
  action: $action, fromState: fromState, toState: toState, level: c.level, actorId: $actorId,
  dueAt: dueBefore
})
SET e += $event
WITH c, e
OPTIONAL MATCH (actor:Entity:Person {id: $actorId})
FOREACH (_ IN CASE WHEN actor IS NULL THEN [] ELSE [1] END | CREATE (e)-[:BY]->(actor))
RETURN c {.*} AS case, e {.*} AS event
