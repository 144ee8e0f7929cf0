// Every node is an :Entity with an id unique across the graph (the source system's key).
// Parameters: none. Columns: none.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
