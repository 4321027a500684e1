"""Composition root: paths, logging, key backend, services and, for the desk app, Qt and windows.

The secret-store backend is chosen here, once per process, and the choice is logged (never a
secret). Qt is imported only when the desk application starts, so command-line tools stay fast.
"""

import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.config.logs import LOG_FILE, configure_logging, route_qt_messages
from app.config.paths import DataPaths, refuse_cloud_sync, resource_path
from app.domain.clock import Clock, system_clock
from app.domain.errors import InvalidInputError
from app.keystore import KeyManager, SecretStore, detect_os_keyring
from app.services.desk_services import DeskServices
from app.services.housekeeping import Housekeeping
from app.services.installation_service import InstallationService

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTimer

    from app.camera.frames import Frame
    from app.config.device_settings import DeviceSettings
    from app.domain.documents import Document
    from app.recognition.encoder_engines import EncoderEngine
    from app.services.camera_service import CameraChoice
    from app.services.capture_session import FaceEngine, LocalFaceEngine
    from app.workers.scheduled_jobs import HourlyJob

logger = logging.getLogger(__name__)

PASSPHRASE_ENV = "FACEDESK_PASSPHRASE"
ADMIN_PASSWORD_ENV = "FACEDESK_ADMIN_PASSWORD"
RECOVERY_CODE_ENV = "FACEDESK_RECOVERY_CODE"
NEW_PASSPHRASE_ENV = "FACEDESK_NEW_PASSPHRASE"
OPERATOR_PASSWORD_ENV = "FACEDESK_OPERATOR_PASSWORD"


class _Detect:
    """Marker: detect the OS keyring."""


DETECT_KEYRING = _Detect()


@dataclass(frozen=True)
class LaunchOptions:
    """Options of the desk application from the command line."""

    data_dir: str | None
    language: str | None
    verbose: bool = False
    camera: str | None = None
    engine: "EncoderEngine | None" = None  # None: the default engine


def start_logging(paths: DataPaths, *, verbose: bool) -> None:
    """Log to the data folder's log file when the folder exists (never creating it just to log)."""
    configure_logging(paths.log_dir if paths.root.is_dir() else None, verbose=verbose)


def build_installation(
    paths: DataPaths,
    *,
    secret_store: SecretStore | _Detect | None = DETECT_KEYRING,
    clock: Clock = system_clock,
    engine: "FaceEngine | None" = None,
) -> InstallationService:
    """Choose the key backend for this process and wire the installation service."""
    store = detect_os_keyring() if isinstance(secret_store, _Detect) else secret_store
    logger.info(
        "Key backend available at start-up: %s.",
        store.description if store is not None else "none (passphrase protection only)",
    )
    return InstallationService(paths, KeyManager(paths.key_file, store, clock=clock), clock, engine=engine)


def build_face_engine(engine: "EncoderEngine | None" = None) -> "LocalFaceEngine":
    """The desk's face engine: models load on first use, the encoder process starts on first use.

    OpenCV and dlib are imported here, not at the top: commands that never see a face (``stats``,
    ``audit``, ``backup``...) then start without loading them.
    """
    from app.recognition.analyzer import FaceAnalyzer
    from app.recognition.encoder import EncoderProcess
    from app.recognition.encoder_engines import DEFAULT_ENGINE
    from app.recognition.models import FaceModels
    from app.services.capture_session import LocalFaceEngine

    return LocalFaceEngine(FaceAnalyzer(FaceModels()), EncoderProcess(engine=engine or DEFAULT_ENGINE))


def passphrase_from_environment() -> str | None:
    """``FACEDESK_PASSPHRASE`` if set and non-empty.

    Raises:
        InvalidInputError: it is not valid text (bytes that are not UTF-8).
    """
    value = os.environ.get(PASSPHRASE_ENV) or None
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInputError(
                f"{PASSPHRASE_ENV} is not valid text (it must be UTF-8); nothing was changed."
            ) from None
    return value


