// CONTAINS on place names (the one-character fallback of full-text search).
// Parameters: none. Columns: none.
CREATE TEXT INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)
