"""Payments actually made on contracts (issue 15), Qt-free.

``states`` computes an installment's state and a contract's totals from its due dates and
payments (pure, in integer fen); ``record`` is the one writer of payments (history ``payment``,
its ``Changes``); ``ledger`` carries them in and out of ``payments.csv``; ``overview`` computes
the register-wide aggregates in SQL.
"""
