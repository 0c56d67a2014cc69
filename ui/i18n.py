"""Qt translations: our own ``resources/i18n/contractdesk_<lang>.qm`` plus Qt's own ``qtbase``.

The language follows the saved setting, else the system locale (Chinese for any ``zh``
locale, English otherwise).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []
_current = {"language": "en"}  # what install() last put in place


def settings() -> QSettings:
    """The app's settings (user scope; never inside the install folder)."""
    return QSettings("ContractDesk", "ContractDesk")


def preferred_language() -> str:
    """The saved language, else the system locale's: ``zh_CN`` or ``en``."""
    saved = settings().value("language", "", str)
    if saved in LANGUAGES:
        return saved
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def current_language() -> str:
    """The language of the interface now: ``zh_CN`` once ``install("zh_CN")`` loaded our
    translation, else ``en`` (also before any install, as in tests). For texts the code picks
    itself, such as the checks' ``message_zh`` / ``message_en``."""
    return _current["language"]


def install(language: str) -> str:
    """Replace the installed translators with those of ``language``; returns the language used."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current["language"] = "en"
    if language == "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / "contractdesk_zh_CN.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
            _current["language"] = "zh_CN"
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return language
