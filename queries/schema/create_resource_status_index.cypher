// Resources by status.
// Parameters: none. Columns: none.
CREATE INDEX resource_status IF NOT EXISTS FOR (n:Resource) ON (n.status)
