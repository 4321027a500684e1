"""dlib's HOG face detector and 5-point shape predictor, loaded once, lazily, on first use.

The ResNet encoder is not loaded here: it lives in its own process (see encoder.py).
"""

import logging
import threading

import dlib

from app.domain.errors import RecognitionError
from app.recognition.model_files import SHAPE_PREDICTOR_5, model_path

logger = logging.getLogger(__name__)


class FaceModels:
    """Thread-safe lazy holder of the detection and alignment models."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._detector: dlib.fhog_object_detector | None = None
        self._predictor: dlib.shape_predictor | None = None

    def detector(self) -> dlib.fhog_object_detector:
        """The HOG frontal face detector (built into dlib, no file)."""
        self._load()
        assert self._detector is not None  # noqa: S101 - set by _load
        return self._detector

    def shape_predictor(self) -> dlib.shape_predictor:
        """The 5-point landmark model."""
        self._load()
        assert self._predictor is not None  # noqa: S101 - set by _load
        return self._predictor

    def _load(self) -> None:
        with self._lock:
            if self._predictor is not None:
                return
            try:
                path = model_path(SHAPE_PREDICTOR_5)
            except FileNotFoundError as exc:
                raise RecognitionError(f"The face engine cannot start: {exc}.") from None
            self._detector = dlib.get_frontal_face_detector()
            self._predictor = dlib.shape_predictor(str(path))
            logger.info("Face detection and alignment models loaded.")
