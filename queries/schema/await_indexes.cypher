// Wait until every index is online (after creating them).
// Parameters: none. Columns: none.
CALL db.awaitIndexes(300)
