"""Neo4j access: the driver, named Cypher, migrations. Nothing above this layer touches the driver."""
