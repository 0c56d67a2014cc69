"""The import graph of the project's own modules, read from the source (no imports run).

Used by tests/test_layering.py: an import inside ``if TYPE_CHECKING:`` is not an edge (it never
runs); an import inside a function is (it still ties the two modules together).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGES = ("models", "services", "ui", "cli")


def module_name(root: Path, path: Path) -> str:
    """``services/calendar/agenda.py`` -> ``services.calendar.agenda``; a package's ``__init__`` -> the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for sub in ast.walk(child):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def imports_of(root: Path, path: Path, known: set[str]) -> set[str]:
    """The project modules ``path`` imports at run time (resolved to the longest known module name)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    found.discard(module_name(root, path))
    return found


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> the project modules it imports, for every module of ``PACKAGES``.

    A module importing ``pkg.sub`` also depends on ``pkg`` (its ``__init__`` runs first), but a
    package's ``__init__`` is not taken to import its own submodules unless it says so.
    """
    paths = [p for package in PACKAGES for p in (root / package).rglob("*.py") if "migrations" not in p.parts]
    known = {module_name(root, p) for p in paths}
    return {module_name(root, p): imports_of(root, p, known) for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted; sorted by first name."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)
