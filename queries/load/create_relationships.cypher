// Create a batch of relationships that cannot exist yet: one of their ends is a node this
// load created (the fast path). Rows whose end is missing are not written; the loader
// compares `created` with the batch size and rolls the batch back on a shortfall.
// Parameters: $type (relationship type from loaders/model.py, never user text),
//   $rows (list of {from, to, props}).
// Columns: created (int).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS created