def camera_choice_reader(device: "DeviceSettings", override: str | None) -> Callable[[], "CameraChoice"]:
    """Reads the camera to use at each capture: ``--camera`` if given, else the device setting."""
    from app.services.camera_service import CameraChoice

    def current() -> "CameraChoice":
        return CameraChoice(
            spec=override if override is not None else str(device.value("camera/device")),
            width=int(device.value("camera/width")),
            height=int(device.value("camera/height")),
            fps=float(device.value("camera/fps")),
        )

    return current


class OpenDesk:
    """The open installation: its services and their scheduled jobs, owned by the composition root.

    The start-up flow hands the services over once setup or unlock opened them; from then on
    housekeeping (retention, processing records, the daily backup) runs now and hourly, and
    :meth:`close` stops the jobs and closes the database when the application ends.
    """

    def __init__(self, installation: InstallationService) -> None:
        self._installation = installation
        self.desk: DeskServices | None = None
        self.jobs: HourlyJob | None = None

    def adopt(self, desk: DeskServices) -> None:
        """Take over ``desk``: run the housekeeping jobs now and then every hour."""
        from app.workers.scheduled_jobs import HourlyJob

        self.close()
        self.desk = desk
        self.jobs = HourlyJob(Housekeeping(desk, self._installation.backups()).run)
        self.jobs.start()

    def run_jobs(self) -> None:
        """Run the housekeeping jobs once more (as the hourly timer does)."""
        if self.jobs is not None:
            self.jobs.run()

    def close(self) -> None:
        """Stop the jobs and close the database (after every window and worker has stopped)."""
        if self.jobs is not None:
            self.jobs.stop()
            self.jobs.deleteLater()
            self.jobs = None
        if self.desk is not None:
            self.desk.close()
            self.desk = None


EXIT_CANNOT_START = 4  # the command line's "data problem"


