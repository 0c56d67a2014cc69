"""The officer's settings that persist between runs, in ``QSettings`` (user scope, never the install folder).

Linux: ``~/.config/ContractDesk/ContractDesk.conf``; Windows: the registry under
``HKEY_CURRENT_USER\\Software\\ContractDesk\\ContractDesk``. Keys:

- ``language`` — ``zh_CN`` or ``en`` (View → Language; see ``ui.i18n``);
- ``pdf/font_path`` — the TrueType/OpenType font for printed contracts (empty: a system CJK font);
- ``calendar/reminder_days`` — calendar days before: the renewal reminder (before the end of a term)
  and the alarm of each deadline exported as .ics (Settings → Reminder days…);
- ``register`` — the register chosen in Settings → Register…: a file's path or a server's
  ``postgresql://user@host:port/dbname`` (never a password); ``--db`` and ``CONTRACTDESK_DB`` win.
"""

from __future__ import annotations

from pathlib import Path

from ui.i18n import settings

LANGUAGE = "language"
PDF_FONT_PATH = "pdf/font_path"
REMINDER_DAYS = "calendar/reminder_days"
PDF_SEAM = "pdf/seam"
REGISTER = "register"
DEFAULT_REMINDER_DAYS = 30  # = services.calendar.deadlines.DEFAULT_REMINDER_DAYS, the command line's default


def pdf_font_path() -> Path | None:
    """The chosen PDF font file, or None for the default."""
    value = settings().value(PDF_FONT_PATH, "", str)
    return Path(value) if value else None


def set_pdf_font_path(path: Path | None) -> None:
    """Choose the PDF font file (None: back to the default)."""
    settings().setValue(PDF_FONT_PATH, str(path) if path else "")


def pdf_seam() -> bool:
    """Whether contract print-outs carry the seal band of the cross-page seal (骑缝章); off by default."""
    return settings().value(PDF_SEAM, False, bool)


def set_pdf_seam(on: bool) -> None:
    """Turn the seal band of the cross-page seal on or off for contract print-outs."""
    settings().setValue(PDF_SEAM, bool(on))


def reminder_days() -> int:
    """Days before a due date to remind; ``DEFAULT_REMINDER_DAYS`` if unset or not a number ≥ 0."""
    value = settings().value(REMINDER_DAYS, DEFAULT_REMINDER_DAYS)
    try:
        days = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_REMINDER_DAYS
    return days if days >= 0 else DEFAULT_REMINDER_DAYS


def set_reminder_days(days: int) -> None:
    """Save the reminder lead time in days (≥ 0)."""
    if days < 0:
        raise ValueError(f"reminder days must be >= 0, not {days}")
    settings().setValue(REMINDER_DAYS, days)


def chosen_register() -> str | None:
    """The register chosen in Settings → Register… (a path or a server URL), or None."""
    value = settings().value(REGISTER, "", str)
    return value or None


def set_chosen_register(name: str | None) -> None:
    """Open ``name`` (a path or a server URL, its password removed) at the next start; None: the default."""
    from services.store_pg import display_url

    settings().setValue(REGISTER, display_url(name) if name else "")
