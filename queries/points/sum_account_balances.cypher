// Each account's balance, derived from the ledger: credits in minus debits out.
// Parameters: $ids (list of point account ids).
// Columns: id (string), balance (int).
UNWIND $ids AS id
MATCH (a:Entity:PointAccount {id: id})
CALL (a) {
  OPTIONAL MATCH (a)<-[e:CREDIT|DEBIT]-(t:PointTransfer)
  RETURN sum(CASE type(e) WHEN 'CREDIT' THEN t.amount WHEN 'DEBIT' THEN -t.amount ELSE 0 END) AS balance
}
RETURN id, balance
