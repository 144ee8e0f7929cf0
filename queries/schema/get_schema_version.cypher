// The applied migration version, or no row on a fresh graph.
// Parameters: none. Columns: version (int).
MATCH (m:GridlinkMeta {key: 'schema'}) RETURN m.version AS version
