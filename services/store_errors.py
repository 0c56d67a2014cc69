"""The coded errors of opening and writing a store (``STORE_*``), shared by ``services.store`` (an
SQLite file) and ``services.store_pg`` (a PostgreSQL server).

Each code has its Chinese and English text (``services.errors.define``); ``StoreError`` carries one.
"""

from __future__ import annotations

from pathlib import Path

from services.errors import UserError, define
from services.store_files import read_writer_note

STORE_BAD_PATH = define(
    "STORE_BAD_PATH",
    "无法在 {path} 建立台账数据库：{reason}。请用 --db 指定一个可写的位置。",
    "Cannot use {path} for the store: {reason}. Name a writable place with --db.")
STORE_IS_FOLDER = define(
    "STORE_IS_FOLDER",
    "{path} 是一个文件夹，不是台账数据库文件。",
    "{path} is a folder, not a store file.")
STORE_MISSING = define(
    "STORE_MISSING",
    "台账数据库 {path} 不存在。",
    "The store {path} does not exist.")
STORE_NOT_SQLITE = define(
    "STORE_NOT_SQLITE",
    "{path} 不是合同台账数据库（不是 SQLite 数据库文件），未作任何改动。",
    "{path} is not a ContractDesk store (not an SQLite database); it was left unchanged.")
STORE_DAMAGED = define(
    "STORE_DAMAGED",
    "台账数据库 {path} 已损坏（{reason}）。请从备份恢复（main.py restore）。",
    "The store {path} is damaged ({reason}). Restore a backup (main.py restore).")
STORE_FOREIGN = define(
    "STORE_FOREIGN",
    "{path} 不是合同台账数据库：它是其他程序的 SQLite 数据库（含表 {tables}），未作任何改动。",
    "{path} is not a ContractDesk store: it is another program's SQLite database "
    "(tables {tables}); it was left unchanged.")
STORE_HALF_CREATED = define(
    "STORE_HALF_CREATED",
    "{path} 是一个未建完的合同台账数据库（有数据表但没有版本标记，可能是首次启动时被中断）。"
    "请将其移走后重新启动，或从备份恢复。",
    "{path} is an incomplete ContractDesk store (its tables exist but it has no schema version stamp, "
    "probably an interrupted first start). Move it aside and start again, or restore a backup.")
STORE_NEWER = define(
    "STORE_NEWER",
    "{path} 由更新版本的合同台账写入（数据结构 {revision}），本版本只认识到 {head}。请升级合同台账。",
    "{path} was written by a newer version of ContractDesk (schema {revision}); "
    "this version knows schema up to {head}. Please update ContractDesk.")
STORE_CANNOT_OPEN = define(
    "STORE_CANNOT_OPEN",
    "无法打开台账数据库 {path}：{reason}",
    "Cannot open the store {path}: {reason}")
STORE_READ_ONLY_FILE = define(
    "STORE_READ_ONLY_FILE",
    "台账数据库 {path} 以只读方式打开（您没有写入该文件的权限），修改无法保存。",
    "The store {path} is open read-only (you may not write the file); changes cannot be saved.")
STORE_READ_ONLY_FOLDER = define(
    "STORE_READ_ONLY_FOLDER",
    "台账数据库 {path} 以只读方式打开（您没有写入其所在文件夹的权限），修改无法保存。",
    "The store {path} is open read-only (you may not write its folder); changes cannot be saved.")
STORE_READ_ONLY_REQUESTED = define(
    "STORE_READ_ONLY_REQUESTED",
    "台账数据库 {path} 按要求以只读方式打开，修改无法保存。",
    "The store {path} was opened read-only on request; changes cannot be saved.")
STORE_READ_ONLY_OLD = define(
    "STORE_READ_ONLY_OLD",
    "台账数据库 {path} 是只读的，但需要升级到本版本的数据结构才能使用。请让该文件可写，或复制一份后打开。",
    "The store {path} is read-only but needs an upgrade to this version's schema. "
    "Make it writable, or open a copy.")
STORE_BUSY = define(
    "STORE_BUSY",
    "台账数据库 {path} 正被另一个程序写入，等待 {seconds} 秒后仍未释放。请稍后再试。",
    "The store {path} is busy: another program is writing to it and did not finish within "
    "{seconds} s. Try again in a moment.")
STORE_BUSY_BY = define(
    "STORE_BUSY_BY",
    "台账数据库 {path} 正被另一个程序写入（用户 {user}，进程 {pid}，计算机 {host}，自 {since} 起），"
    "等待 {seconds} 秒后仍未释放。请稍后再试。",
    "The store {path} is busy: another program is writing to it (user {user}, process {pid} on {host}, "
    "since {since}) and did not finish within {seconds} s. Try again in a moment.")
STORE_WRITE_FAILED = define(
    "STORE_WRITE_FAILED",
    "无法写入台账数据库 {path}：{reason}",
    "Could not write to the store {path}: {reason}")

#: ``Store.read_only_reason`` -> the code of its message.
READ_ONLY_CODES = {"file": STORE_READ_ONLY_FILE, "folder": STORE_READ_ONLY_FOLDER,
                   "requested": STORE_READ_ONLY_REQUESTED}


class StoreError(UserError):
    """The store cannot be opened or written: a coded ``UserError`` (``STORE_*`` codes above).

    ``str(error)`` is the English text with the code; ``error.message("zh_CN")`` the Chinese.
    """


def sqlite_error_name(exc: BaseException) -> str:
    """SQLite's error name (``SQLITE_BUSY`` …) of a driver error wrapped or not, else ``""``."""
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlite_errorname", ""))


def os_reason(exc: BaseException) -> str:
    """The operating system's words for ``exc`` (its ``strerror``), else its text."""
    return getattr(exc, "strerror", None) or str(exc)


def busy_error(path: Path, timeout: float) -> StoreError:
    """``STORE_BUSY_BY`` naming the writer of ``path`` if its note is there, else ``STORE_BUSY``."""
    seconds = f"{timeout:g}"
    writer = read_writer_note(path)
    if writer is None:
        return StoreError(STORE_BUSY, path=path, seconds=seconds)
    return StoreError(STORE_BUSY_BY, path=path, seconds=seconds, user=writer.user, pid=writer.pid,
                      host=writer.host, since=writer.since)


def open_error(path: Path, exc: BaseException) -> StoreError:
    """The coded error for an SQLite error met while first reading ``path``."""
    code = sqlite_error_name(exc)
    reason = str(getattr(exc, "orig", exc))
    if code == "SQLITE_NOTADB":
        return StoreError(STORE_NOT_SQLITE, path=path)
    if code == "SQLITE_CORRUPT":
        return StoreError(STORE_DAMAGED, path=path, reason=reason)
    return StoreError(STORE_CANNOT_OPEN, path=path, reason=reason)
