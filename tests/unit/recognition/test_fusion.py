"""Quality weights and the fused distance of several frames."""

import numpy as np
import pytest

from app.domain.faces import QualityMeasures
from app.domain.templates import normalised
from app.recognition.fusion import MIN_WEIGHT, WeightedProbe, frame_weight, fused_distance, fused_probe


def test_a_large_sharp_frontal_face_counts_most() -> None:
    good = frame_weight(QualityMeasures(face_height_px=200, yaw_ratio=0.0, sharpness=300.0))
    small = frame_weight(QualityMeasures(face_height_px=75, yaw_ratio=0.0, sharpness=300.0))
    blurred = frame_weight(QualityMeasures(face_height_px=200, yaw_ratio=0.0, sharpness=20.0))
    turned = frame_weight(QualityMeasures(face_height_px=200, yaw_ratio=0.3, sharpness=300.0))
    assert good == 1.0
    assert small == pytest.approx(0.5) and blurred == pytest.approx(0.2) and turned == pytest.approx(0.4)
    assert frame_weight(QualityMeasures(face_height_px=200, yaw_ratio=0.9, sharpness=300.0)) == MIN_WEIGHT


def test_the_fused_distance_is_the_weighted_mean_of_each_frames_nearest_template() -> None:
    rng = np.random.default_rng(1)
    templates = np.stack([normalised(rng.normal(size=128).astype(np.float32)) for _ in range(2)])
    near = normalised(templates[0] + 0.1 * rng.normal(size=128).astype(np.float32))
    far = normalised(rng.normal(size=128).astype(np.float32))
    d_near = float(np.linalg.norm(templates - near, axis=1).min())
    d_far = float(np.linalg.norm(templates - far, axis=1).min())
    fused = fused_distance(templates, [WeightedProbe(near, 3.0), WeightedProbe(far, 1.0)])
    assert fused == pytest.approx((3 * d_near + d_far) / 4, rel=1e-5)
    assert fused_distance(templates, [WeightedProbe(near, 1.0)]) == pytest.approx(d_near, rel=1e-5)
    with pytest.raises(ValueError, match="at least one frame"):
        fused_distance(templates, [])


def test_the_mean_descriptor_is_a_unit_vector() -> None:
    rng = np.random.default_rng(2)
    probes = [WeightedProbe(normalised(rng.normal(size=128).astype(np.float32)), w) for w in (0.2, 1.0)]
    assert np.linalg.norm(fused_probe(probes)) == pytest.approx(1.0, abs=1e-5)
