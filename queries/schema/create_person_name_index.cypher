// CONTAINS on people's names.
// Parameters: none. Columns: none.
CREATE TEXT INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)
