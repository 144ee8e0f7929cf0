// Projects by status (the open pool).
// Parameters: none. Columns: none.
CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status, n.claimDeadline)
