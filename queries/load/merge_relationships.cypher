// Upsert a batch of relationships of one type between nodes named by external id.
// A relationship is found by its type, its two ends and, for types where several may join
// the same two nodes (HOLDS_ROLE: one per role), the key properties in row.key. A changed
// one has its properties replaced in place; an unchanged one is not written. Rows whose end
// is missing are counted, not written (the loader checked the ends before, so any missing
// means the graph changed meanwhile and the loader rolls the batch back).
// Parameters: $type (relationship type from loaders/model.py, never user text),
//   $rows (list of {from, to, props, key?}; key: map of the key properties, may be absent).
// Columns: created (int), updated (int), unchanged (int), missing (int).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
WITH row, a, b, coalesce(row.key, {}) AS key
WITH row, a, b, a IS NOT NULL AND b IS NOT NULL AS found,
     CASE WHEN a IS NULL OR b IS NULL THEN null
          ELSE head([(a)-[r:$($type)]->(b) WHERE all(k IN keys(key) WHERE r[k] = key[k]) | r])
     END AS old
WITH row, a, b, old, found, found AND old IS NULL AS isNew,
     old IS NOT NULL AND properties(old) <> row.props AS changed
FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END |
  CREATE (a)-[r:$($type)]->(b)
  SET r = row.props)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET old = row.props)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN found AND NOT isNew AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN found THEN 0 ELSE 1 END) AS missing
