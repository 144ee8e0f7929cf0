// Needs by status (open lists).
// Parameters: none. Columns: none.
CREATE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status, n.raisedOn)
