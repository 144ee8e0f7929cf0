// Bookkeeping nodes (schema version, graph version) are keyed, one per key.
// Parameters: none. Columns: none.
CREATE CONSTRAINT gridlink_meta_key IF NOT EXISTS FOR (m:GridlinkMeta) REQUIRE m.key IS UNIQUE
