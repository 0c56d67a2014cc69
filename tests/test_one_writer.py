"""One write path: in ui/, every call of a writing service sits in a ``work`` function handed to
``AppContext.write`` (the task helper's single writer, which announces the change) — never inline
on the GUI thread, never unannounced."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

#: The services' writing functions (a new one belongs here).
WRITERS = {"save", "delete_contract", "move_to_trash", "restore", "purge", "apply_ledger", "import_ledger",
           "mark_done", "record_event", "remove_event", "save_holidays", "save_calculation",
           "delete_calculation", "backup_now", "restore_backup", "add_file"}
#: Writes on a store of their own that no view shows yet: the sample contracts being rebuilt.
ALLOWED = {("ui/register/samples.py", "build", "import_ledger")}


def _calls(tree: ast.AST) -> list[tuple[str, str, int]]:
    """(enclosing function, called name, line) of every call of a name in ``WRITERS``."""
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = child.name
            if isinstance(child, ast.Call):
                func = child.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
                qt_object = receiver in {"painter", "self", "editor", "super()"} or receiver.endswith("grab()")
                if called in WRITERS and not qt_object:
                    found.append((function, called, child.lineno))
            visit(child, name)

    visit(tree, "<module>")
    return found


def test_every_write_in_the_ui_goes_through_the_one_writer() -> None:
    offenders = []
    seen = 0
    for path in sorted((ROOT / "ui").rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        for function, called, line in _calls(ast.parse(path.read_text("utf-8"))):
            seen += 1
            if function != "work" and (relative, function, called) not in ALLOWED:
                offenders.append(f"{relative}:{line}: {called}() in {function}()")
    assert seen >= 8  # the check sees the ui's writes (save, delete, import, mark done, events, holidays …)
    assert offenders == []


def test_the_check_would_catch_an_inline_write() -> None:
    source = "def delete(self):\n    with self.store.session() as s:\n        contracts.delete_contract(s, 1)\n"
    assert _calls(ast.parse(source)) == [("delete", "delete_contract", 3)]
