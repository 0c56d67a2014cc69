"""Help → About: the version, where the store, logs and settings are, and the bundled components' licences."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import crash, i18n
from ui.version import __version__

QT_SOURCE = "https://download.qt.io/official_releases/QtForPython/"
LICENCES = Path(__file__).resolve().parent.parent / "resources" / "licences"  # LGPL-3.0, GPL-3.0, PSF texts


@dataclass(frozen=True)
class Component:
    """A component shipped with the app: its name, its distribution (for the version), its licence."""

    name: str
    distribution: str | None  # None: Qt and Python themselves
    licence: str
    url: str

    def version(self) -> str:
        """The installed version ('' if its metadata is not bundled)."""
        if self.name == "Qt":
            return qVersion()
        if self.name == "Python":
            return platform.python_version()
        try:
            return metadata.version(self.distribution or self.name)
        except metadata.PackageNotFoundError:
            return ""


COMPONENTS: tuple[Component, ...] = (
    Component("Python", None, "PSF-2.0", "https://www.python.org/"),
    Component("Qt", None, "LGPL-3.0-only", "https://www.qt.io/"),
    Component("PySide6", "PySide6-Essentials", "LGPL-3.0-only", "https://pyside.org/"),
    Component("shiboken6", "shiboken6", "LGPL-3.0-only", "https://pyside.org/"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT", "https://www.sqlalchemy.org/"),
    Component("Alembic", "alembic", "MIT", "https://alembic.sqlalchemy.org/"),
    Component("Mako", "Mako", "MIT", "https://www.makotemplates.org/"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/"),
    Component("ReportLab", "reportlab", "BSD-3-Clause", "https://www.reportlab.com/"),
    Component("Pillow", "pillow", "MIT-CMU", "https://python-pillow.org/"),
    Component("Babel", "babel", "BSD-3-Clause", "https://babel.pocoo.org/"),
    Component("python-dateutil", "python-dateutil", "Apache-2.0 / BSD-3-Clause", "https://github.com/dateutil/dateutil"),
    Component("tzdata", "tzdata", "Apache-2.0", "https://github.com/python/tzdata"),
    Component("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    Component("charset-normalizer", "charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
    Component("cn2an", "cn2an", "MIT", "https://github.com/Ailln/cn2an"),
    Component("proces", "proces", "MIT", "https://github.com/Ailln/proces"),
    Component("chinesecalendar", "chinesecalendar", "MIT", "https://github.com/LKI/chinese-calendar"),
    Component("icalendar", "icalendar", "BSD-2-Clause", "https://github.com/collective/icalendar"),
    Component("lunar-python", "lunar-python", "MIT", "https://github.com/6tail/lunar-python"),
    Component("openpyxl", "openpyxl", "MIT", "https://foss.heptapod.net/openpyxl/openpyxl"),
    Component("et-xmlfile", "et-xmlfile", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile"),
    Component("xlrd", "xlrd", "BSD-3-Clause", "https://github.com/python-excel/xlrd"),
    Component("psycopg", "psycopg", "LGPL-3.0-only", "https://www.psycopg.org/"),
    Component("psycopg-binary (libpq)", "psycopg-binary", "LGPL-3.0-only / PostgreSQL", "https://www.psycopg.org/"),
    Component("typing_extensions", "typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions"),
    Component("markdown-it-py", "markdown-it-py", "MIT", "https://github.com/executablebooks/markdown-it-py"),
    Component("mdurl", "mdurl", "MIT", "https://github.com/executablebooks/mdurl"),
    Component("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 / BSD-3-Clause", "https://github.com/pypdfium2-team/pypdfium2"),
    Component("pyqtgraph", "pyqtgraph", "MIT", "https://www.pyqtgraph.org/"),
    Component("NumPy (with OpenBLAS)", "numpy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
              "https://numpy.org/"),
    Component("colorama", "colorama", "BSD-3-Clause", "https://github.com/tartley/colorama"),
    Component("keyring", "keyring", "MIT", "https://github.com/jaraco/keyring"),
    Component("SecretStorage", "secretstorage", "BSD-3-Clause", "https://github.com/mitya57/secretstorage"),
    Component("Jeepney", "jeepney", "MIT", "https://gitlab.com/takluyver/jeepney"),
    Component("cryptography", "cryptography", "Apache-2.0 / BSD-3-Clause", "https://cryptography.io/"),
    Component("cffi", "cffi", "MIT-0", "https://cffi.readthedocs.io/"),
    Component("pycparser", "pycparser", "BSD-3-Clause", "https://github.com/eliben/pycparser"),
    Component("jaraco.classes", "jaraco-classes", "MIT", "https://github.com/jaraco/jaraco.classes"),
    Component("jaraco.context", "jaraco-context", "MIT", "https://github.com/jaraco/jaraco.context"),
    Component("jaraco.functools", "jaraco-functools", "MIT", "https://github.com/jaraco/jaraco.functools"),
    Component("backports.tarfile", "backports-tarfile", "MIT", "https://github.com/jaraco/backports.tarfile"),
    Component("more-itertools", "more-itertools", "MIT", "https://github.com/more-itertools/more-itertools"),
    Component("importlib_metadata", "importlib-metadata", "Apache-2.0", "https://github.com/python/importlib_metadata"),
    Component("lazy-importer", "lazy-importer", "Apache-2.0", "https://pypi.org/project/lazy-importer/"),
    Component("zipp", "zipp", "MIT", "https://github.com/jaraco/zipp"),
)


class AboutDialog(QDialog):
    """Non-modal About box for the window over the store at ``store_path``."""

    def __init__(self, store_path: Path | str, parent: QWidget | None = None, *, user: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ContractDesk"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ContractDesk {0}").format(__version__))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("A register of procurement contracts for public bodies.")))
        form = QFormLayout()
        self.paths = {
            "store": str(store_path),
            "logs": str(crash.log_dir()),
            "settings": i18n.settings().fileName(),
        }
        rows = [(self.tr("Store:"), "store"), (self.tr("Logs:"), "logs"), (self.tr("Settings:"), "settings")]
        if user is not None:  # as whom the register is written (the database user on a server)
            self.paths["user"] = user
            rows.insert(1, (self.tr("User:"), "user"))
        for label, key in rows:
            value = QLabel(self.paths[key])
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        layout.addLayout(form)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self.licences_html())
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def licences_html(self) -> str:
        """The components table and the LGPL notice, as HTML."""
        rows = "".join(
            f"<tr><td><a href='{html.escape(c.url)}'>{html.escape(c.name)}</a></td>"
            f"<td>{html.escape(c.version())}</td><td>{html.escape(c.licence)}</td></tr>"
            for c in COMPONENTS
        )
        columns = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        head = "<tr>" + "".join(f"<th align='left'>{html.escape(name)}</th>" for name in columns) + "</tr>"
        title = self.tr("Bundled components")
        notice = self.tr(
            "Qt and PySide6 are used under the GNU Lesser General Public License v3: they are shipped as "
            "separate libraries in the installation folder and may be replaced by compatible builds. "
            "Their source code is available at {0}. The licence texts are in the installation folder: "
            "{1} (Qt, PySide6, Python) and next to each other component."
        ).format(f"<a href='{QT_SOURCE}'>{QT_SOURCE}</a>", html.escape(str(LICENCES)))
        return (f"<p><b>{html.escape(title)}</b></p>"
                f"<table cellspacing='0' cellpadding='3'>{head}{rows}</table><p>{notice}</p>")
