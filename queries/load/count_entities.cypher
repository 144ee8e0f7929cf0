// How many entities the graph holds (0 means empty: the seed may be loaded).
// Parameters: none. Columns: count (int).
MATCH (n:Entity) RETURN count(n) AS count
