// Record one double-entry transfer (one DEBIT, one CREDIT) and report both balances after
// it. The paying account is locked first (setting and removing a property takes a node's
// write lock), so the balance read after counts every transfer committed before, and no
// other spend from it can slip in until this transaction ends.
// Parameters: $id, $fromId, $toId, $amount (int > 0), $reason, $actorId, $now (ISO 8601 text).
// Columns: transfer (map {id, labels, props}), from (map), to (map), fromBalance (int),
//   toBalance (int).
MATCH (source:Entity:PointAccount {id: $fromId})
MATCH (target:Entity:PointAccount {id: $toId})
SET source._lock = true
REMOVE source._lock
CREATE (t:Entity:PointTransfer {id: $id})
SET t.amount = $amount, t.at = datetime($now), t.reason = $reason, t.actorId = $actorId
CREATE (t)-[:DEBIT]->(source)
CREATE (t)-[:CREDIT]->(target)
WITH t, source, target
CALL (source) {
  MATCH (source)<-[e:CREDIT|DEBIT]-(x:PointTransfer)
  RETURN sum(CASE type(e) WHEN 'CREDIT' THEN x.amount ELSE -x.amount END) AS fromBalance
}
CALL (target) {
  MATCH (target)<-[e:CREDIT|DEBIT]-(x:PointTransfer)
  RETURN sum(CASE type(e) WHEN 'CREDIT' THEN x.amount ELSE -x.amount END) AS toBalance
}
RETURN {id: t.id, labels: labels(t), props: properties(t)} AS transfer,
       {id: source.id, labels: labels(source), props: properties(source)} AS from,
       {id: target.id, labels: labels(target), props: properties(target)} AS to,
       fromBalance, toBalance
