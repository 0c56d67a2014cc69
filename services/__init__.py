"""Domain services of ContractDesk: money, CSV ledger, store, contracts. Qt-free."""
