"""``bench lfw``: 1:1 accuracy on LFW-format pairs, and 1:N false accepts over all impostor pairs.

Protocol. For each pair (A, B), A is treated as an enrolment photo (a template from the chip, its
mirror and +/-4 degree rotations) and B as a live frame (one plain encode), exactly as the desk
compares an enrolled guest with the camera. Detection follows LFW's convention (the labelled
person is the face nearest the centre; small photos are searched again at double size). A pair
whose photo has no detectable face counts as an error, whatever its label.

Reported: accuracy, false accept rate (impostor pairs accepted) and false reject rate at the
default 1:1 threshold; per fold, the best threshold on that fold and the accuracy of a threshold
calibrated on the other folds (FAR <= 0.5 % there); and, at the 1:N threshold, the false accept
rate over every cross-identity pair of distinct photos (each photo's probe against every other
person's templates).

With an engine other than dlib's, every chip is also encoded by dlib's own engine (the reference):
the report gives the largest distance between the two descriptors of any chip, and whether every
1:1 pair decision and every 1:N decision is the same with both engines.
"""

import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.camera.frames import load_image
from app.domain.errors import InvalidInputError
from app.domain.matching import MatchThresholds
from app.domain.templates import normalised
from app.recognition.alignment import SecondPass
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.recognition.models import FaceModels

CALIBRATION_MAX_FAR = 0.005
THRESHOLD_GRID = np.round(np.arange(0.30, 0.55, 0.0025), 4)


@dataclass(frozen=True)
class LfwPair:
    """One pair from the pairs file."""

    fold: int
    same: bool
    first: tuple[str, int]
    second: tuple[str, int]


