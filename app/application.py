"""Composition root: paths, logging, key backend, services and, for the desk app, Qt and windows.

The secret-store backend is chosen here, once per process, and the choice is logged (never a
secret). Qt is imported only when the desk application starts, so command-line tools stay fast.
"""

import logging
import os
import signal
from dataclasses import dataclass

from app.camera.opening import frame_source
from app.config.logs import configure_logging, route_qt_messages
from app.config.paths import DataPaths
from app.domain.clock import Clock, system_clock
from app.keystore import KeyManager, SecretStore, detect_os_keyring
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.models import FaceModels
from app.services.face_service import FaceEngine, LocalFaceEngine
from app.services.installation_service import InstallationService

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


def start_logging(paths: DataPaths, *, verbose: bool) -> None:
    """Log to the data folder's log file when the folder exists (never creating it just to log)."""
    configure_logging(paths.log_dir if paths.root.is_dir() else None, verbose=verbose)


def build_installation(
    paths: DataPaths,
    *,
    secret_store: SecretStore | _Detect | None = DETECT_KEYRING,
    clock: Clock = system_clock,
    engine: FaceEngine | None = None,
) -> InstallationService:
    """Choose the key backend for this process and wire the installation service."""
    store = detect_os_keyring() if isinstance(secret_store, _Detect) else secret_store
    logger.info(
        "Key backend available at start-up: %s.",
        store.description if store is not None else "none (passphrase protection only)",
    )
    return InstallationService(paths, KeyManager(paths.key_file, store, clock=clock), clock, engine=engine)


def build_face_engine() -> LocalFaceEngine:
    """The desk's face engine: models load on first use, the encoder process starts on first use."""
    return LocalFaceEngine(FaceAnalyzer(FaceModels()), EncoderProcess())


def passphrase_from_environment() -> str | None:
    """``FACEDESK_PASSPHRASE`` if set and non-empty."""
    return os.environ.get(PASSPHRASE_ENV) or None


def run_desk_app(options: LaunchOptions) -> int:
    """Start the desk application and return its exit code."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translators
    from app.ui.startup_flow import StartupFlow
    from app.ui.style import apply_style

    if options.camera is not None:
        frame_source(options.camera)  # a wrong --camera is refused before any window opens
    paths = DataPaths.for_data_dir(options.data_dir)
    paths.ensure_root()  # first run: setup creates the installation here, so log here from the start
    start_logging(paths, verbose=options.verbose)
    route_qt_messages()
    engine = build_face_engine()
    installation = build_installation(paths, engine=engine)

    qt_app = QApplication([])
    qt_app.setApplicationName("FaceDesk")
    qt_app.setOrganizationName("FaceDesk")
    # Qt's event loop does not run Python signal handlers by itself: a short timer lets them in,
    # so Ctrl+C or a service manager's SIGTERM closes the app cleanly instead of killing it.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: qt_app.quit())
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(200)

    apply_style(qt_app)
    language = install_translators(qt_app, options.language or "en", paths.cache_dir)
    flow = StartupFlow(installation, passphrase_from_environment())
    flow.start()
    logger.info("Desk application ready (language %s).", language)

    exit_code = qt_app.exec()
    heartbeat.stop()
    flow.shutdown()
    engine.encoder.close()
    logger.info("Desk application closed (exit code %d).", exit_code)
    return exit_code
