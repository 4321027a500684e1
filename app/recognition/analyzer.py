"""One frame in, what the desk needs out: faces, the aligned primary face and its quality verdict.

Runs on a worker thread (dlib's detector and shape predictor release the GIL); the encoding of
the chips happens in the encoder process.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.domain.faces import FaceBox, QualityVerdict
from app.recognition.alignment import AlignedFace, SecondPass, align, detect_faces
from app.recognition.models import FaceModels
from app.recognition.quality import QualityRules, assess

DEFAULT_DETECTION_MAX_SIDE = 480


@dataclass(frozen=True)
class FrameAnalysis:
    """The faces in one frame (largest first), the aligned largest face, and the enrolment verdict."""

    faces: tuple[FaceBox, ...]
    face: AlignedFace | None
    verdict: QualityVerdict
    frame_size: tuple[int, int]


def bgr_to_rgb(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """OpenCV's BGR frame as the contiguous RGB array dlib expects."""
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8 or image.size == 0:
        raise ValueError("frames are 8-bit, 3-channel BGR images")
    return np.ascontiguousarray(image[..., ::-1])


class FaceAnalyzer:
    """Detection, alignment and the quality gate for frames from a camera or a file."""

    def __init__(
        self,
        models: FaceModels,
        *,
        detection_max_side: int = DEFAULT_DETECTION_MAX_SIDE,
        rules: QualityRules | None = None,
    ) -> None:
        self._models = models
        self._max_side = detection_max_side
        self._rules = rules or QualityRules()

    def analyse(
        self,
        bgr: npt.NDArray[np.uint8],
        *,
        for_enrolment: bool = False,
        second_pass: SecondPass = SecondPass.NONE,
        prefer_central: bool = False,
    ) -> FrameAnalysis:
        """Find and align the primary face; judge the frame for enrolment.

        Args:
            bgr: the frame (OpenCV BGR).
            for_enrolment: also cut the rotated and mirrored chips an enrolment template needs.
            second_pass: how hard to look again when the fast detector finds nothing.
            prefer_central: the primary face is the one nearest the centre instead of the largest
                (the convention of face datasets such as LFW).
        """
        rgb = bgr_to_rgb(bgr)
        height, width = rgb.shape[:2]
        faces = detect_faces(self._models, rgb, max_side=self._max_side, second_pass=second_pass)
        primary = faces[0] if faces else None
        if faces and prefer_central:
            primary = min(faces, key=lambda box: (box.center[0] - width / 2) ** 2 + (box.center[1] - height / 2) ** 2)
        face = align(self._models, rgb, primary, augment=for_enrolment) if primary else None
        verdict = assess(faces, face, (width, height), self._rules)
        return FrameAnalysis(tuple(faces), face, verdict, (width, height))
