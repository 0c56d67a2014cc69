"""The contract editor: header form, line items, obligations, penalty clauses, the live checks panel."""
