// Create a batch of relationships that cannot exist yet: one of their ends is a node this
// load created (the fast path). Ends are found by element id (no index lookup) and checked
// against their external id, so a node deleted meanwhile is never mistaken for another.
// Rows whose end is missing are not written; the loader compares `created` with the batch
// size and rolls the batch back on a shortfall.
// Parameters: $type (relationship type from loaders/model.py, never user text),
//   $rows (list of {from, to, fromElement, toElement, props}).
// Columns: created (int).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.fromElement AND a.id = row.from
MATCH (b) WHERE elementId(b) = row.toElement AND b.id = row.to
CREATE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS created
