"""Deciding from several live frames instead of one: quality-weighted fusion of distances.

A single frame can catch a blink, motion blur or a half-turned head, and one bad frame then
decides a guest's check. A verification therefore collects several usable frames (about a sixth
of a second at 30 fps with the OpenCV engine) and decides on the weighted mean of their distances
to the person's templates, each frame weighted by how good it is: face size, sharpness and how
frontal the face is (the measures of the enrolment quality gate).

Distances, not descriptors, are averaged: the mean of several unit descriptors is a "cleaner"
face that sits nearer to every template, a stranger's included, so at the calibrated 1:1
threshold it accepted four times as many impostors on LFW; the mean distance keeps the scale the
threshold was calibrated on and only removes noise. ``fused_probe`` stays for that comparison
(docs/PERFORMANCE.md, "Fused live verification").
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.domain.faces import QualityMeasures
from app.domain.templates import normalised
from app.recognition.gallery import closest_distance

FUSED_FRAMES = 5  # usable frames a verification decides from

# Where each measure stops adding weight: a face this tall, this sharp (chip Laplacian variance),
# and the yaw ratio at which a face counts for nothing (the enrolment gate refuses 0.25).
FULL_WEIGHT_HEIGHT_PX = 150
FULL_WEIGHT_SHARPNESS = 100.0
ZERO_WEIGHT_YAW = 0.5
MIN_WEIGHT = 0.05  # every usable frame counts a little, so weights never sum to zero


def frame_weight(measures: QualityMeasures) -> float:
    """How much one usable frame counts, from 0.05 (barely usable) to 1 (large, sharp, frontal)."""
    size = min(1.0, measures.face_height_px / FULL_WEIGHT_HEIGHT_PX)
    sharpness = min(1.0, measures.sharpness / FULL_WEIGHT_SHARPNESS)
    pose = max(0.0, 1.0 - abs(measures.yaw_ratio) / ZERO_WEIGHT_YAW)
    return max(MIN_WEIGHT, size * sharpness * pose)


@dataclass(frozen=True)
class WeightedProbe:
    """One frame's unit descriptor and its weight."""

    descriptor: npt.NDArray[np.float32]
    weight: float


def fused_distance(templates: npt.NDArray[np.float32], probes: list[WeightedProbe]) -> float:
    """The weighted mean over the frames of each frame's distance to the nearest template.

    Raises:
        ValueError: no probes.
    """
    if not probes:
        raise ValueError("fusion needs at least one frame")
    distances = [closest_distance(templates, p.descriptor) for p in probes]
    weights = [p.weight for p in probes]
    return float(np.average(distances, weights=weights))


def fused_probe(probes: list[WeightedProbe]) -> npt.NDArray[np.float32]:
    """The unit vector of the weighted sum of the frames' unit descriptors.

    Raises:
        ValueError: no probes.
    """
    if not probes:
        raise ValueError("fusion needs at least one frame")
    stacked = np.stack([p.descriptor for p in probes]).astype(np.float32)
    weights = np.array([p.weight for p in probes], dtype=np.float32)
    return normalised((weights[:, None] * stacked).sum(axis=0))
