"""``facedesk --self-test``: is this installation complete? One line per check, exit 0 only if all pass.

Made for installed bundles (a missing model, Qt plug-in or translation shows up here, not at a
guest's check-in), and runs the same from source. Nothing is written outside a temporary folder,
no camera is opened (only listed), and no personal data is involved: the frames are synthetic.
"""

import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from app.recognition.encoder_engines import EncoderEngine


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome and a short explanation."""

    name: str
    ok: bool
    detail: str


def _check(name: str, run: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(name, True, run())
    except Exception as exc:
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def _model_file(name: str) -> Callable[[], str]:
    def run() -> str:
        import dlib

        from app.recognition.model_files import CNN_FACE_DETECTOR, FACE_ENCODER, model_path

        path = model_path(name)
        loaders = {FACE_ENCODER: dlib.face_recognition_model_v1, CNN_FACE_DETECTOR: dlib.cnn_face_detection_model_v1}
        loaders.get(name, dlib.shape_predictor)(str(path))
        return f"{path.stat().st_size / 1e6:.1f} MB, loaded"

    return run


def _detector() -> str:
    import dlib

    frame = np.full((480, 640, 3), 128, dtype=np.uint8)
    frame[120:360, 220:420] = 200  # a plain synthetic frame: the detector must run, faces or not
    found = dlib.get_frontal_face_detector()(frame, 0)
    return f"ran on a 640x480 frame ({len(found)} faces)"


def _encoder(engine: "EncoderEngine") -> Callable[[], str]:
    def run() -> str:
        """The engine asked for runs in the encoder process and gives dlib's descriptors."""
        from app.recognition.encoder import EncoderProcess
        from app.recognition.encoder_engines import MAX_DESCRIPTOR_DIFFERENCE, DlibChipEncoder
        from app.recognition.model_files import FACE_ENCODER, model_path

        rng = np.random.default_rng(7)
        chips = rng.integers(0, 256, size=(2, 150, 150, 3), dtype=np.uint8)
        started = time.perf_counter()
        with EncoderProcess(engine=engine) as encoder:  # the separate encoder process, as the desk uses it
            values = encoder.descriptors(chips)
            status = encoder.status
        seconds = time.perf_counter() - started
        if values.shape != (2, 128) or not np.all(np.isfinite(values)):
            raise ValueError(f"expected 128 finite values per chip, got shape {values.shape}")
        if status is None or status.engine is not engine:
            reason = status.fallback_reason if status else "no status"
            raise RuntimeError(f"the {engine.value} engine did not start: {reason}")
        reference = DlibChipEncoder(model_path(FACE_ENCODER)).descriptors(chips)
        difference = float(np.linalg.norm(values - reference, axis=1).max())
        if not difference <= MAX_DESCRIPTOR_DIFFERENCE:
            raise ValueError(f"descriptors differ from dlib's by {difference:.1e}")
        return (
            f"{status.engine.value} engine ({status.description}): 128 finite values per chip, "
            f"within {difference:.0e} of dlib's own ({seconds:.1f} s)"
        )

    return run


def _database() -> str:
    from app.domain.errors import DatabaseUnreadableError
    from app.domain.secrets import DatabaseKey
    from app.storage.database import Database

    with tempfile.TemporaryDirectory(prefix="facedesk-self-test-") as folder:
        path = Path(folder) / "self-test.db"
        key = DatabaseKey(secrets.token_bytes(32))
        Database.create(path, key).close()
        database, _ = Database.open(path, key)
        with database.snapshot() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
        database.close()
        if path.read_bytes()[:16] == b"SQLite format 3\x00":
            raise ValueError("the database file is not encrypted")
        try:
            Database.open(path, DatabaseKey(secrets.token_bytes(32)))[0].close()
        except DatabaseUnreadableError:
            pass
        else:
            raise ValueError("a wrong key opened the database")
    return f"created, encrypted, reopened (SQLCipher {cipher}, schema {version}); a wrong key is refused"


def _translations() -> str:
    from PySide6.QtCore import QTranslator

    from app.config.translations import compiled_translation

    with tempfile.TemporaryDirectory(prefix="facedesk-self-test-") as folder:
        qm = compiled_translation("zh_CN", Path(folder))
        if qm is None:
            raise FileNotFoundError("no Chinese translation (.qm) found or compiled")
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise ValueError(f"{qm.name} could not be loaded")
        chinese = translator.translate("DeskWindow", "Check in")
    if not chinese or chinese == "Check in":
        raise ValueError("the Chinese translation does not translate 'Check in'")
    return f"zh_CN loaded ({qm.name}): 'Check in' -> '{chinese}'"


