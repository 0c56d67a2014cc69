"""The version of ContractDesk (Help → About, the .deb's version); a test keeps it equal to pyproject's."""

from __future__ import annotations

__version__ = "0.1.0"
