// Upsert a batch of nodes of one type by their external id, reporting what changed.
// Parameters: $labels (list: the model's labels for the type, e.g. ["Place","Grid"]; never
//   user text, checked against loaders/model.py), $rows (list of {id, props}).
// Columns: created (int), updated (int), unchanged (int).
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old, old IS NULL AS isNew,
     CASE WHEN old IS NULL THEN false
          ELSE any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k])
               OR any(k IN keys(old) WHERE k <> 'id' AND NOT k IN keys(row.props))
     END AS changed
MERGE (n:Entity {id: row.id})
SET n:$($labels)
WITH n, row, isNew, changed
CALL (n, row, changed, isNew) {
  WITH n, row WHERE isNew OR changed
  SET n = row.props, n.id = row.id
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT isNew AND NOT changed THEN 1 ELSE 0 END) AS unchanged
