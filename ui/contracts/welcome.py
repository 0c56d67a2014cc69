"""The page shown instead of an empty list: the register holds no contract yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WelcomePage(QWidget):
    """Shown instead of an empty grid when the store holds no contract."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("The register is empty"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        hint = QLabel(self.tr("Start by entering a signed contract, importing a ledger, or looking at the samples."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        for text, slot in (
            (self.tr("New contract…"), window.new_contract),
            (self.tr("Import ledger…"), window.import_ledger),
            (self.tr("Open sample contracts"), window.open_samples),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(40)
            button.setFixedWidth(280)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
