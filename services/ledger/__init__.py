"""The ledger interchange format (csv-format.md): schema, value syntax, files, read, import, write. Qt-free."""