def run_desk_app(options: LaunchOptions) -> int:
    """Start the desk application and return its exit code."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.camera.opening import frame_source
    from app.config.device_settings import DeviceSettings
    from app.config.qt_platform import platform_problem
    from app.services.camera_service import camera_opener
    from app.ui.crash_handler import CrashHandler
    from app.ui.desk_context import DeskEnvironment
    from app.ui.startup_flow import StartupFlow
    from app.ui.style import use_fusion

    # Qt aborts silently (exit 134) when it cannot open a window: say why in one line instead
    problem = platform_problem(os.environ, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    if problem is not None:
        raise InvalidInputError(problem)
    if options.camera is not None:
        frame_source(options.camera)  # a wrong --camera is refused before any window opens
    paths = DataPaths.for_data_dir(options.data_dir)
    refuse_cloud_sync(paths)  # before anything is written there (R11)
    paths.ensure_root()  # first run: setup creates the installation here, so log here from the start
    from PySide6.QtCore import QLockFile

    # One desk per data folder: two would fight over the camera and the database.
    instance_lock = QLockFile(str(paths.root / "facedesk.lock"))
    instance_lock.setStaleLockTime(0)  # a lock left by a crashed desk is taken over (its process is gone)
    if not instance_lock.tryLock(200):
        raise InvalidInputError(
            f"FaceDesk is already running with the data folder {paths.root}: use the window that is open."
        )
    start_logging(paths, verbose=options.verbose)
    log_file = paths.log_dir / LOG_FILE
    route_qt_messages(log_file=log_file)
    engine = build_face_engine(options.engine)
    installation = build_installation(paths, engine=engine)

    qt_app = QApplication([])
    crash_handler = CrashHandler(log_file)
    crash_handler.install()  # an error in a slot is logged and explained calmly; the desk keeps running
    qt_app.setApplicationName("FaceDesk")
    qt_app.setOrganizationName("FaceDesk")
    use_fusion(qt_app)
    qt_app.setWindowIcon(QIcon(str(resource_path("icons", "facedesk.svg"))))
    heartbeat = quit_on_termination_signals(qt_app)

    device = DeviceSettings(paths.device_settings)
    env = DeskEnvironment(
        device=device,
        open_camera=camera_opener(camera_choice_reader(device, options.camera)),
        camera_override=options.camera,
        cache_dir=paths.cache_dir,
    )
    logger.info("Camera: %s.", "command-line override" if options.camera else "device setting")
    open_desk = OpenDesk(installation)
    flow = StartupFlow(installation, passphrase_from_environment(), env, owner=open_desk, language=options.language)
    flow.cannot_start.connect(lambda: qt_app.exit(EXIT_CANNOT_START))
    flow.start()
    logger.info("Desk application ready (language %s).", flow.language)

    exit_code = qt_app.exec()
    heartbeat.stop()
    flow.shutdown()
    open_desk.close()
    engine.encoder.close()
    crash_handler.uninstall()
    instance_lock.unlock()
    logger.info("Desk application closed (exit code %d).", exit_code)
    return exit_code


def quit_on_termination_signals(qt_app: "QCoreApplication") -> "QTimer":
    """Let Ctrl+C or a service manager's SIGTERM close the app cleanly instead of killing it.

    Qt's event loop does not run Python signal handlers by itself: the returned timer (keep it,
    stop it after the loop) lets them in. The handler *queues* the quit rather than calling it,
    because ``quit()`` does nothing before the event loop runs: a signal that arrived while the
    first window was being shown used to be lost, and the desk then ran on.
    """
    from PySide6.QtCore import QTimer

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, qt_app.quit))
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(200)
    return heartbeat


def run_preview_benchmark(
    video: str, *, seconds: float, peer: bool, engine: "EncoderEngine | None" = None
) -> dict[str, object]:
    """``facedesk bench preview``: preview smoothness while recognition runs, optionally with the peer.

    The video plays in real time and loops; recognition is the desk's real per-frame work (face
    analysis, and for each usable face an encoding in the encoder process).
    """
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a server without a screen still measures
    from PySide6.QtWidgets import QApplication

    from app.camera.file_source import VideoFileSource
    from app.ui.preview_benchmark import measure_preview

    path = Path(video)
    if not path.is_file():
        raise InvalidInputError(f"{video}: no such video file.")
    if seconds <= 0:
        raise InvalidInputError("--seconds must be more than 0.")
    _qt_app = QApplication.instance() or QApplication([])  # kept alive for the measurement
    face_engine = build_face_engine(engine)

    def recognise(frame: "Frame") -> object:
        analysis = face_engine.analyzer.analyse(frame.image)
        return face_engine.encoder.probe(analysis.face) if analysis.face is not None else None

    def open_video() -> VideoFileSource:
        return VideoFileSource(path, realtime=True, loop=True)

    warm_up = VideoFileSource(path, realtime=False)
    warm_up.open()
    try:
        first = warm_up.read()
    finally:
        warm_up.close()
    try:
        if first is not None:
            recognise(first)  # models loaded and encoder process started before anything is timed
        runs = [measure_preview(open_video, recognise, seconds=seconds)]
        if peer:
            runs.append(measure_preview(open_video, recognise, seconds=seconds, recognition_on_gui_thread=True))
    finally:
        face_engine.encoder.close()
    status = face_engine.encoder.status
    return {
        "video": path.name,
        "qt_platform": QApplication.platformName(),
        "engine": status.engine.value if status else None,
        "runs": runs,
    }


def write_document_pdf(document: "Document", out: Path) -> Path:
    """Render a compliance document to a PDF file (the command line's signage, pia and filing).

    Rendering text needs a Qt GUI application; without a screen it runs offscreen, which still
    uses and embeds the installed fonts.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.ui.pdf_writer import write_pdf

    _ = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "facedesk"])
    return write_pdf(document, out)
