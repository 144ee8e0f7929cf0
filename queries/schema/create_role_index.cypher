// Roles by kind (grid workers, building leaders ...).
// Parameters: none. Columns: none.
CREATE INDEX holds_role_role IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.role)
