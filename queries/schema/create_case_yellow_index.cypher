// Cases by the yellow mark of their running clock (overdueCases starts here).
// Parameters: none. Columns: none.
CREATE INDEX case_yellow_at IF NOT EXISTS FOR (n:Case) ON (n.yellowAt)
