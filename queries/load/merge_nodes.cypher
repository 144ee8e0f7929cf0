// Upsert a batch of nodes of one type by their external id, reporting what changed.
// A record is the whole node: a changed one replaces the node's properties in place (keys
// it lacks are removed); an unchanged one is not written at all, so a second load of the
// same data leaves the graph exactly as it was.
// Parameters: $labels (list: the model's labels for the type, e.g. ["Entity","Place","Grid"];
//   never user text, taken from loaders/model.py), $rows (list of {id, props}).
// Columns: created (int), updated (int), unchanged (int).
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old, row.props AS props
WITH row, old, props {.*, id: row.id} AS wanted
WITH row, old, wanted, old IS NULL AS isNew,
     old IS NOT NULL AND properties(old) <> wanted AS changed
FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END |
  MERGE (n:Entity {id: row.id})
  SET n:$($labels), n = wanted)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET old = wanted)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN isNew OR changed THEN 0 ELSE 1 END) AS unchanged
