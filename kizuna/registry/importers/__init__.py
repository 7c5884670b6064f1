"""Importers: reference registers and the curated links into the registry models.

One module per source turns its file (or bundled package data) into `AuthorityRecord`s;
`registers.save_authorities` writes them in one transaction. Shared by the CLI, admin and tests.
"""
