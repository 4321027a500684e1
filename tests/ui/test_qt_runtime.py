"""The Qt binding itself must not corrupt Python while the camera runs for hours.

PySide6 6.12.0 returned ``True`` from ``Signal.emit()`` without owning a reference: every camera
frame took one reference away, and on Python 3.11 the desk aborted with "bool_dealloc" after a
few minutes of preview. pyproject.toml excludes that release; this test catches any like it.
"""

import sys

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    frame_ready = Signal(QImage)
    state_changed = Signal(str, str)
    progress = Signal(object)


class _EmittingThread(QThread):
    def __init__(self, emitter: _Emitter, count: int) -> None:
        super().__init__()
        self._emitter = emitter
        self._count = count

    def run(self) -> None:
        image = QImage(4, 4, QImage.Format.Format_RGB888)
        for _ in range(self._count):
            self._emitter.frame_ready.emit(image)


def test_emitting_signals_keeps_python_reference_counts_intact(qapp: QApplication) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.progress.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for index in range(2000):
        emitter.state_changed.emit("live", "")
        emitter.progress.emit(index)
    thread = _EmittingThread(emitter, 2000)  # as the camera thread does, frame after frame
    thread.start()
    assert thread.wait(10_000)
    qapp.processEvents()
    assert len(received) == 2000
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50
