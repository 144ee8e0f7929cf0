// Upsert a batch of relationships of one type between nodes named by external id.
// Both ends must exist (the loader checks that before writing; a missing end fails the batch).
// Parameters: $type (relationship type from loaders/model.py, never user text),
//   $rows (list of {from, to, props}).
// Columns: created (int), updated (int), unchanged (int), missing (int).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
WITH row, a, b
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  OPTIONAL MATCH (a)-[old:$($type)]->(b)
  WITH row, a, b, old, old IS NULL AS isNew,
       CASE WHEN old IS NULL THEN false
            ELSE any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k])
                 OR any(k IN keys(old) WHERE NOT k IN keys(row.props))
       END AS changed
  MERGE (a)-[r:$($type)]->(b)
  SET r = row.props
  RETURN isNew, changed
}
WITH row, a, b, isNew, changed
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN a IS NOT NULL AND b IS NOT NULL AND NOT isNew AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN a IS NULL OR b IS NULL THEN 1 ELSE 0 END) AS missing
