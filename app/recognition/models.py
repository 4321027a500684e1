"""dlib's HOG face detector and 5-point shape predictor, loaded lazily, one set per thread.

dlib's detector keeps scratch buffers inside the object, so two threads calling the same
detector at once crash the process (seen here in ``bench lfw``). Each thread therefore gets its
own detector and predictor on first use; the shape predictor file is read once per thread. The
ResNet encoder is not loaded here: it lives in its own process (see encoder.py).
"""

import logging
import threading
from typing import TYPE_CHECKING

from app.domain.errors import RecognitionError
from app.recognition.model_files import CNN_FACE_DETECTOR, SHAPE_PREDICTOR_5, model_path

if TYPE_CHECKING:
    import dlib

logger = logging.getLogger(__name__)


class FaceModels:
    """Lazy, per-thread holder of the detection and alignment models."""

    def __init__(self) -> None:
        self._local = threading.local()

    def detector(self) -> "dlib.fhog_object_detector":
        """This thread's HOG frontal face detector (built into dlib, no file)."""
        self._load()
        return self._local.detector

    def shape_predictor(self) -> "dlib.shape_predictor":
        """This thread's 5-point landmark model."""
        self._load()
        return self._local.predictor

    def cnn_detector(self) -> "dlib.cnn_face_detection_model_v1":
        """This thread's CNN face detector (the second pass for still photos), loaded on first use."""
        detector = getattr(self._local, "cnn_detector", None)
        if detector is None:
            try:
                path = model_path(CNN_FACE_DETECTOR)
            except FileNotFoundError as exc:
                raise RecognitionError(f"The face engine cannot start: {exc}.") from None
            import dlib

            detector = self._local.cnn_detector = dlib.cnn_face_detection_model_v1(str(path))
        return detector

    def _load(self) -> None:
        if getattr(self._local, "predictor", None) is not None:
            return
        try:
            path = model_path(SHAPE_PREDICTOR_5)
        except FileNotFoundError as exc:
            raise RecognitionError(f"The face engine cannot start: {exc}.") from None
        import dlib  # here, not at the top: commands that never see a face do not load dlib

        self._local.detector = dlib.get_frontal_face_detector()
        self._local.predictor = dlib.shape_predictor(str(path))
        logger.info("Face detection and alignment models loaded for thread %s.", threading.current_thread().name)