def parse_pairs(path: Path) -> list[LfwPair]:
    """Read LFW's pairs format.

    The header is ``folds n`` (or ``n`` for one fold); then per fold ``n`` matched lines
    ``name i j`` followed by ``n`` mismatched lines ``name i other j``.

    Raises:
        InvalidInputError: the file is missing or not in that format.
    """
    try:
        lines = [line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        raise InvalidInputError(f"The pairs file {path.name} could not be read.") from None
    try:
        header = [int(v) for v in lines[0]]
        folds, per_kind = (1, header[0]) if len(header) == 1 else (header[0], header[1])
        pairs = []
        for number, fields in enumerate(lines[1 : 1 + folds * 2 * per_kind]):
            fold, position = divmod(number, 2 * per_kind)
            if position < per_kind:
                pairs.append(LfwPair(fold, True, (fields[0], int(fields[1])), (fields[0], int(fields[2]))))
            else:
                pairs.append(LfwPair(fold, False, (fields[0], int(fields[1])), (fields[2], int(fields[3]))))
    except (IndexError, ValueError):
        raise InvalidInputError(f"{path.name} is not an LFW pairs file (see the LFW README).") from None
    if len(pairs) != folds * 2 * per_kind:
        raise InvalidInputError(f"{path.name} ends early: expected {folds * 2 * per_kind} pairs.")
    return pairs


def first_pairs(pairs: list[LfwPair], limit: int) -> list[LfwPair]:
    """The first ``limit`` matched and mismatched pairs of every fold."""
    counts: Counter[tuple[int, bool]] = Counter()
    kept = []
    for pair in pairs:
        if counts[(pair.fold, pair.same)] < limit:
            counts[(pair.fold, pair.same)] += 1
            kept.append(pair)
    return kept


def photo_path(root: Path, person: tuple[str, int]) -> Path:
    """``root/Name/Name_0001.jpg``."""
    name, number = person
    return root / name / f"{name}_{number:04d}.jpg"


@dataclass(frozen=True)
class Encoded:
    """The two templates of one photo."""

    template: npt.NDArray[np.float32]  # enrolment: augmented
    probe: npt.NDArray[np.float32]  # live: plain chip


def _pair_distance(first: Encoded | None, second: Encoded | None) -> float:
    """Enrolment template of the first photo against the live probe of the second (inf if either failed)."""
    if first is None or second is None:
        return float(np.inf)
    return float(np.linalg.norm(first.template - second.probe))


@dataclass(frozen=True)
class EncodedPhoto:
    """One photo with our engine and, when asked, with dlib's reference engine."""

    ours: Encoded | None
    reference: Encoded | None = None
    difference: float = 0.0  # the largest distance between the two engines' raw descriptors of a chip


def _encoded(descriptors: npt.NDArray[np.float32]) -> Encoded:
    return Encoded(normalised(descriptors.sum(axis=0)), normalised(descriptors[0]))


def encode_photos(
    paths: list[Path],
    workers: int,
    progress: Callable[[int, int], None],
    *,
    engine: EncoderEngine = DEFAULT_ENGINE,
    reference: bool = False,
) -> dict[Path, EncodedPhoto]:
    """Both templates of every photo (``ours`` is ``None`` where no face is found), on ``workers`` threads."""
    models = FaceModels()
    analyzer = FaceAnalyzer(models)
    local = threading.local()
    encoders: list[EncoderProcess] = []
    lock = threading.Lock()
    done = [0]

    def encode(path: Path) -> tuple[Path, EncodedPhoto]:
        if not hasattr(local, "encoder"):
            local.encoder = EncoderProcess(engine=engine)
            local.reference = EncoderProcess(engine=EncoderEngine.DLIB) if reference else None
            with lock:
                encoders.extend(e for e in (local.encoder, local.reference) if e is not None)
        image = load_image(path)
        face = analyzer.analyse(image, for_enrolment=True, second_pass=SecondPass.THOROUGH, prefer_central=True).face
        result = EncodedPhoto(None)
        if face is not None:
            descriptors = local.encoder.descriptors(face.chips)
            result = EncodedPhoto(_encoded(descriptors))
            if local.reference is not None:
                dlib_descriptors = local.reference.descriptors(face.chips)
                difference = float(np.linalg.norm(descriptors - dlib_descriptors, axis=1).max())
                result = EncodedPhoto(result.ours, _encoded(dlib_descriptors), difference)
        with lock:
            done[0] += 1
            progress(done[0], len(paths))
        return path, result

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(pool.map(encode, paths))
    finally:
        for encoder in encoders:
            encoder.close()


def _rates(distances: np.ndarray, same: np.ndarray, failed: np.ndarray, threshold: float) -> tuple[float, float, float]:
    accepted = (distances <= threshold) & ~failed
    correct = np.where(same, accepted, ~accepted) & ~failed
    far = float(accepted[~same].mean()) if (~same).any() else 0.0
    frr = float((~accepted[same]).mean()) if same.any() else 0.0
    return float(correct.mean()), far, frr


def _calibrate(distances: np.ndarray, same: np.ndarray, failed: np.ndarray) -> float:
    candidates = [
        (accuracy, threshold)
        for threshold in THRESHOLD_GRID
        for accuracy, far, _ in [_rates(distances, same, failed, threshold)]
        if far <= CALIBRATION_MAX_FAR
    ]
    return float(max(candidates)[1]) if candidates else float(THRESHOLD_GRID[0])


def run_lfw_benchmark(
    pairs_file: Path,
    root: Path,
    *,
    thresholds: MatchThresholds | None = None,
    workers: int | None = None,
    limit: int | None = None,
    peer: bool = False,
    engine: EncoderEngine = DEFAULT_ENGINE,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> dict[str, Any]:
    """Run the protocol in the module docstring.

    ``limit`` keeps the first N pairs of each kind per fold (for tests); ``peer`` also runs
    face_recognition's default pipeline on the same pairs.
    """
    thresholds = thresholds or MatchThresholds()
    pairs = parse_pairs(pairs_file)
    if limit is not None:
        pairs = first_pairs(pairs, limit)
    photos = sorted({photo_path(root, p.first) for p in pairs} | {photo_path(root, p.second) for p in pairs})
    missing = [p for p in photos if not p.is_file()]
    if missing:
        raise InvalidInputError(
            f"{len(missing)} photos named in {pairs_file.name} are not under {root}, e.g. {missing[0].name}."
        )
    workers = workers or max(1, min(4, os.cpu_count() or 1))
    started = time.perf_counter()
    with_reference = engine is not EncoderEngine.DLIB
    photos_encoded = encode_photos(photos, workers, progress, engine=engine, reference=with_reference)
    elapsed = time.perf_counter() - started
    encoded = {path: photo.ours for path, photo in photos_encoded.items()}

    failed = np.array(
        [encoded[photo_path(root, p.first)] is None or encoded[photo_path(root, p.second)] is None for p in pairs]
    )
    distances = np.array(
        [_pair_distance(encoded[photo_path(root, p.first)], encoded[photo_path(root, p.second)]) for p in pairs]
    )
    same = np.array([p.same for p in pairs])
    folds = np.array([p.fold for p in pairs])
    accuracy, far, frr = _rates(distances, same, failed, thresholds.verify)

    per_fold = []
    for fold in sorted(set(folds.tolist())):
        inside, outside = folds == fold, folds != fold
        best = max(THRESHOLD_GRID, key=lambda t: _rates(distances[inside], same[inside], failed[inside], t)[0])
        row = {
            "fold": fold + 1,
            "pairs": int(inside.sum()),
            "accuracy_at_default": round(
                _rates(distances[inside], same[inside], failed[inside], thresholds.verify)[0], 4
            ),
            "best_threshold": float(best),
            "best_accuracy": round(_rates(distances[inside], same[inside], failed[inside], best)[0], 4),
        }
        if outside.any():
            calibrated = _calibrate(distances[outside], same[outside], failed[outside])
            held_out = _rates(distances[inside], same[inside], failed[inside], calibrated)
            row |= {
                "threshold_from_other_folds": calibrated,
                "held_out_accuracy": round(held_out[0], 4),
                "held_out_far": round(held_out[1], 4),
            }
        per_fold.append(row)

    usable = [(p, e) for p in photos if (e := encoded[p]) is not None]
    identities = np.array([p.parent.name for p, _ in usable])
    cross = _cross_distances([e for _, e in usable])
    impostor = identities[:, None] != identities[None, :]
    genuine = ~impostor & ~np.eye(len(usable), dtype=bool)
    report: dict[str, Any] = {
        "pairs": len(pairs),
        "photos": len(photos),
        "threshold": thresholds.verify,
        "accuracy": round(accuracy, 4),
        "far": round(far, 4),
        "frr": round(frr, 4),
        "false_accepts": int(((distances <= thresholds.verify) & ~same & ~failed).sum()),
        "false_rejects": int(((distances > thresholds.verify) & same).sum()),
        "detection_failures": len(photos) - len(usable),
        "failed_pairs": int(failed.sum()),
        "folds": per_fold,
        "identification": {
            "threshold": thresholds.identify,
            "impostor_pairs": int(impostor.sum()),
            "far": round(float((cross[impostor] <= thresholds.identify).mean()), 6),
            "genuine_pairs": int(genuine.sum()),
            "genuine_accept_rate": round(float((cross[genuine] <= thresholds.identify).mean()), 4)
            if genuine.any()
            else None,
        },
        "engine": engine.value,
        "reference": _reference_check(photos_encoded, pairs, root, thresholds, cross) if with_reference else None,
        "workers": workers,
        "seconds": round(elapsed, 1),
        "images_per_second": round(len(photos) / elapsed, 2),
    }
    if peer:
        from app.services.benchmarks.lfw_peer import run_peer_lfw  # the optional peer

        report["peer"] = run_peer_lfw(pairs, root, workers)
    return report


def _cross_distances(encoded: list[Encoded]) -> npt.NDArray[np.float64]:
    """Every probe (rows) against every enrolment template (columns)."""
    templates = np.stack([e.template for e in encoded])
    probes = np.stack([e.probe for e in encoded])
    distances: npt.NDArray[np.float64] = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * (probes @ templates.T).astype(np.float64)))
    return distances


