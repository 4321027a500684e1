"""``bench pipeline``: per-frame latency of our pipeline and of face_recognition's default, side by side.

Both run on the same frames in the same process, each frame warmed up once and then timed
``repeats`` times; the per-frame figure is the median. Ours is everything the desk does with a
live frame: BGR to RGB, HOG detection on a copy downscaled to 480 px, 5-point alignment, the
quality gate, and one encode in the encoder process (including the pipe round trip). The peer
is ``face_locations`` (HOG, upsampled once, on the full frame) plus ``face_encodings`` (5-point
model, one pass), the package's defaults.

The encode alone (the chip of each frame's face through the ResNet, with the pipe round trip) is
also timed for our engine and for dlib's own, each in its own encoder process, on the same chips,
and the largest distance between their descriptors is reported.

With a reference photo, each pipeline also decides "same person or not" for every frame, with
its own default rule (ours: the 1:1 threshold on a mirrored, augmented enrolment template; the
peer: ``compare_faces`` tolerance 0.6), so the report can show the decisions agree.
"""

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from app.camera.frames import load_image
from app.domain.matching import MatchThresholds, VerificationDecision, verification_decision
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.recognition.gallery import closest_distance
from app.recognition.models import FaceModels
from app.services.benchmarks.peer import face_recognition_package

T = TypeVar("T")

PEER_TOLERANCE = 0.6  # face_recognition.compare_faces default


@dataclass(frozen=True)
class FrameTiming:
    """One frame's result."""

    image: str
    width: int
    height: int
    ours_ms: float
    face_recognition_ms: float
    encode_ms: float | None  # our engine, this frame's chip (None: no face)
    dlib_encode_ms: float | None
    ours_faces: int
    face_recognition_faces: int
    ours_decision: str
    face_recognition_decision: str


def _median_ms(run: Callable[[], T], repeats: int) -> tuple[float, T]:
    result = run()  # warm-up (and the result used for decisions)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(timings), result


def run_pipeline_benchmark(
    images: Sequence[Path],
    *,
    reference: Path | None = None,
    repeats: int = 5,
    thresholds: MatchThresholds | None = None,
    engine: EncoderEngine = DEFAULT_ENGINE,
) -> dict[str, Any]:
    """Time both pipelines on every image; return the report (see the module docstring)."""
    peer = face_recognition_package()
    thresholds = thresholds or MatchThresholds()
    analyzer = FaceAnalyzer(FaceModels())
    frames = [(path, load_image(path)) for path in images]
    rows: list[FrameTiming] = []
    largest_difference = 0.0
    with EncoderProcess(engine=engine) as encoder, EncoderProcess(engine=EncoderEngine.DLIB) as dlib_encoder:
        encoder.start()
        dlib_encoder.start()
        our_reference = peer_reference = None
        if reference is not None:
            reference_bgr = load_image(reference)
            enrolled = analyzer.analyse(reference_bgr, for_enrolment=True).face
            peer_faces = peer.face_encodings(np.ascontiguousarray(reference_bgr[..., ::-1]))
            if enrolled is None or not peer_faces:
                raise ValueError(f"no face found in the reference photo {reference.name}")
            our_reference = encoder.enrolment_template(enrolled)[None, :]
            peer_reference = peer_faces[0]

        for path, bgr in frames:

            def ours(bgr: np.ndarray = bgr) -> tuple[int, np.ndarray | None]:
                analysis = analyzer.analyse(bgr)
                return len(analysis.faces), encoder.probe(analysis.face) if analysis.face else None

            def theirs(bgr: np.ndarray = bgr) -> tuple[list[Any], list[Any]]:
                rgb = np.ascontiguousarray(bgr[..., ::-1])
                locations = peer.face_locations(rgb)
                return locations, peer.face_encodings(rgb, locations)

            ours_ms, (our_count, probe) = _median_ms(ours, repeats)
            theirs_ms, (locations, encodings) = _median_ms(theirs, repeats)
            encode_ms: float | None = None
            dlib_encode_ms: float | None = None
            face = analyzer.analyse(bgr).face
            if face is not None:
                chip = face.chips[:1]
                encode_ms, ours_raw = _median_ms(partial(encoder.descriptors, chip), repeats)
                dlib_encode_ms, dlib_raw = _median_ms(partial(dlib_encoder.descriptors, chip), repeats)
                largest_difference = max(largest_difference, float(np.linalg.norm(ours_raw - dlib_raw)))
            our_decision = "face" if probe is not None else "no_face"
            peer_decision = "face" if encodings else "no_face"
            if our_reference is not None and probe is not None:
                our_decision = verification_decision(closest_distance(our_reference, probe), thresholds).value
            if peer_reference is not None and encodings:
                largest = max(range(len(locations)), key=lambda i: _area(locations[i]))
                distance = float(np.linalg.norm(encodings[largest] - peer_reference))
                peer_decision = (
                    VerificationDecision.MATCH if distance <= PEER_TOLERANCE else VerificationDecision.NO_MATCH
                ).value
            height, width = bgr.shape[:2]
            rows.append(
                FrameTiming(
                    path.name,
                    width,
                    height,
                    round(ours_ms, 2),
                    round(theirs_ms, 2),
                    None if encode_ms is None else round(encode_ms, 2),
                    None if dlib_encode_ms is None else round(dlib_encode_ms, 2),
                    our_count,
                    len(locations),
                    our_decision,
                    peer_decision,
                )
            )
        status = encoder.status
    ours_median = statistics.median(r.ours_ms for r in rows)
    theirs_median = statistics.median(r.face_recognition_ms for r in rows)
    encodes = [r.encode_ms for r in rows if r.encode_ms is not None]
    dlib_encodes = [r.dlib_encode_ms for r in rows if r.dlib_encode_ms is not None]
    encode_median = statistics.median(encodes) if encodes else None
    dlib_encode_median = statistics.median(dlib_encodes) if dlib_encodes else None
    return {
        "engine": status.engine.value if status else engine.value,
        "engine_description": status.description if status else None,
        "frames": len(rows),
        "repeats": repeats,
        "reference": reference.name if reference else None,
        "ours_ms": round(ours_median, 2),
        "face_recognition_ms": round(theirs_median, 2),
        "speedup": round(theirs_median / ours_median, 2),
        "same_decisions": all(r.ours_decision == r.face_recognition_decision for r in rows),
        "encode_ms": encode_median,
        "dlib_encode_ms": dlib_encode_median,
        "encode_speedup": round(dlib_encode_median / encode_median, 2)
        if encode_median and dlib_encode_median
        else None,
        "max_descriptor_difference": float(f"{largest_difference:.3g}"),
        "per_frame": [asdict(r) for r in rows],
    }


def _area(location: tuple[int, int, int, int]) -> int:
    top, right, bottom, left = location
    return (bottom - top) * (right - left)
