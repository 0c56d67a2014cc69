"""The command line: argparse, exit codes, printing to stdout/stderr — no domain logic (that is in
services/). ``main.py`` hands it argv when the first argument names a command (``COMMANDS``)."""

from cli.app import COMMANDS, parse, parser, print_help, run_command

__all__ = ["COMMANDS", "parse", "parser", "print_help", "run_command"]
