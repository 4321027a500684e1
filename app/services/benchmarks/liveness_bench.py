"""``bench liveness``: how often the liveness challenge passes a replay, a photo, a print, and a real person.

Every challenge is the kiosk's own (``new_challenge`` with the policy defaults unless told
otherwise), fed the landmarks the real detector finds in each frame, with the frames' own times.
Challenge ``i`` draws its prompts from ``random.Random(seed + i)``, so a run is repeatable.

- **Replay** (a video of the person held up to the camera): the video from its first frame, the
  same for every challenge, followed by frames with no face (the video has ended) until the
  challenge decides.
- **Photo**: the still photo, unchanged in every frame, until the challenge decides.
- **Print**: the photo as a print in a hand that follows the prompts: for each prompt it is turned
  about its vertical axis towards the asked side, up to 40 degrees and back, over and over, with
  a small in-plane wobble and change of distance. Landmarks are found on each warped frame.
- **Genuine**: the video's real head turns, prompted in the order they happen, with the challenge
  started at each frame of the second before the first turn.
"""

import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.camera.file_source import VideoFileSource
from app.camera.frames import load_image
from app.domain.errors import InvalidInputError
from app.domain.faces import FaceLandmarks, TurnSide
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.liveness import (
    BASELINE_FRAMES,
    LivenessChallenge,
    LivenessRules,
    LivenessState,
    PromptSequenceChallenge,
    new_challenge,
    nose_position,
)
from app.recognition.models import FaceModels

Observation = tuple[float, FaceLandmarks | None]
FRAME_SECONDS = 1 / 30
PRINT_MAX_DEGREES = 40.0
PRINT_SWEEP_SECONDS = 1.2  # out to the largest angle and back


