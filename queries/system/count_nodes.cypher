// How many nodes carry each label, for the labels asked.
// Parameters: $labels (list of label names from the model, never user text).
// Columns: label (string), count (int).
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
