"""The text encodings an office suite saves a ledger CSV in, beyond UTF-8 and GB18030
(``services.ledger.files.decode``): UTF-16 with a byte-order mark (Excel's "Unicode text",
tab-separated, also as ``.txt``), and the message for bytes that fit no admitted encoding —
naming the byte, its row and column, and the likely cause (charset-normalizer names the
encoding the bytes look like).
"""

from __future__ import annotations

import codecs
import csv
import io

from services.errors import Term, define

UNDECODABLE = define(
    "LEDGER_UNDECODABLE",
    "无法读取文本：字节 0x{byte} 既不是 UTF-8 也不是 GB18030/GBK 文本"
    "（整个文件看起来像 {looks}）；"
    "{cause}请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入",
    "cannot read the text: byte 0x{byte} is neither UTF-8 nor GB18030/GBK text "
    "(the file as a whole looks like "
    "{looks}); {cause}save it from Excel as 'CSV UTF-8 (Comma delimited)' and import again",
)
_CP1252 = Term(
    "most likely a character pasted from a Western (Windows-1252) document, such as 0x80 for €, "
    "mixed into a GBK file; ",
    "这多半是从西文（Windows-1252）文档粘贴来的字符（如 0x80 即 €）混入了 GBK 文件；",
)
_NO_CAUSE = Term("", "")


def bom_text(data: bytes) -> str | None:
    """The text of ``data`` when it starts with a UTF-16 or UTF-32 byte-order mark and holds a
    separator (comma, tab, semicolon), else None.

    Raises ``UnicodeDecodeError`` when the bytes after the mark are not that encoding.
    """
    for mark, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                           (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            text = data.decode(encoding)
            # A table has a separator; bytes that merely start like a mark (binary) are not text.
            return text if any(sep in text for sep in (",", "\t", ";")) else None
    return None


def undecodable(data: bytes) -> dict[str, object]:
    """The placeholders of ``UNDECODABLE`` for ``data`` that is neither UTF-8 nor GB18030: the first
    byte GB18030 cannot read (``byte``, two hex digits) at ``at_row`` (1 = the header) and ``at_column``
    (the header name when the header reads, else its 1-based number), what the bytes look like
    (``looks``) and the likely cause (``cause``, a ``Term``)."""
    try:
        data.decode("gb18030")
        position, byte = 0, data[0] if data else 0
    except UnicodeDecodeError as exc:
        position, byte = exc.start, data[exc.start]
    if b"\x00" in data:
        position, byte = data.index(b"\x00"), 0
    before = data[:position]
    row = before.count(b"\n") + 1
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1  # a bare CR ends a line for csv too
    prefix = before[line_start:].decode("gb18030", errors="replace")
    column: str = str(len(_first_row(prefix)) or 1)
    if row > 1:  # name the column by its header, when the header itself reads
        try:
            header_line = data.split(b"\n", 1)[0].decode("gb18030").lstrip("\ufeff")
        except UnicodeDecodeError:
            header_line = ""
        headers = _first_row(header_line)
        if 0 < int(column) <= len(headers) and headers[int(column) - 1].strip().isprintable():
            column = headers[int(column) - 1].strip() or column
    from charset_normalizer import from_bytes  # only for a file that does not decode (start-up: issue 18)

    best = from_bytes(data).best()
    looks = best.encoding if best else "binary data"
    western = 0x80 <= byte <= 0x9F or looks.startswith(("cp125", "latin", "iso8859"))
    return {"at_row": row, "at_column": column, "byte": f"{byte:02X}", "looks": looks,
            "cause": _CP1252 if western else _NO_CAUSE}


def _first_row(text: str) -> list[str]:
    """The cells of the first CSV row of ``text`` (a fragment of a damaged file: never raises)."""
    try:
        return next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:  # a stray quote or NUL: the fragment reads as one cell
        return [text]
