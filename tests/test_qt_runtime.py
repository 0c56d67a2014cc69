"""The Qt binding we run on must not corrupt the interpreter.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` from Python; after
a few thousand emits the app aborts with ``Fatal Python error: bool_dealloc``. pyproject
excludes that release; this test catches any release with the same fault.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_signal_emit_keeps_reference_counts_of_true(qapp):
    emitter = _Emitter()
    received = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(500):
        emitter.ping.emit(number)
    assert len(received) == 500
    assert abs(sys.getrefcount(True) - before) < 50
