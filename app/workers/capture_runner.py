"""One live capture: the camera thread and the recognition thread of a capture session, together.

Pages start a runner with the session's ``open_source`` (so the camera is created by the session,
after consent) and its ``submit``; they react to the runner's signals and stop it when done.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.domain.camera_state import FeedState
from app.workers.camera_worker import CameraThread
from app.workers.recognition_worker import RecognitionThread


class CaptureRunner(QObject):
    """Preview and recognition for one session.

    Signals:
        frame_ready(QImage): every camera frame, for the preview.
        progress(object): each recognition result.
        camera_state(str, str): the feed's state and a plain explanation.
        failed(str): recognition stopped with a message safe to show.
    """

    frame_ready = Signal(QImage)
    progress = Signal(object)
    camera_state = Signal(str, str)
    failed = Signal(str)

    def __init__(
        self,
        open_source: Callable[[], FrameSource],
        handle: Callable[[Frame], object],
        is_done: Callable[[object], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.camera = CameraThread(open_source)
        self.recognition = RecognitionThread(self.camera.latest, handle, is_done)
        self.camera.frame_ready.connect(self.frame_ready)
        self.camera.state_changed.connect(self.camera_state)
        self.recognition.result_ready.connect(self.progress)
        self.recognition.failed.connect(self.failed)

    def start(self) -> None:
        """Start both threads."""
        self.recognition.start()
        self.camera.start()

    def stop(self) -> None:
        """Stop recognition, then release the camera; both cooperatively.

        The final "stopped" state is reported here, synchronously: the camera thread's own report
        is queued and would be lost if the runner is deleted right after stopping.
        """
        was_running = self.camera.isRunning()
        self.recognition.stop()
        self.camera.stop()
        if was_running:
            self.camera_state.emit(FeedState.STOPPED.value, "")

    @property
    def running(self) -> bool:
        """Whether the camera thread is still running."""
        return self.camera.isRunning()
