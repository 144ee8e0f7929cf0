// Cases by report time (windows for stats).
// Parameters: none. Columns: none.
CREATE INDEX case_reported IF NOT EXISTS FOR (n:Case) ON (n.reportedAt)