def _gui() -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QApplication

    from app.domain.documents import Document, DocumentStyle, Paragraph
    from app.ui.pdf_writer import document_font, write_pdf

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platforms = sorted(
        p.name.split(".")[0].removeprefix("libq").removeprefix("q")
        for p in (plugins / "platforms").glob("*")
        if p.is_file()
    )
    needed = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}.get(sys.platform)
    if needed and needed not in platforms:
        raise FileNotFoundError(f"the Qt platform plug-in '{needed}' the desk needs is missing from {plugins}")
    with tempfile.TemporaryDirectory(prefix="facedesk-self-test-") as folder:
        pdf = write_pdf(
            Document("人脸识别", DocumentStyle.REPORT, (Paragraph("Facial recognition"),)), Path(folder) / "t.pdf"
        )
        size = pdf.stat().st_size
    families = ", ".join(document_font().families()[:3])
    plugins_text = ", ".join(platforms)
    return f"platform {QApplication.platformName()}; platform plug-ins: {plugins_text}; PDF {size} bytes ({families})"


def _working_days() -> str:
    from datetime import date

    from app.domain.filing import filing_deadline

    # Five working days from Monday 2026-09-28: the National Day week is skipped and Saturday
    # 2026-10-10, a working day in its place, is the fifth (R21's filing deadline depends on this).
    fifth = filing_deadline(date(2026, 9, 28), working_days=5)
    if fifth != date(2026, 10, 10):
        raise ValueError(f"the Chinese working-day calendar is wrong or missing (got {fifth.isoformat()})")
    return "Chinese public holidays and adjusted working days known"


def _cameras() -> str:
    from app.services.camera_service import available_cameras

    found = available_cameras()
    return f"{len(found)} found" + (": " + ", ".join(f"{i} {name}" for i, name in found) if found else "")


def self_test_checks(
    desk_environment: Mapping[str, str], engine: "EncoderEngine | None" = None
) -> list[tuple[str, Callable[[], str]]]:
    """Every check, in the order they run; the desk's window platform is judged by ``desk_environment``."""
    from app.recognition.encoder_engines import DEFAULT_ENGINE
    from app.recognition.model_files import REQUIRED_MODEL_FILES

    checks: list[tuple[str, Callable[[], str]]] = [
        (f"model file {name}", _model_file(name)) for name in REQUIRED_MODEL_FILES
    ]
    checks += [
        ("face detector", _detector),
        ("face encoder", _encoder(engine or DEFAULT_ENGINE)),
        ("encrypted database", _database),
        ("translations", _translations),
        ("Qt, fonts and PDF", _gui),
        ("desk window platform", _desk_platform(desk_environment)),
        ("working days", _working_days),
        ("cameras", _cameras),
    ]
    return checks


def _desk_platform(environ: Mapping[str, str]) -> Callable[[], str]:
    def check() -> str:
        """The platform plug-in the desk will really use loads, with every system library it links against."""
        from PySide6.QtCore import QLibraryInfo

        from app.config.qt_platform import chosen_platform, platform_problem

        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        problem = platform_problem(environ, plugins, display=False)
        if problem is not None:
            raise RuntimeError(problem.removeprefix("FaceDesk cannot open its window: "))
        display = platform_problem(environ, plugins)
        return f"'{chosen_platform(environ)}' loads" + (
            "" if display is None else "; no display here (the desk needs one)"
        )

    return check


def run_self_test(write: Callable[[str], None] = print, *, engine: "EncoderEngine | None" = None) -> int:
    """Run every check, print one line each and a summary; 0 if all passed, else 1."""
    # The desk's own environment decides its platform; the self-test's Qt runs offscreen, so it
    # works on a server and does not die on a missing display.
    desk_environment = dict(os.environ)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    _ = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "facedesk"])
    results = [_check(name, run) for name, run in self_test_checks(desk_environment, engine)]
    for result in results:
        write(f"{'ok  ' if result.ok else 'FAIL'}  {result.name}: {result.detail}")
    failed = [result.name for result in results if not result.ok]
    write(
        f"self-test: {len(results) - len(failed)} of {len(results)} checks passed"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0
