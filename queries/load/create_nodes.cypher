// Create a batch of nodes the loader found absent from the graph (the fast path of a load).
// The entity_id constraint still refuses an id that appeared meanwhile.
// Parameters: $labels (list: the model's labels for the type, from loaders/model.py, never
//   user text), $rows (list of maps: the node's properties, its id among them).
// Columns: created (int).
UNWIND $rows AS row
CREATE (n:$($labels))
SET n = row
RETURN count(n) AS created
