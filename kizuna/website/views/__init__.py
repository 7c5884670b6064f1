"""Public pages: thin views over registry querysets and services."""
