"""The application context the window's parts share: the store, the one writer, the one change signal.

Views, dialogs and features receive an ``AppContext`` instead of the main window, so none of them
reaches into another (Anki's pattern: operations that announce what changed, views that listen).

- ``context.write(label, work, …)`` is the one write path: ``work(session, control)`` runs in one
  transaction (one user action) on the background-task helper's single worker thread and returns
  ``(result, Changes)``; on the GUI thread the changes are announced, then ``on_done(result)`` runs.
- ``context.changes.changed`` (a ``services.changes.Changes``) is the one store-changed signal: the
  list, the editor, the calendar, the agenda and the status bar listen to it and refresh what they
  show of those contracts. No view refreshes another by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from services.changes import Changes
from services.store import Store
from ui import settings
from ui.tasks import BackgroundTask, TaskControl, run_task

T = TypeVar("T")

__all__ = ["AppContext", "Dialogs", "StoreChanges", "font_path_setting", "open_in_viewer"]


def open_in_viewer(path: Path) -> None:
    """Open ``path`` with the desktop's default application (the PDF viewer)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def font_path_setting() -> str | None:
    """The print-out font file set in the settings (``ui.settings.pdf_font_path``), or None."""
    path = settings.pdf_font_path()
    return str(path) if path else None


class Dialogs(Protocol):
    """What the parts ask of ``ui.dialogs.DialogService`` (tests pass ``tests.conftest.FakeDialogs``)."""

    def confirm(self, title: str, text: str, *, default_no: bool = False) -> bool: ...
    def info(self, title: str, text: str, details: str = "") -> None: ...
    def error(self, title: str, text: str, details: str = "") -> None: ...
    def __getattr__(self, name: str) -> Any: ...  # the file and value choosers: see DialogService


class StoreChanges(QObject):
    """The one store-changed notification: ``changed(Changes)`` after every write."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        """Tell every listener; an empty ``Changes`` (nothing written) is not announced."""
        if changes:
            self.changed.emit(changes)


@dataclass(eq=False)
class AppContext:
    """What a part of the window needs: ``store``; ``dialogs`` to ask and tell; ``parent``, the widget
    tasks and dialogs hang off; ``changes``, the change signal; ``open_file`` shows a written file
    (a recorder in tests); ``font_path()`` the preferred print-out font; ``status(text)`` a word in
    the status bar."""

    store: Store
    dialogs: Dialogs
    parent: QWidget
    changes: StoreChanges = field(default_factory=StoreChanges)
    open_file: Callable[[Path], None] = open_in_viewer
    font_path: Callable[[], str | None] = font_path_setting
    status: Callable[[str], None] = lambda _text: None

    def read(self, label: str, work: Callable[[Session, TaskControl], T], on_done: Callable[[T], None],
             on_error: Callable[[BaseException], None] | None = None, *, cancellable: bool = False) -> BackgroundTask:
        """Run ``work(session, control)`` off the GUI thread in a read transaction; ``on_done(result)``
        on the GUI thread (``on_error(exc)`` when it raised; default: re-raise to the crash handler)."""

        def task(control: TaskControl) -> T:
            with self.store.session() as session:
                return work(session, control)

        return run_task(self.parent, label, task, on_done, on_error or _reraise, cancellable=cancellable)

    def write(self, label: str, work: Callable[[Session, TaskControl], tuple[T, Changes]],
              on_done: Callable[[T], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
              *, cancellable: bool = False) -> BackgroundTask:
        """The one write path: ``work(session, control)`` returns ``(result, changes)`` and runs as one
        transaction on the single writer thread (committed when it returns, rolled back if it raises).
        Then, on the GUI thread, ``changes`` is announced and ``on_done(result)`` runs; ``on_error(exc)``
        if it raised (nothing was written; default: re-raise to the crash handler)."""
        outcome: list[Changes] = []

        def task(control: TaskControl) -> T:
            # The write lock first (BEGIN IMMEDIATE): a unit that reads then writes waits for another
            # writer instead of failing with "database is locked"; a busy store ends in STORE_BUSY_BY.
            with self.store.session(write=True) as session:
                result, changes = work(session, control)
            outcome.append(changes)
            return result

        def done(result: T) -> None:
            self.changes.announce(outcome[0])
            if on_done is not None:
                on_done(result)

        return run_task(self.parent, label, task, done, on_error or _reraise, cancellable=cancellable)


def _reraise(error: BaseException) -> None:
    raise error
