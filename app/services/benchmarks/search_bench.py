"""``bench search``: 1:N search latency over a gallery of N templates.

The gallery holds N random unit vectors (one per person; the distribution of real templates
does not change the cost of a search, which is one matrix-vector product over all of them).
Half the queries are noisy copies of enrolled templates, half are strangers.
"""

import statistics
import time
from typing import Any

import numpy as np

from app.domain.errors import InvalidInputError
from app.domain.matching import MatchThresholds
from app.recognition.gallery import TemplateGallery
from app.services.benchmarks.peer import face_recognition_package

BUILD_CHUNK = 100_000


def _unit_vectors(rng: np.random.Generator, count: int) -> np.ndarray:
    vectors = rng.standard_normal((count, 128), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def run_search_benchmark(n: int, *, queries: int = 100, seed: int = 0) -> dict[str, Any]:
    """Build a gallery of ``n`` templates and time ``queries`` searches."""
    if n < 1 or queries < 1:
        raise ValueError("n and queries must be at least 1")
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    gallery = TemplateGallery(capacity=n)
    chunks = []
    for start in range(0, n, BUILD_CHUNK):
        count = min(BUILD_CHUNK, n - start)
        chunks.append(_unit_vectors(rng, count))
        gallery.add(np.arange(start, start + count), chunks[-1])
    build_seconds = time.perf_counter() - started

    thresholds = MatchThresholds()
    probes = []
    for index in range(queries):
        if index % 2 == 0:
            enrolled = gallery.templates_of(int(rng.integers(n)))[0]
            noisy = enrolled + rng.normal(scale=0.015, size=128).astype(np.float32)
            probes.append((noisy / np.linalg.norm(noisy)).astype(np.float32))
        else:
            probes.append(_unit_vectors(rng, 1)[0])
    gallery.identify(probes[0], thresholds)  # warm-up
    timings, identified = [], 0
    for probe in probes:
        started = time.perf_counter()
        result = gallery.identify(probe, thresholds)
        timings.append((time.perf_counter() - started) * 1000.0)
        identified += result.known
    ordered = sorted(timings)
    peer_ms = _peer_median_ms(np.concatenate(chunks), probes[: min(len(probes), 20)])
    return {
        "n": n,
        "queries": queries,
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3),
        "max_ms": round(ordered[-1], 3),
        "identified": identified,
        "gallery_mb": round(gallery.nbytes / 1e6, 1),
        "build_seconds": round(build_seconds, 2),
        "face_recognition_median_ms": peer_ms,
    }


def _peer_median_ms(known: np.ndarray, probes: list[np.ndarray]) -> float | None:
    """face_recognition's way: ``face_distance`` over all known encodings, then the minimum."""
    try:
        peer = face_recognition_package()
    except InvalidInputError:
        return None
    timings = []
    for probe in probes:
        started = time.perf_counter()
        int(np.argmin(peer.face_distance(known, probe)))
        timings.append((time.perf_counter() - started) * 1000.0)
    return round(statistics.median(timings), 3)
