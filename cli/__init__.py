"""The command line: argparse, exit codes, printing to stdout/stderr — no domain logic (that is in services/)."""
