"""A second process saving a contract, for the test of two database users at once (issue 17).

``python -m tests.pg_save_worker URL CONTRACT_NO TITLE``: opens the register at ``URL``, loads the
contract and prints ``loaded``; waits for a line on standard input, then saves the contract with
``TITLE`` against the version it loaded and prints one JSON line: ``{"saved": true}`` or
``{"refused": CODE, "user": WHO SAVED IT, "message": …}``.
"""

from __future__ import annotations

import json
import sys

from services.errors import UserError
from services.register import contracts
from services.register.versions import ConflictError
from services.store import open_store


def main(url: str, number: str, title: str) -> int:
    """Load, wait for the go, save; the outcome as JSON on standard output."""
    store = open_store(url)
    try:
        with store.session() as session:
            contract_id = contracts.find_id(session, number)
            assert contract_id is not None
            data = contracts.load(session, contract_id)
        print("loaded", flush=True)
        sys.stdin.readline()
        data.title = title
        try:
            with store.session(write=True) as session:
                contracts.save(session, data, contract_id=contract_id)
        except ConflictError as exc:
            print(json.dumps({"refused": exc.code, "user": exc.latest.user if exc.latest else None,
                              "message": exc.message("en")}), flush=True)
            return 0
        except UserError as exc:
            print(json.dumps({"refused": exc.code, "user": None, "message": exc.message("en")}), flush=True)
            return 0
        print(json.dumps({"saved": True}), flush=True)
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