def _reference_check(
    photos: dict[Path, EncodedPhoto],
    pairs: list[LfwPair],
    root: Path,
    thresholds: MatchThresholds,
    cross: npt.NDArray[np.float64],
) -> dict[str, Any]:
    """Our engine against dlib's on the same chips: descriptor distance, 1:1 and 1:N decisions."""

    def decisions(pick: Callable[[EncodedPhoto], Encoded | None]) -> list[bool | None]:
        out: list[bool | None] = []
        for pair in pairs:
            first, second = pick(photos[photo_path(root, pair.first)]), pick(photos[photo_path(root, pair.second)])
            out.append(None if first is None or second is None else _pair_distance(first, second) <= thresholds.verify)
        return out

    ours = decisions(lambda photo: photo.ours)
    reference = decisions(lambda photo: photo.reference)
    usable = [photo.reference for photo in photos.values() if photo.reference is not None]
    reference_cross = _cross_distances(usable)
    differing_1n = int(((cross <= thresholds.identify) != (reference_cross <= thresholds.identify)).sum())
    return {
        "engine": EncoderEngine.DLIB.value,
        "max_descriptor_difference": float(f"{max(photo.difference for photo in photos.values()):.3g}"),
        "pair_decisions_differing": sum(a != b for a, b in zip(ours, reference, strict=True)),
        "identification_decisions_differing": differing_1n,
        "identification_decisions": int(cross.size),
    }
