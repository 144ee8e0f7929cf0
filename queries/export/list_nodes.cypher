// One page of every entity in id order (keyset paging on the entity_id index), for exports.
// Parameters: $after (string: the last id of the previous page, "" for the first),
//   $limit (int: page size).
// Columns: id (string), labels (list of strings), props (map).
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $limit
