// Case events by their place in the global log (the live-update pollers read "after N").
// Parameters: none. Columns: none.
CREATE INDEX case_event_log IF NOT EXISTS FOR (n:CaseEvent) ON (n.logSeq)
