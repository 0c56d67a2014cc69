"""Supplementary agreements (补充协议): a contract's terms changed from an effective date on.

``changes``: the changes as data, the diff of two versions, applying and taking back;
``values``: their values in the ledger's text form; ``register``: recording an amendment in the
store (one writer, one history entry) and the contract as of any date; ``penalty``: liquidated
damages under the terms in force on the day of the breach. Qt-free.
"""
