// Cases by status.
// Parameters: none. Columns: none.
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status)
