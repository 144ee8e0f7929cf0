// Record the applied migration version.
// Parameters: $version (int). Columns: version (int).
MERGE (m:GridlinkMeta {key: 'schema'})
SET m.version = $version, m.appliedAt = datetime()
RETURN m.version AS version
