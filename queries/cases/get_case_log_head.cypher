// The number of the newest event in the global case-event log (0 when there is none).
// Parameters: none.
// Columns: head (int).
OPTIONAL MATCH (log:GridlinkMeta {key: 'caseEventLog'})
RETURN coalesce(log.seq, 0) AS head
