"""``bench fusion``: fused multi-frame 1:1 decisions against single-frame decisions.

Two sources, both decided at the shipped 1:1 threshold:

- **The clip.** The speaker is enrolled from a still photo of him (genuine) and another person from
  theirs (impostor). Every frame of the video is decoded and analysed as a verification does
  (second detection pass included); each usable frame is one single-frame decision, and each run
  of ``FUSED_FRAMES`` consecutive usable frames is one fused decision, against both templates.
- **LFW people with several photos.** Each person with at least ``1 + FUSED_FRAMES`` photos is
  enrolled from the first; the others are probes: one decision per photo, and one fused decision
  per group of ``FUSED_FRAMES`` photos. Impostor decisions compare every person's probes and
  groups with every other person's template.

Reported per source: false rejects (genuine decisions refused) and false accepts (impostor
decisions accepted) for single frames, for the fusion the desk uses (the weighted mean distance)
and for the alternative it was measured against (the distance of the weighted mean descriptor).
"""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.camera.file_source import VideoFileSource
from app.camera.frames import load_image
from app.domain.errors import InvalidInputError
from app.domain.matching import MatchThresholds
from app.recognition.alignment import SecondPass
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.recognition.fusion import FUSED_FRAMES, WeightedProbe, frame_weight, fused_distance, fused_probe
from app.recognition.gallery import closest_distance
from app.recognition.models import FaceModels

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Rates:
    """Decisions and errors of one kind (single or fused) for one source."""

    genuine: int
    false_rejects: int
    impostor: int
    false_accepts: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with the rates."""
        return {
            "genuine_decisions": self.genuine,
            "false_rejects": self.false_rejects,
            "frr": round(self.false_rejects / self.genuine, 4) if self.genuine else None,
            "impostor_decisions": self.impostor,
            "false_accepts": self.false_accepts,
            "far": round(self.false_accepts / self.impostor, 4) if self.impostor else None,
        }


def _groups(probes: list[WeightedProbe]) -> list[list[WeightedProbe]]:
    return [probes[start : start + FUSED_FRAMES] for start in range(0, len(probes) - FUSED_FRAMES + 1, FUSED_FRAMES)]


def _decisions(template: Vector, probes: list[WeightedProbe]) -> dict[str, list[float]]:
    """The distances each kind of decision compares with the threshold."""
    groups, templates = _groups(probes), template[None, :]
    return {
        "single": [closest_distance(templates, p.descriptor) for p in probes],
        "fused": [fused_distance(templates, group) for group in groups],
        "fused_descriptor": [closest_distance(templates, fused_probe(group)) for group in groups],
    }


def _all_rates(genuine: dict[str, list[float]], impostor: dict[str, list[float]], threshold: float) -> dict[str, Any]:
    return {kind: _rates(genuine[kind], impostor[kind], threshold).as_dict() for kind in genuine}


def _rates(genuine: list[float], impostor: list[float], threshold: float) -> Rates:
    return Rates(
        len(genuine),
        sum(d > threshold for d in genuine),
        len(impostor),
        sum(d <= threshold for d in impostor),
    )


class _Engine:
    def __init__(self, engine: EncoderEngine) -> None:
        self.analyzer = FaceAnalyzer(FaceModels())
        self.encoder = EncoderProcess(engine=engine)

    def template(self, path: Path) -> Vector:
        face = self.analyzer.analyse(load_image(path), for_enrolment=True, second_pass=SecondPass.THOROUGH).face
        if face is None:
            raise InvalidInputError(f"No face found in {path.name}.")
        return self.encoder.enrolment_template(face)

    def probe(self, image: npt.NDArray[np.uint8], second_pass: SecondPass) -> WeightedProbe | None:
        analysis = self.analyzer.analyse(image, second_pass=second_pass)
        if analysis.face is None or not analysis.verdict.usable_for_matching:
            return None
        return WeightedProbe(self.encoder.probe(analysis.face), frame_weight(analysis.verdict.measures))


def _clip(engine: _Engine, video: Path, genuine_photo: Path, impostor_photo: Path, threshold: float) -> dict[str, Any]:
    genuine, impostor = engine.template(genuine_photo), engine.template(impostor_photo)
    source = VideoFileSource(video, realtime=False)
    source.open()
    probes: list[WeightedProbe] = []
    frames = 0
    try:
        while (frame := source.read()) is not None:
            frames += 1
            probe = engine.probe(frame.image, SecondPass.UPSAMPLED)
            if probe is not None:
                probes.append(probe)
    finally:
        source.close()
    return {
        "video": video.name,
        "frames": frames,
        "usable_frames": len(probes),
        **_all_rates(_decisions(genuine, probes), _decisions(impostor, probes), threshold),
    }


def _lfw(engine: _Engine, root: Path, threshold: float) -> dict[str, Any]:
    people = sorted(folder for folder in root.iterdir() if folder.is_dir())
    templates: dict[str, Vector] = {}
    probes: dict[str, list[WeightedProbe]] = defaultdict(list)
    for folder in people:
        photos = sorted(folder.glob("*.jpg"))
        if len(photos) < 1 + FUSED_FRAMES:
            continue
        templates[folder.name] = engine.template(photos[0])
        for photo in photos[1:]:
            probe = engine.probe(load_image(photo), SecondPass.THOROUGH)
            if probe is not None:
                probes[folder.name].append(probe)
    genuine: dict[str, list[float]] = defaultdict(list)
    impostor: dict[str, list[float]] = defaultdict(list)
    for person, own in probes.items():
        for other, template in templates.items():
            for kind, distances in _decisions(template, own).items():
                (genuine if other == person else impostor)[kind].extend(distances)
    return {
        "people": len(templates),
        "probe_photos": sum(len(p) for p in probes.values()),
        **_all_rates(genuine, impostor, threshold),
    }


def run_fusion_benchmark(
    video: Path,
    genuine_photo: Path,
    impostor_photo: Path,
    lfw_root: Path | None,
    *,
    thresholds: MatchThresholds | None = None,
    engine: EncoderEngine = DEFAULT_ENGINE,
) -> dict[str, Any]:
    """Run both parts of the module docstring (the LFW part only with ``lfw_root``)."""
    for path in (video, genuine_photo, impostor_photo):
        if not path.is_file():
            raise InvalidInputError(f"{path}: no such file.")
    if lfw_root is not None and not lfw_root.is_dir():
        raise InvalidInputError(f"{lfw_root}: no such folder.")
    threshold = (thresholds or MatchThresholds()).verify
    face_engine = _Engine(engine)
    try:
        report: dict[str, Any] = {
            "threshold": threshold,
            "fused_frames": FUSED_FRAMES,
            "clip": _clip(face_engine, video, genuine_photo, impostor_photo, threshold),
            "lfw": _lfw(face_engine, lfw_root, threshold) if lfw_root is not None else None,
        }
    finally:
        face_engine.encoder.close()
    return report
