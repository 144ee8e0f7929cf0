"""Getting data into the graph: the model, the import format, validation, batched writes."""
