"""The ResNet face encoder in its own long-lived process.

dlib's ``compute_face_descriptor`` holds the GIL for its whole run (about 60 ms a face here), so
encoding on a thread of the desk application would freeze every Qt slot for that long. The
encoder therefore runs in a separate process (spawn start method, so it also works in a frozen
PyInstaller bundle), loads the model once, and receives only aligned 150x150 chips over a pipe:
never frames, never anything written to disk (R12). The process also keeps the engine's threads
(OpenCV's DNN uses every core) away from the desk's own. Which engine runs the network is chosen
at start (encoder_engines.py) and reported back.
"""

import contextlib
import logging
import multiprocessing
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from app.domain.errors import RecognitionError
from app.domain.templates import TEMPLATE_DIMENSIONS, normalised
from app.recognition.alignment import CHIP_SIZE, AlignedFace
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.recognition.model_files import FACE_ENCODER, model_path

logger = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 120.0
ENCODE_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class EncoderStatus:
    """Which engine the running encoder process uses, and why not the one asked for."""

    requested: EncoderEngine
    engine: EncoderEngine
    description: str
    fallback_reason: str | None


def _serve(conn: Connection, model_file: str, requested: str) -> None:
    """The encoder process: load the model, then answer chip batches until told to stop."""
    from app.config.process_hardening import forbid_core_dumps
    from app.recognition.encoder_engines import load_chip_encoder

    forbid_core_dumps()  # it holds face chips and templates

    try:
        model, fallback_reason = load_chip_encoder(EncoderEngine(requested), Path(model_file))
    except RuntimeError as exc:
        conn.send(("error", f"could not load {Path(model_file).name}: {exc}"))
        return
    conn.send(("ready", (model.engine.value, model.description, fallback_reason)))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        chips: npt.NDArray[np.uint8] = message
        try:
            conn.send(("ok", model.descriptors(chips)))
        except Exception as exc:
            conn.send(("error", str(exc)))


class EncoderProcess:
    """A client for the encoder process; thread-safe, started on first use, restarted if it dies."""

    def __init__(self, model_file: Path | None = None, *, engine: EncoderEngine = DEFAULT_ENGINE) -> None:
        """Create the client (no process yet).

        Args:
            model_file: the encoder model; by default located from face_recognition_models.
            engine: the engine to ask for; dlib's is used instead if it cannot be built.
        """
        self._model_file = model_file
        self._engine = engine
        self.status: EncoderStatus | None = None
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the process and wait until the model is loaded (call off the UI thread)."""
        with self._lock:
            self._ensure_started()

    def descriptors(self, chips: npt.NDArray[np.uint8]) -> npt.NDArray[np.float32]:
        """Raw 128-d descriptors of ``chips`` (shape (k, 150, 150, 3), RGB uint8).

        Raises:
            RecognitionError: the process failed; it will be restarted on the next call.
        """
        if chips.ndim != 4 or chips.shape[1:] != (CHIP_SIZE, CHIP_SIZE, 3) or chips.dtype != np.uint8:
            raise ValueError("the encoder takes aligned 150x150 RGB chips only")
        with self._lock:
            conn = self._ensure_started()
            try:
                conn.send(np.ascontiguousarray(chips))
                if not conn.poll(ENCODE_TIMEOUT_SECONDS):
                    raise RecognitionError("The face encoder stopped responding.")
                status, payload = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._discard()
                raise RecognitionError("The face encoder process stopped; it will be restarted.") from None
            except RecognitionError:
                self._discard()
                raise
        if status != "ok":
            raise RecognitionError(f"The face encoder failed: {payload}")
        result: npt.NDArray[np.float32] = payload
        if result.shape != (len(chips), TEMPLATE_DIMENSIONS):
            raise RecognitionError("The face encoder returned an unexpected result.")
        return result

    def probe(self, face: AlignedFace) -> npt.NDArray[np.float32]:
        """The template of a live face: its plain chip, encoded once, unit length."""
        return normalised(self.descriptors(face.chips[:1])[0])

    def enrolment_template(self, face: AlignedFace) -> npt.NDArray[np.float32]:
        """The template to store: the sum over all augmented chips, unit length."""
        if len(face.chips) < 2:
            raise ValueError("enrolment templates need the augmented chips (align with augment=True)")
        return normalised(self.descriptors(face.chips).sum(axis=0))

    def close(self) -> None:
        """Ask the process to stop and wait for it; kill it only if it does not stop."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError, BrokenPipeError):
                    self._conn.send(None)
            self._discard()

    def __enter__(self) -> "EncoderProcess":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _ensure_started(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        if self._process is not None:
            logger.warning(
                "The face encoder process had stopped (exit code %s); restarting it.", self._process.exitcode
            )
        self._discard()
        try:
            model_file = self._model_file or model_path(FACE_ENCODER)
        except FileNotFoundError as exc:
            raise RecognitionError(f"The face engine cannot start: {exc}.") from None
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe(duplex=True)
        process = context.Process(
            target=_serve, args=(child, str(model_file), self._engine.value), name="facedesk-encoder", daemon=True
        )
        process.start()
        child.close()
        if not parent.poll(START_TIMEOUT_SECONDS):
            process.kill()
            raise RecognitionError("The face encoder did not start in time.")
        try:
            status, detail = parent.recv()
        except EOFError:
            raise RecognitionError("The face encoder process exited while starting.") from None
        if status != "ready":
            process.join(5)
            raise RecognitionError(f"The face encoder could not start: {detail}")
        engine, description, fallback_reason = detail
        self.status = EncoderStatus(self._engine, EncoderEngine(engine), description, fallback_reason)
        self._process, self._conn = process, parent
        logger.info("Face encoder process started (pid %s, engine %s).", process.pid, engine)
        if fallback_reason:
            logger.warning("Face encoder: %s engine asked for, dlib's used: %s.", self._engine.value, fallback_reason)
        return parent

    def _discard(self) -> None:
        process, conn = self._process, self._conn
        self._process, self._conn = None, None
        if process is not None:
            process.join(10)
            if process.is_alive():
                logger.warning("The face encoder did not stop; ending it.")
                process.kill()
                process.join(5)
        if conn is not None:
            conn.close()
