"""The enrolment quality gate: one frontal, sharp, well-lit, large enough face, fully in view.

Brightness and sharpness are measured on the aligned 150x150 chip, so the same thresholds hold
at every camera resolution. Pose comes from the five landmarks: roll is the tilt of the eye
line, yaw is how far the nose sits off the eyes' midpoint along that line, relative to the eye
distance (0 when facing the camera).
"""

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.domain.faces import FaceBox, FaceLandmarks, QualityIssue, QualityMeasures, QualityVerdict
from app.recognition.alignment import AlignedFace


@dataclass(frozen=True)
class QualityRules:
    """Thresholds of the gate (calibrated on ../shared/datasets/images; see docs/PERFORMANCE.md)."""

    min_face_height: int = 90
    edge_margin: int = 2
    max_roll_degrees: float = 15.0
    max_yaw_ratio: float = 0.25
    min_brightness: float = 50.0
    max_brightness: float = 205.0
    min_sharpness: float = 35.0


def pose(landmarks: FaceLandmarks) -> tuple[float, float]:
    """Roll in degrees and the yaw ratio described in the module docstring."""
    right = np.mean(np.array(landmarks.right_eye), axis=0)
    left = np.mean(np.array(landmarks.left_eye), axis=0)
    eye_vector = left - right
    eye_distance = float(np.linalg.norm(eye_vector))
    if eye_distance == 0.0:
        return 90.0, 1.0
    roll = math.degrees(math.atan2(eye_vector[1], eye_vector[0]))
    roll = (roll + 90.0) % 180.0 - 90.0  # the eye line has no direction
    midpoint = (left + right) / 2
    yaw = float(np.dot(np.array(landmarks.nose) - midpoint, eye_vector / eye_distance)) / eye_distance
    return roll, yaw


def chip_brightness_and_sharpness(chip: npt.NDArray[np.uint8]) -> tuple[float, float]:
    """Mean luma and the variance of the 4-neighbour Laplacian over the chip's inner face area."""
    luma = chip[..., 0] * 0.299 + chip[..., 1] * 0.587 + chip[..., 2] * 0.114
    inner = luma[30:120, 30:120]  # the face itself, not the padding around it
    laplacian = inner[:-2, 1:-1] + inner[2:, 1:-1] + inner[1:-1, :-2] + inner[1:-1, 2:] - 4.0 * inner[1:-1, 1:-1]
    return float(inner.mean()), float(laplacian.var())


def assess(
    faces: list[FaceBox], face: AlignedFace | None, frame_size: tuple[int, int], rules: QualityRules
) -> QualityVerdict:
    """Judge a frame for enrolment. ``faces`` are all faces found; ``face`` the aligned primary one."""
    if not faces or face is None:
        return QualityVerdict((QualityIssue.NO_FACE,))
    if len(faces) > 1:
        return QualityVerdict((QualityIssue.MORE_THAN_ONE_FACE,))
    width, height = frame_size
    roll, yaw = pose(face.landmarks)
    brightness, sharpness = chip_brightness_and_sharpness(face.chip)
    measures = QualityMeasures(face.box.height, roll, yaw, brightness, sharpness)
    issues = []
    if not face.box.inside(width, height, margin=rules.edge_margin):
        issues.append(QualityIssue.FACE_CUT_OFF)
    if face.box.height < rules.min_face_height:
        issues.append(QualityIssue.FACE_TOO_SMALL)
    if abs(roll) > rules.max_roll_degrees or abs(yaw) > rules.max_yaw_ratio:
        issues.append(QualityIssue.NOT_FRONTAL)
    if brightness < rules.min_brightness:
        issues.append(QualityIssue.TOO_DARK)
    elif brightness > rules.max_brightness:
        issues.append(QualityIssue.TOO_BRIGHT)
    if sharpness < rules.min_sharpness:
        issues.append(QualityIssue.TOO_BLURRY)
    return QualityVerdict(tuple(issues), measures)