@dataclass(frozen=True)
class AttackResult:
    """How many challenges passed of how many."""

    challenges: int
    passed: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with the rate."""
        return {"challenges": self.challenges, "passed": self.passed, "pass_rate": self.passed / self.challenges}


def _seeded(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - repeatable challenges for a benchmark; the kiosk draws from the OS


def _landmarks(analyzer: FaceAnalyzer, image: npt.NDArray[np.uint8]) -> FaceLandmarks | None:
    analysis = analyzer.analyse(image)
    return analysis.face.landmarks if analysis.face is not None and analysis.verdict.usable_for_matching else None


def _video(analyzer: FaceAnalyzer, path: Path) -> list[Observation]:
    source = VideoFileSource(path, realtime=False)
    source.open()
    observations: list[Observation] = []
    try:
        while (frame := source.read()) is not None:
            observations.append((frame.timestamp, _landmarks(analyzer, frame.image)))
    finally:
        source.close()
    return observations


def _run(rules: LivenessRules, seed: int, frames: list[Observation], *, prompts: tuple[TurnSide, ...] = ()) -> bool:
    """Feed ``frames``, then empty frames until the challenge decides; whether it passed.

    ``prompts``: ask for these turns (the genuine run prompts the video's real turns) instead of drawing.
    """
    challenge: LivenessChallenge = (
        PromptSequenceChallenge(rules, prompts=prompts) if prompts else new_challenge(rules, rng=_seeded(seed))
    )
    last = frames[-1][0] if frames else 0.0
    tail = ((last + FRAME_SECONDS * (i + 1), None) for i in range(int((rules.timeout_seconds + 1) / FRAME_SECONDS)))
    for timestamp, landmarks in [*frames, *tail]:
        if challenge.observe(landmarks, timestamp) is not LivenessState.WAITING:
            break
    return challenge.state is LivenessState.PASSED


def _print_frame(image: npt.NDArray[np.uint8], degrees: float, wobble: float) -> npt.NDArray[np.uint8]:
    """The photo turned by ``degrees`` about its vertical axis (perspective), rotated and scaled by ``wobble``."""
    import cv2  # only the print attack warps images

    height, width = image.shape[:2]
    turn = math.radians(degrees)
    squeeze = (1 - math.cos(turn)) * width / 2  # how much nearer the far edge comes to the centre
    depth = math.sin(abs(turn)) * 0.12 * height  # the far edge looks shorter
    near, far = (0.0, depth) if degrees >= 0 else (depth, 0.0)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    target = np.array(
        [
            [squeeze, near],
            [width - squeeze, far],
            [width - squeeze, height - far],
            [squeeze, height - near],
        ],
        dtype=np.float32,
    )
    transform = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(image, transform, (width, height))
    wobble_matrix = cv2.getRotationMatrix2D((width / 2, height / 2), 5.0 * wobble, 1.0 + 0.05 * wobble)
    return np.ascontiguousarray(cv2.warpAffine(warped, wobble_matrix, (width, height)))


class _PrintInHand:
    """Landmarks of the warped print at each angle, found once (the detector is the costly part)."""

    def __init__(self, analyzer: FaceAnalyzer, image: npt.NDArray[np.uint8]) -> None:
        self._analyzer, self._image = analyzer, image
        self._cache: dict[tuple[int, int], FaceLandmarks | None] = {}

    def landmarks(self, degrees: float, wobble: float) -> FaceLandmarks | None:
        key = (round(degrees / 2.5), round(wobble * 4))
        if key not in self._cache:
            self._cache[key] = _landmarks(self._analyzer, _print_frame(self._image, key[0] * 2.5, key[1] / 4))
        return self._cache[key]


def _print_attack(rules: LivenessRules, seed: int, hand: _PrintInHand) -> bool:
    """The print follows each prompt (turned towards the asked side) until the challenge decides."""
    challenge = new_challenge(rules, rng=_seeded(seed))
    timestamp, prompt_started, current = 0.0, 0.0, challenge.step
    limit = rules.timeout_seconds * (rules.prompts + 1) + 2
    while challenge.state is LivenessState.WAITING and timestamp < limit:
        if challenge.step != current:
            current, prompt_started = challenge.step, timestamp
        phase = ((timestamp - prompt_started) % PRINT_SWEEP_SECONDS) / PRINT_SWEEP_SECONDS
        # The image's right is the person's left: turning the print's right edge away mimics a left turn.
        toward = 1.0 if challenge.side in (TurnSide.LEFT, None) else -1.0
        degrees = toward * PRINT_MAX_DEGREES * math.sin(math.pi * phase)
        wobble = math.sin(2 * math.pi * timestamp / 0.9)
        challenge.observe(hand.landmarks(degrees, wobble), timestamp)
        timestamp += FRAME_SECONDS
    return challenge.state is LivenessState.PASSED


def real_turns(observations: list[Observation], min_turn: float) -> list[tuple[int, TurnSide]]:
    """(frame index where it reaches ``min_turn``, side) of each head turn in a video of a real person.

    A turn is an excursion from the first frames' straight-ahead position by ``min_turn`` or more,
    counted again only after the face has come back within half of it.
    """
    faces = [(i, nose_position(lm)) for i, (_, lm) in enumerate(observations) if lm is not None]
    if len(faces) <= BASELINE_FRAMES:
        return []
    baseline = float(np.median([position for _, position in faces[:BASELINE_FRAMES]]))
    turns, armed = [], True
    for index, position in faces[BASELINE_FRAMES:]:
        offset = position - baseline
        if armed and abs(offset) >= min_turn:
            turns.append((index, TurnSide.LEFT if offset > 0 else TurnSide.RIGHT))
            armed = False
        elif abs(offset) < min_turn / 2:
            armed = True
    return turns


def run_liveness_benchmark(
    video: Path,
    photo: Path,
    *,
    sequences: int = 200,
    seed: int = 0,
    rules: LivenessRules | None = None,
) -> dict[str, Any]:
    """Run the four measurements of the module docstring."""
    for path in (video, photo):
        if not path.is_file():
            raise InvalidInputError(f"{path}: no such file.")
    if sequences < 1:
        raise InvalidInputError("--sequences must be at least 1.")
    rules = rules or LivenessRules()
    analyzer = FaceAnalyzer(FaceModels())
    clip = _video(analyzer, video)
    still = _landmarks(analyzer, load_image(photo))
    if still is None:
        raise InvalidInputError(f"No usable face in {photo.name}.")
    photo_frames: list[Observation] = [
        (i * FRAME_SECONDS, still) for i in range(int(rules.timeout_seconds * (rules.prompts + 1) / FRAME_SECONDS))
    ]
    hand = _PrintInHand(analyzer, load_image(photo))
    seeds = range(seed, seed + sequences)
    replay = AttackResult(sequences, sum(_run(rules, s, clip) for s in seeds))
    photo_result = AttackResult(sequences, sum(_run(rules, s, photo_frames) for s in seeds))
    print_result = AttackResult(sequences, sum(_print_attack(rules, s, hand) for s in seeds))

    turns = real_turns(clip, rules.min_turn)
    genuine = None
    if turns:
        first_turn = turns[0][0]
        first_face = next(i for i, (_, lm) in enumerate(clip) if lm is not None)
        starts = range(max(first_face, first_turn - round(1 / FRAME_SECONDS)), first_turn - BASELINE_FRAMES)
        prompts = tuple(side for _, side in turns)
        genuine = AttackResult(
            len(starts), sum(_run(rules, 0, clip[start:], prompts=prompts) for start in starts)
        ).as_dict() | {"turns": [f"{side.value} at {clip[index][0]:.2f} s" for index, side in turns]}
    return {
        "challenge": rules.challenge.value,
        "prompts": rules.prompts,
        "seconds_per_prompt": rules.timeout_seconds,
        "min_turn": rules.min_turn,
        "seeds": [seed, seed + sequences - 1],
        "video": video.name,
        "photo": photo.name,
        "replay": replay.as_dict(),
        "photo_attack": photo_result.as_dict(),
        "print_attack": print_result.as_dict(),
        "genuine": genuine,
    }
