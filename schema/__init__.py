"""The GraphQL layer: one folder per domain, the root composed in schema/api.py."""
