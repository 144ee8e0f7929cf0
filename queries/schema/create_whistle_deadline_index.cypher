// Summoned departments by answer deadline (late departments in overdueCases).
// Parameters: none. Columns: none.
CREATE INDEX whistle_deadline IF NOT EXISTS FOR ()-[w:WHISTLED]-() ON (w.deadline)
