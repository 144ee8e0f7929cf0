// CONTAINS on organisation names.
// Parameters: none. Columns: none.
CREATE TEXT INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name)
