"""face_recognition's own pipeline on LFW pairs, the peer for ``bench lfw --peer``.

Its defaults throughout: ``face_locations`` (HOG, upsampled once), the face nearest the centre
(LFW's convention, as for ours), ``face_encodings`` (one pass), and ``compare_faces``' tolerance
0.6. Photos are encoded in worker processes because the encoder holds the GIL.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.services.benchmarks.lfw_bench import LfwPair, photo_path
from app.services.benchmarks.peer import face_recognition_package

PEER_TOLERANCE = 0.6


def _encode(path: Path) -> np.ndarray | None:
    peer = face_recognition_package()
    image = peer.load_image_file(str(path))
    locations = peer.face_locations(image)
    if not locations:
        return None
    height, width = image.shape[:2]
    central = min(
        locations,
        key=lambda box: ((box[1] + box[3]) / 2 - width / 2) ** 2 + ((box[0] + box[2]) / 2 - height / 2) ** 2,
    )
    encoding: npt.NDArray[Any] = peer.face_encodings(image, [central])[0]
    return encoding


def _distance(first: npt.NDArray[Any] | None, second: npt.NDArray[Any] | None) -> float:
    return float(np.inf) if first is None or second is None else float(np.linalg.norm(first - second))


def run_peer_lfw(pairs: list[LfwPair], root: Path, workers: int) -> dict[str, Any]:
    """Accuracy, FAR, FRR and failures of face_recognition's defaults on ``pairs``."""
    photos = sorted({photo_path(root, p.first) for p in pairs} | {photo_path(root, p.second) for p in pairs})
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        encodings = dict(zip(photos, pool.map(_encode, photos, chunksize=16), strict=True))
    failed = np.array(
        [encodings[photo_path(root, p.first)] is None or encodings[photo_path(root, p.second)] is None for p in pairs]
    )
    same = np.array([p.same for p in pairs])
    distances = np.array(
        [_distance(encodings[photo_path(root, p.first)], encodings[photo_path(root, p.second)]) for p in pairs]
    )
    accepted = (distances <= PEER_TOLERANCE) & ~failed
    correct = np.where(same, accepted, ~accepted) & ~failed
    return {
        "package": "face_recognition",
        "threshold": PEER_TOLERANCE,
        "accuracy": round(float(correct.mean()), 4),
        "far": round(float(accepted[~same].mean()), 4),
        "frr": round(float((~accepted[same]).mean()), 4),
        "false_accepts": int((accepted & ~same).sum()),
        "false_rejects": int((~accepted & same).sum()),
        "detection_failures": sum(v is None for v in encodings.values()),
    }
