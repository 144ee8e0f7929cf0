// Create a batch of nodes the loader found absent from the graph (the fast path of a load),
// returning each one's element id so their relationships need no index lookup.
// The entity_id constraint still refuses an id that appeared meanwhile.
// Parameters: $labels (list: the model's labels for the type, from loaders/model.py, never
//   user text), $rows (list of maps: the node's properties, its id among them; dates and
//   date-times already Bolt temporals).
// Columns: created (int), made (list of [id, elementId] pairs).
UNWIND $rows AS row
CREATE (n:$($labels))
SET n = row
RETURN count(n) AS created, collect([row.id, elementId(n)]) AS made
