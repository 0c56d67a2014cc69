"""Money, Qt-free: the one place that says how an amount of 元 is rounded and written.

``services.money.amounts`` holds the fen (``FEN``), the one rounding rule (``round_yuan``: half up
to the fen), conversion to and from whole fen, the text forms (``yuan_text``: ``2,738,718.50``,
never ``-0.00``; ``yuan_symbol_text``: ``¥2,738,718.50``) and the range check of amounts written
out in words (``amount_for_words``). ``services.money.capitals`` writes and reads amounts in
Chinese capitals (大写金额), ``services.money.english_amount`` writes them in English words.
Everything else that rounds or formats money calls these.
"""

from services.money.amounts import (
    FEN,
    MAX_AMOUNT,
    amount_for_words,
    from_fen,
    round_yuan,
    to_fen,
    yuan_symbol_text,
    yuan_text,
)

__all__ = [
    "FEN",
    "MAX_AMOUNT",
    "amount_for_words",
    "from_fen",
    "round_yuan",
    "to_fen",
    "yuan_symbol_text",
    "yuan_text",
]
