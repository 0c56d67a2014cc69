"""The register's own records on screen: the Trash and the history."""
