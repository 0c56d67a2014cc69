"""The main window's menu bar, its actions and the list's context menu.

Apart from ``ui.main_window`` to keep that module to the window itself. The actions are kept on the window
(``window.new_action`` …): its other parts enable, disable and trigger them. The texts keep the
``MainWindow`` translation context (written out: lupdate does not follow an alias of ``translate``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ui import i18n

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.main_window import MainWindow

__all__ = ["build_menus"]

translate = QCoreApplication.translate  # lupdate reads ``translate("MainWindow", …)`` by this name


def _action(window: MainWindow, text: str, slot: Callable[..., object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    """Fill ``window``'s menu bar (File, Edit, View, Settings, Tools, Help) and its list's context menu;
    set the window's action attributes. ``window.calendar_feature`` and ``window.printing`` must exist."""
    bar = window.menuBar()
    _file_menu(window, bar.addMenu(translate("MainWindow", "&File")))
    _edit_menu(window, bar.addMenu(translate("MainWindow", "&Edit")))
    _view_menu(window, bar.addMenu(translate("MainWindow", "&View")))
    settings_menu = bar.addMenu(translate("MainWindow", "&Settings"))
    settings_menu.addActions([window.calendar_feature.holidays_action, window.calendar_feature.reminder_action])
    window.register_action = _action(window, translate("MainWindow", "&Register…"), lambda: window.choose_register())
    settings_menu.addAction(window.register_action)  # a file or a server (issue 17)
    tools_menu = bar.addMenu(translate("MainWindow", "&Tools"))
    window.penalty_action = _action(window, translate("MainWindow", "&Liquidated damages…"),
                                    window.open_penalty_calculator, "Ctrl+L")
    tools_menu.addAction(window.penalty_action)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    window.about_action = _action(window, translate("MainWindow", "&About ContractDesk"), window.show_about)
    help_menu.addAction(window.about_action)
    table = window.list_view.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addActions([window.open_action, window.new_action, window.print_action, window.print_summary_action,
                      window.delete_action])


def _file_menu(window: MainWindow, menu: QMenu) -> None:
    """File: contracts, the ledger, backups, the register's place, printing, history, delete, quit."""
    window.new_action = _action(window, translate("MainWindow", "&New contract…"), window.new_contract,
                                QKeySequence.StandardKey.New)
    window.open_action = _action(window, translate("MainWindow", "&Open contract"), window.edit_current)
    window.import_action = _action(window, translate("MainWindow", "&Import ledger…"), window.import_ledger,
                                   "Ctrl+I")
    window.export_action = _action(window, translate("MainWindow", "&Export ledger…"), window.export_ledger,
                                   "Ctrl+E")
    window.backup_action = _action(window, translate("MainWindow", "Bac&k up now…"), window.back_up_now)
    window.restore_backup_action = _action(window, translate("MainWindow", "&Restore from backup…"),
                                           window.restore_from_backup)
    window.move_action = _action(window, translate("MainWindow", "&Move this register to a server…"),
                                 lambda: window.move_to_server())
    window.move_action.setEnabled(not window.store.on_server and window.home is None)
    window.samples_action = _action(window, translate("MainWindow", "Open &sample contracts"), window.open_samples)
    window.home_action = _action(window, translate("MainWindow", "&Back to my register"), window.back_to_register)
    window.home_action.setEnabled(window.home is not None)
    window.delete_action = _action(window, translate("MainWindow", "&Delete contract…"), window.delete_contract,
                                   "Shift+Del")
    window.history_action = _action(window, translate("MainWindow", "&History…"), window.show_history)
    window.trash_action = _action(window, translate("MainWindow", "&Trash…"), window.show_trash)
    printing = window.printing
    window.print_action = _action(window, translate("MainWindow", "&Print contract…"), printing.print_contract,
                                  "Ctrl+P")
    window.print_summary_action = _action(window, translate("MainWindow", "Print s&ummary…"),
                                          printing.print_summary, "Ctrl+Shift+P")
    window.preview_action = _action(window, translate("MainWindow", "Print pre&view…"), printing.preview_contract)
    window.printer_action = _action(window, translate("MainWindow", "Print to p&rinter…"), printing.print_to_printer)
    window.seam_action = QAction(translate("MainWindow", "Seal band for 骑缝章 (cross-page seal)"), window,
                                 checkable=True)
    window.seam_action.setChecked(printing.seam())
    window.seam_action.toggled.connect(printing.set_seam)
    quit_action = _action(window, translate("MainWindow", "&Quit"), window.close, QKeySequence.StandardKey.Quit)
    menu.addActions([window.new_action, window.import_action, window.export_action, window.backup_action,
                     window.restore_backup_action, window.move_action, window.samples_action, window.home_action])
    menu.addSeparator()
    menu.addActions([window.print_action, window.print_summary_action, window.preview_action,
                     window.printer_action, window.seam_action])
    menu.addAction(window.calendar_feature.export_action)
    for action in (window.history_action, window.delete_action, quit_action):
        menu.addSeparator()
        menu.addAction(action)


def _edit_menu(window: MainWindow, menu: QMenu) -> None:
    """Edit: undo a delete (in the list only), find."""
    window.undo_delete_action = _action(window, translate("MainWindow", "&Undo delete"), window.undo_delete,
                                        QKeySequence.StandardKey.Undo)
    # In the list only: the editor, the agenda and the search box keep Ctrl+Z for their own undo.
    window.undo_delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.list_view.table.addAction(window.undo_delete_action)
    menu.addAction(window.undo_delete_action)
    menu.addSeparator()
    window.find_action = _action(window, translate("MainWindow", "&Find…"), window.list_view.focus_search,
                                 QKeySequence.StandardKey.Find)
    menu.addAction(window.find_action)


def _view_menu(window: MainWindow, menu: QMenu) -> None:
    """View: calendar, agenda, Trash, overview, and the language (中文 / English)."""
    language_menu = QMenu(translate("MainWindow", "&Language"), window)
    group = QActionGroup(window)
    current = i18n.preferred_language()
    for code, name in (("zh_CN", "中文"), ("en", "English")):
        action = QAction(name, window, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: window.switch_language(c))
        group.addAction(action)
        language_menu.addAction(action)
    menu.addActions([window.calendar_feature.calendar_action, window.calendar_feature.agenda_action])
    menu.addAction(window.trash_action)
    window.overview_action = _action(window, translate("MainWindow", "&Overview…"), window.show_overview, "Ctrl+O")
    menu.addAction(window.overview_action)
    menu.addSeparator()
    menu.addMenu(language_menu)
