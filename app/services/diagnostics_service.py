"""``facedesk doctor``: what this computer and data folder look like, without any secret."""

import platform
import sys
from collections.abc import Callable
from typing import Any

from app import __version__
from app.config.process_hardening import core_dumps_state
from app.domain.errors import CameraError, DatabaseDamagedError, RecognitionError, StorageError
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.recognition.model_files import check_model_files, models_dir
from app.services.card_reader_service import available_readers, test_reader
from app.services.door_service import RelayCheckOutcome, check_relay
from app.services.installation_service import InstallationService


class DiagnosticsService:
    """Collects facts about the key backend, model files and database."""

    def __init__(self, installation: InstallationService) -> None:
        self._installation = installation

    def report(
        self,
        passphrase: str | None,
        *,
        camera: str | None = None,
        card_reader: str | None = None,
        door: Callable[[str], object] | None = None,
        engine: EncoderEngine = DEFAULT_ENGINE,
    ) -> dict[str, Any]:
        """The doctor report as JSON-ready data; ``ok`` is true when nothing needs attention.

        Args:
            passphrase: for passphrase-protected installations.
            camera: a ``--camera`` spec to try: opened, one frame read, released.
            card_reader: the ID card reader's port to try (the configured one, or ``--card-reader``).
            door: reads this computer's device settings, to check the door relay set up there (it is sent
                "lock" once, the one command that never opens the door).
            engine: the face encoder engine to start (as the desk would) and report.

        Raises:
            KeyAccessError, StorageError: the database could not be opened (wrong passphrase...).
        """
        models = check_model_files()
        report: dict[str, Any] = {
            "facedesk_version": __version__,
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "data_dir": str(self._installation.paths.root),
            "initialized": self._installation.is_initialized(),
            "key": self._installation.key_facts(),
            "models": {
                "dir": str(models_dir()) if models_dir() else None,
                "files": [{"name": m.name, "found": m.present, "size_bytes": m.size_bytes} for m in models],
            },
            "face_engine": face_engine_status(engine) if all(m.present for m in models) else None,
            "cameras": _cameras(),
            "camera_source": check_camera(camera) if camera is not None else None,
            "serial_ports": [{"device": p.device, "description": p.description} for p in available_readers()],
            "card_reader": _check_card_reader(card_reader) if card_reader else None,
            "door_relay": _check_door(door) if door else None,
            "database": None,
            "core_dumps": core_dumps_state(),
        }
        if not self._installation.needs_setup():
            try:
                report["database"] = self._installation.inspect(passphrase)
            except DatabaseDamagedError as exc:  # pages too damaged to open: doctor still counts them
                report["database"] = {"problem": str(exc), "damaged_pages": exc.pages or 0}
            except StorageError as exc:  # a damaged, empty or missing file is what doctor is for
                report["database"] = {"problem": str(exc)}
        newest = self._installation.backups().newest_verified()
        report["newest_verified_backup"] = (
            {"name": newest.path.name, "path": str(newest.path), "taken_at": newest.taken_at.isoformat()}
            if newest
            else None
        )
        devices_ok = report["camera_source"] is None or report["camera_source"]["ok"]
        devices_ok = devices_ok and (report["card_reader"] is None or report["card_reader"]["ok"])
        devices_ok = devices_ok and (report["door_relay"] is None or report["door_relay"]["ok"])
        database = report.get("database") or {}
        intact = "problem" not in database and not database.get("integrity_problems")
        engine_ok = report["face_engine"] is not None and report["face_engine"]["engine"] == engine.value
        report["ok"] = all(m.present for m in models) and report["initialized"] and devices_ok and intact and engine_ok
        return report


def face_engine_status(engine: EncoderEngine) -> dict[str, Any]:
    """Start the encoder process as the desk would and say which engine runs (and why not the one asked for)."""
    from app.recognition.encoder import EncoderProcess

    try:
        with EncoderProcess(engine=engine) as encoder:
            encoder.start()
            status = encoder.status
    except RecognitionError as exc:
        return {"requested": engine.value, "engine": None, "description": None, "problem": str(exc)}
    if status is None:  # start() sets it; kept for the type checker
        return {"requested": engine.value, "engine": None, "description": None, "problem": "not started"}
    return {
        "requested": engine.value,
        "engine": status.engine.value,
        "description": status.description,
        "problem": status.fallback_reason,
    }


def _cameras() -> list[dict[str, Any]]:
    # OpenCV is loaded only by the commands that look at cameras (doctor, the desk)
    from app.camera.usb_camera import list_cameras

    return [{"index": camera.index, "name": camera.name} for camera in list_cameras()]


def _check_door(value: Callable[[str], object]) -> dict[str, Any] | None:
    check = check_relay(value)
    if check.outcome is RelayCheckOutcome.NOT_CONFIGURED:
        return None
    return {"port": check.port, "ok": check.ok, "outcome": check.outcome.value, "board": str(value("door/board"))}


def _check_card_reader(port: str) -> dict[str, Any]:
    test = test_reader(port)
    return {"port": port, "ok": test.ok, "outcome": test.outcome.value}


def check_camera(spec: str) -> dict[str, Any]:
    """Open a camera or stand-in, read one frame, release it; report what happened."""
    from app.camera.opening import frame_source

    source = frame_source(spec, realtime=False)
    result: dict[str, Any] = {"spec": spec, "name": source.name, "ok": False}
    try:
        source.open()
        frame = source.read()
        if frame is None:
            result["error"] = "delivered no frame"
        else:
            result |= {
                "ok": True,
                "width": frame.size[0],
                "height": frame.size[1],
                "fps": round(source.fps, 2),
            }
    except CameraError as exc:
        result["error"] = str(exc)
    finally:
        source.close()
    return result
