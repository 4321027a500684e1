"""How smooth the live preview stays while recognition runs (``facedesk bench preview``).

A video file plays in real time through the same camera and recognition threads the capture
pages use, into the real preview widget. Meanwhile a 5 ms timer on the GUI thread notes every
gap in the event loop: the longest gap beyond the timer's own interval is the longest time the
window could not react (a "stall"). The peer run does the same work the naive way, recognising
each frame inside the GUI thread's frame slot, so the difference the worker threads make is
measured in the same run.
"""

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.widgets.preview import PreviewWidget
from app.workers.camera_worker import CameraThread
from app.workers.capture_runner import CaptureRunner

TICK_MS = 5
WARM_UP_SECONDS = 1.0  # model loading and the first frames are not what a guest sees for long


class _StallMeter:
    """Notes how late each 5 ms tick of the GUI thread's event loop arrives."""

    def __init__(self) -> None:
        self.gaps_ms: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000.0 - TICK_MS)
        self._last = now

    def start(self) -> None:
        self.gaps_ms.clear()
        self._last = time.perf_counter()
        self.timer.start()


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure_preview(
    open_source: Callable[[], Any],
    recognise: Callable[[Any], object],
    *,
    seconds: float,
    recognition_on_gui_thread: bool = False,
) -> dict[str, Any]:
    """Play the source for ``seconds`` with recognition running; report what the preview showed.

    Args:
        open_source: builds the (real-time paced) video source.
        recognise: the per-frame recognition work (face analysis and encoding).
        seconds: how long to measure after a one-second warm-up.
        recognition_on_gui_thread: the peer: recognise inside the GUI thread's frame slot.
    """
    window = QWidget()
    window.setWindowTitle("FaceDesk preview benchmark")
    preview = PreviewWidget()
    QVBoxLayout(window).addWidget(preview)
    window.resize(960, 600)
    window.show()
    delivered = [0]
    analysed = [0]
    meter = _StallMeter()

    start: Callable[[], None]
    stop: Callable[[], object]
    dropped: Callable[[], int]
    processed: Callable[[], int]
    if recognition_on_gui_thread:
        camera = CameraThread(open_source)

        def on_frame(image: QImage) -> None:
            preview.show_frame(image)
            delivered[0] += 1
            frame = camera.latest.take(0)
            if frame is not None:
                recognise(frame)  # the window waits for recognition: what the worker threads avoid
                analysed[0] += 1

        camera.frame_ready.connect(on_frame)
        start, stop = camera.start, camera.stop
        dropped = lambda: camera.latest.dropped  # noqa: E731 - read after the run
        processed = lambda: analysed[0]  # noqa: E731
    else:
        runner = CaptureRunner(open_source, recognise, lambda _: False)

        def on_image(image: QImage) -> None:
            preview.show_frame(image)
            delivered[0] += 1

        runner.frame_ready.connect(on_image)
        start, stop = runner.start, runner.stop
        dropped = lambda: runner.camera.latest.dropped  # noqa: E731
        processed = lambda: runner.recognition.processed  # noqa: E731

    loop = QEventLoop()
    start()
    QTimer.singleShot(int(WARM_UP_SECONDS * 1000), loop.quit)
    loop.exec()
    shown_before, delivered_before, analysed_before = preview.painted, delivered[0], processed()
    meter.start()
    began = time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    elapsed = time.perf_counter() - began
    meter.timer.stop()
    shown = preview.painted - shown_before
    stop()
    window.close()
    for qt_object in (window, meter.timer, camera if recognition_on_gui_thread else runner):
        qt_object.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # nothing outlives the run
    source = open_source()
    return {
        "mode": "recognition on the GUI thread" if recognition_on_gui_thread else "worker threads",
        "source": source.name,
        "source_fps": round(source.fps, 2),
        "seconds": round(elapsed, 2),
        "frames_delivered": delivered[0] - delivered_before,
        "frames_shown": shown,
        "fps_shown": round(shown / elapsed, 1),
        "frames_recognised": processed() - analysed_before,
        "recognised_per_second": round((processed() - analysed_before) / elapsed, 1),
        "frames_skipped_by_recognition": dropped(),
        "longest_stall_ms": round(max(meter.gaps_ms, default=0.0), 1),
        "p99_stall_ms": round(_percentile(meter.gaps_ms, 0.99), 1),
    }
