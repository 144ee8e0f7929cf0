// The properties under a RANGE or TEXT index (constraints' own indexes included): Neo4j
// refuses a value too large to index, so the loader bounds them before writing.
// Parameters: none.
// Columns: name (string), type (string: RANGE or TEXT), entityType (NODE or RELATIONSHIP),
//   labelsOrTypes (list of strings), properties (list of strings).
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties
WHERE type IN ['RANGE', 'TEXT'] AND labelsOrTypes IS NOT NULL
RETURN name, type, entityType, labelsOrTypes, properties
