"""An active liveness challenge from dlib's five landmarks: a small head turn.

What is measured: where the base of the nose sits between the two eyes, as a fraction of the
eye-to-eye line (about 0.5 when facing the camera). A real head turning sideways moves the nose
across that line because the nose stands out of the face; a flat picture cannot do that. Moving,
tilting, rotating or turning a printed photo or a phone showing a still picture changes the
picture's position, size and shear, but the fraction is (to first order) unchanged by those
affine changes, so the challenge is not passed.

What it does not stop: a video of the person turning their head played on a screen, a 3-D mask,
or a photo bent along the nose. With the prompted variant the side is chosen at random, so a
replayed video passes only when it happens to turn the asked way. docs/LIVENESS.md says more.
"""

import random
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from app.domain.faces import FaceLandmarks, TurnSide

BASELINE_FRAMES = 3


class ChallengeKind(StrEnum):
    """The challenges a kiosk can ask for (a policy setting)."""

    HEAD_TURN = "head_turn"  # turn slightly to either side
    HEAD_TURN_PROMPTED = "head_turn_prompted"  # turn to the side the kiosk names (chosen at random)


class LivenessState(StrEnum):
    """Where a challenge stands."""

    WAITING = "waiting"
    PASSED = "passed"
    FAILED = "failed"  # time ran out without the movement: offer the PIN


@dataclass(frozen=True)
class LivenessRules:
    """Policy: which challenge, how far to turn, and how long to wait."""

    challenge: ChallengeKind = ChallengeKind.HEAD_TURN
    min_turn: float = 0.12  # change of the nose position, as a fraction of the eye-to-eye distance
    timeout_seconds: float = 6.0


def nose_position(landmarks: FaceLandmarks) -> float:
    """Where the nose base projects onto the line between the eye centres, from the image-left eye.

    0.5 is straight ahead. The value grows when the nose moves towards the image's right, which
    for an unmirrored camera is the person turning to their own left.
    """
    first = np.mean(np.asarray(landmarks.right_eye, dtype=np.float64), axis=0)
    second = np.mean(np.asarray(landmarks.left_eye, dtype=np.float64), axis=0)
    left, right = (first, second) if first[0] <= second[0] else (second, first)
    axis = right - left
    length_squared = float(np.dot(axis, axis))
    if length_squared < 1.0:
        return 0.5
    return float(np.dot(np.asarray(landmarks.nose, dtype=np.float64) - left, axis) / length_squared)


class HeadTurnChallenge:
    """One challenge for one walk-up: fed the landmarks of successive frames, it passes or times out."""

    def __init__(self, rules: LivenessRules, *, rng: random.Random | None = None) -> None:
        self._rules = rules
        self.side: TurnSide | None = None
        if rules.challenge is ChallengeKind.HEAD_TURN_PROMPTED:
            self.side = (rng or random.SystemRandom()).choice((TurnSide.LEFT, TurnSide.RIGHT))
        self._baseline: list[float] = []
        self._started: float | None = None
        self.state = LivenessState.WAITING
        self.largest_turn = 0.0

    def observe(self, landmarks: FaceLandmarks | None, timestamp: float) -> LivenessState:
        """Take one frame's landmarks (``None``: no usable face in that frame)."""
        if self.state is not LivenessState.WAITING:
            return self.state
        if self._started is None:
            self._started = timestamp
        if landmarks is not None:
            position = nose_position(landmarks)
            if len(self._baseline) < BASELINE_FRAMES:
                self._baseline.append(position)
            else:
                turn = position - float(np.median(self._baseline))
                # The image's right is the person's left (the frame is not mirrored).
                signed = {None: abs(turn), TurnSide.LEFT: turn, TurnSide.RIGHT: -turn}[self.side]
                self.largest_turn = max(self.largest_turn, signed)
                if signed >= self._rules.min_turn:
                    self.state = LivenessState.PASSED
                    return self.state
        if timestamp - self._started > self._rules.timeout_seconds:
            self.state = LivenessState.FAILED
        return self.state
