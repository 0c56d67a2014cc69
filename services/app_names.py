"""The application's names for platformdirs and QSettings (the user data, config and log folders),
in a module of their own so that the window's first paint and ``main.py list`` can find the store
without importing ``services.store`` (and SQLAlchemy with it, issue 18)."""

from __future__ import annotations

__all__ = ["APP_AUTHOR", "APP_NAME", "DB_ENV"]

APP_NAME = "ContractDesk"
APP_AUTHOR = "ContractDesk"
#: The environment variable naming the store when ``--db`` does not.
DB_ENV = "CONTRACTDESK_DB"
