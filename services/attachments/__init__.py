"""Files kept with a contract (附件): scans, amendments, invoices, reports — inside the store.

``files``: adding (SHA-256, stored once, 200 MB at most), listing, reading, extracting and
removing; ``ledger``: ``attachments.csv`` and ``attachments/<sha256>`` in an exported ledger.
Qt-free.
"""
