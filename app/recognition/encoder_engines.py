"""The engines that run dlib's face recognition ResNet on aligned chips.

Both give dlib's own descriptors from the same weights (the model file of face_recognition_models):

- ``opencv`` (the default): the weights read by ``dlib_model_file``, written as an ONNX graph by
  ``onnx_graph`` and run by OpenCV's DNN module, whose convolutions use vectorised kernels on
  every core. About 6 ms a chip here against dlib's 60 ms; descriptors within 1e-5 of dlib's.
- ``dlib``: dlib's own portable kernels, the reference, and the fallback when the OpenCV engine
  cannot be built (an old OpenCV without the DNN module, or a model file it cannot read).

Chosen by measurement (docs/PERFORMANCE.md, section "The encoder engine").
"""

from enum import StrEnum
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt


class EncoderEngine(StrEnum):
    """Which engine encodes chips."""

    OPENCV = "opencv"
    DLIB = "dlib"


DEFAULT_ENGINE = EncoderEngine.OPENCV
# The OpenCV engine is accepted only if it reproduces dlib on the start-up check chip this closely.
MAX_DESCRIPTOR_DIFFERENCE = 1e-3


class ChipEncoder(Protocol):
    """Raw 128-d descriptors of RGB chips (k, 150, 150, 3)."""

    engine: EncoderEngine
    description: str

    def descriptors(self, chips: npt.NDArray[np.uint8]) -> npt.NDArray[np.float32]:
        """One raw descriptor per chip."""
        ...


class DlibChipEncoder:
    """dlib's ``face_recognition_model_v1``: the reference."""

    engine = EncoderEngine.DLIB

    def __init__(self, model_file: Path) -> None:
        import dlib

        self._model = dlib.face_recognition_model_v1(str(model_file))
        self.description = f"dlib {dlib.__version__} (its own kernels)"

    def descriptors(self, chips: npt.NDArray[np.uint8]) -> npt.NDArray[np.float32]:
        """The reference descriptors."""
        values = self._model.compute_face_descriptor([np.ascontiguousarray(c) for c in chips])
        return np.asarray(values, dtype=np.float32).reshape(len(chips), -1)


class OpenCvChipEncoder:
    """dlib's network and weights on OpenCV's DNN module."""

    engine = EncoderEngine.OPENCV

    def __init__(self, model_file: Path) -> None:
        import cv2

        from app.recognition.dlib_model_file import read_face_resnet
        from app.recognition.onnx_graph import face_resnet_onnx

        network = read_face_resnet(model_file)
        self._means = network.input_means
        self._net = cv2.dnn.readNetFromONNX(np.frombuffer(face_resnet_onnx(network), dtype=np.uint8))
        self.description = f"OpenCV {cv2.__version__} DNN, dlib's weights converted at start-up"

    def descriptors(self, chips: npt.NDArray[np.uint8]) -> npt.NDArray[np.float32]:
        """The same descriptors as dlib's, from OpenCV's convolutions."""
        from app.recognition.onnx_graph import chips_to_input

        self._net.setInput(chips_to_input(chips, self._means))
        values: npt.NDArray[np.float32] = np.array(self._net.forward(), dtype=np.float32)
        return values.reshape(len(chips), -1)


def check_chip() -> npt.NDArray[np.uint8]:
    """A fixed synthetic chip (no face, no person) both engines must encode alike."""
    rng = np.random.default_rng(150)
    gradient = np.linspace(0, 255, 150, dtype=np.float32)
    base = (gradient[None, :, None] * 0.5 + gradient[:, None, None] * 0.3).astype(np.float32)
    noise = rng.normal(0.0, 25.0, size=(150, 150, 3)).astype(np.float32)
    chip: npt.NDArray[np.uint8] = np.clip(base + noise, 0, 255).astype(np.uint8)[None]
    return chip


def load_chip_encoder(engine: EncoderEngine, model_file: Path) -> tuple[ChipEncoder, str | None]:
    """The requested engine, or dlib's with the reason when the OpenCV engine cannot be used.

    The OpenCV engine is checked against dlib on one synthetic chip before it is trusted. Runs in
    the encoder process, whose log records go nowhere: the parent logs the reason.
    """
    reference = DlibChipEncoder(model_file)
    if engine is EncoderEngine.DLIB:
        return reference, None
    try:
        candidate = OpenCvChipEncoder(model_file)
        chip = check_chip()
        difference = float(np.linalg.norm(candidate.descriptors(chip) - reference.descriptors(chip)))
    except Exception as exc:
        return reference, f"the OpenCV engine could not be built ({type(exc).__name__}: {exc})"
    if not difference <= MAX_DESCRIPTOR_DIFFERENCE:
        return reference, f"the OpenCV engine differs from dlib by {difference:.2e} on the check chip"
    return candidate, None
