"""Contract checks (核对): one check_contract() and its rule modules, and running them over the store. Qt-free."""
