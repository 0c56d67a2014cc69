"""The register: contract data, save/load/delete, list columns, pasted line items, USCC. Qt-free."""
