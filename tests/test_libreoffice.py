"""Round trips through a real office suite: LibreOffice Calc headless (Debian ``libreoffice-calc-nogui``,
installed by .ci/run). CSV → xlsx → CSV (UTF-8 and GB18030) and our xlsx → xlsx, each re-imported:
no damage is taken in silently — the import gives the register of the first export, or it is
rejected or warned at exactly the cells the suite changed, and with those cells put back it gives
the first export's register."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from services.ledger.importer import LedgerError, import_ledger
from services.ledger.workbook_write import export_to
from services.ledger.write import export_ledger
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")

_WHERE = re.compile(r"^(?P<file>[^:\[]+)(\[[^\]]*\])?:(?P<row>\d+):(?P<column>[^:]+): ")


def soffice(tmp_path: Path, target: str, outdir: Path, files: list[Path], infilter: str | None = None) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    command = [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def new_store(tmp_path: Path, name: str) -> Store:
    return open_store(tmp_path / f"{name}.db")


def csv_table(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def exported(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {p.name: p.read_bytes() for p in export_ledger(session, folder)}


@pytest.fixture
def first(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """The sample imported and exported once: (export folder, its files)."""
    store = new_store(tmp_path, "first")
    import_ledger(store, SAMPLE_LEDGER)
    folder = tmp_path / "first"
    return folder, exported(store, folder)


def check_no_silent_damage(tmp_path: Path, ledger: Path, original: Path, encoding: str,
                           first_files: dict[str, bytes]) -> None:
    """Import ``ledger`` (CSV files in ``encoding``): the first export's register, or problems each at a
    cell that differs from ``original``; with those cells put back, the first export's register."""
    store = new_store(tmp_path, f"check-{ledger.name}")
    try:
        import_ledger(store, ledger)
    except LedgerError as rejected:
        fixes: dict[tuple[str, int, str], str] = {}
        for problem in rejected.problems:
            where = _WHERE.match(problem)
            assert where, f"no file:row:column in {problem!r}"
            name, row, column = where["file"], int(where["row"]), where["column"]
            name = name if name.endswith(".csv") else name.rsplit(".", 1)[0] + ".csv"
            before = csv_table(original / name, "utf-8-sig")
            index = before[0].index(column)
            after = csv_table(ledger / name, encoding) if (ledger / name).exists() else None
            if after is not None:
                assert after[row - 1][index] != before[row - 1][index], f"{problem!r} at a cell the suite kept"
            fixes[(name, row, column)] = before[row - 1][index]
        for (name, row, column), value in fixes.items():
            rows = csv_table(ledger / name, encoding)
            rows[row - 1][rows[0].index(column)] = value
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator="\r\n").writerows(rows)
            (ledger / name).write_bytes(out.getvalue().encode(encoding))
        import_ledger(store, ledger)
    assert exported(store, tmp_path / f"again-{ledger.name}") == first_files


#: LibreOffice's text encoding numbers: 76 UTF-8, 85 GB18030.
@pytest.mark.parametrize(("charset", "encoding"), [("76", "utf-8-sig"), ("85", "gb18030")],
                         ids=["utf8", "gb18030"])
def test_csv_through_calc_and_back(tmp_path: Path, first: tuple[Path, dict[str, bytes]], charset: str,
                                   encoding: str) -> None:
    folder, first_files = first
    books = tmp_path / "books"
    soffice(tmp_path, "xlsx", books, sorted(folder.glob("*.csv")), infilter="CSV:44,34,76,1")
    back = tmp_path / f"back-{encoding}"
    soffice(tmp_path, f"csv:Text - txt - csv (StarCalc):44,34,{charset},1", back, sorted(books.glob("*.xlsx")))
    assert sorted(p.name for p in back.iterdir()) == sorted(first_files)
    check_no_silent_damage(tmp_path, back, folder, encoding, first_files)


def test_calc_workbooks_of_the_csv_files_are_caught_at_the_damaged_cells(
        tmp_path: Path, first: tuple[Path, dict[str, bytes]]) -> None:
    folder, _ = first
    books = tmp_path / "books"
    soffice(tmp_path, "xlsx", books, sorted(folder.glob("*.csv")), infilter="CSV:44,34,76,1")
    with pytest.raises(LedgerError) as caught:
        import_ledger(new_store(tmp_path, "books"), books)
    for problem in caught.value.problems:  # Calc read the long account numbers as numbers
        assert problem.startswith("parties.xlsx[parties]:") and "LEDGER_DAMAGE_SCIENTIFIC" in problem


def test_our_workbook_through_calc_is_unchanged(tmp_path: Path, first: tuple[Path, dict[str, bytes]]) -> None:
    _, first_files = first
    store = new_store(tmp_path, "book")
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        ours = export_to(session, tmp_path / "ours" / "ledger.xlsx", chinese=True)[0]
    soffice(tmp_path, "xlsx", tmp_path / "calc", [ours])
    again = new_store(tmp_path, "again")
    import_ledger(again, tmp_path / "calc" / "ledger.xlsx")
    assert exported(again, tmp_path / "again") == first_files
