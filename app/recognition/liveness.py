"""Active liveness challenges from dlib's five landmarks: head turns, one or a random sequence.

What is measured: where the base of the nose sits between the two eyes, as a fraction of the
eye-to-eye line (about 0.5 when facing the camera). A real head turning sideways moves the nose
across that line because the nose stands out of the face; a flat picture cannot do that. Moving,
tilting, rotating or turning a printed photo or a phone showing a still picture changes the
picture's position, size and shear, but the fraction is (to first order) unchanged by those
affine changes, so the challenge is not passed.

The default challenge is a random sequence of prompts (turn left, turn right; three by default),
each to be done within its own time, from the straight-ahead position, and never the other way
first. A replayed video does what it was recorded doing, not what the kiosk asks now: it passes
only if its turns happen to come in the drawn order and in time. What it does not stop: a live
accomplice or a live video call, a 3-D mask, a photo bent along the nose. docs/LIVENESS.md says
more, with the measured replay, photo and print pass rates (``facedesk bench liveness``).
"""

import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np

from app.domain.faces import FaceLandmarks, TurnSide

BASELINE_FRAMES = 3


class ChallengeKind(StrEnum):
    """The challenges a kiosk can ask for (a policy setting)."""

    PROMPT_SEQUENCE = "prompt_sequence"  # a random sequence of turns, each in its own time (the default)
    HEAD_TURN = "head_turn"  # turn slightly to either side
    HEAD_TURN_PROMPTED = "head_turn_prompted"  # turn to the side the kiosk names (chosen at random)


class LivenessState(StrEnum):
    """Where a challenge stands."""

    WAITING = "waiting"
    PASSED = "passed"
    FAILED = "failed"  # time ran out without the movement: offer the PIN


@dataclass(frozen=True)
class LivenessRules:
    """Policy: which challenge, how far to turn, how long to wait, and how many prompts."""

    challenge: ChallengeKind = ChallengeKind.PROMPT_SEQUENCE
    min_turn: float = 0.12  # change of the nose position, as a fraction of the eye-to-eye distance
    timeout_seconds: float = 6.0  # for each prompt of a sequence; for the whole single-turn challenge
    prompts: int = 3


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


class _StraightAhead:
    """Where the nose sits when the person faces the camera: the median of the first frames with a face."""

    def __init__(self) -> None:
        self._positions: list[float] = []
        self._median: float | None = None

    def offset(self, landmarks: FaceLandmarks) -> float | None:
        """How far this frame's nose has moved from straight ahead (``None`` while still measuring it)."""
        position = nose_position(landmarks)
        if self._median is None:
            self._positions.append(position)
            if len(self._positions) == BASELINE_FRAMES:
                self._median = float(np.median(self._positions))
            return None
        return position - self._median


class LivenessChallenge(Protocol):
    """One challenge for one walk-up: fed the landmarks of successive frames, it passes or fails."""

    state: LivenessState

    @property
    def side(self) -> TurnSide | None:
        """The side asked for now (``None``: either side)."""
        ...

    @property
    def step(self) -> tuple[int, int]:
        """(number of the prompt shown now, from 1; prompts in all)."""
        ...

    def observe(self, landmarks: FaceLandmarks | None, timestamp: float) -> LivenessState:
        """Take one frame's landmarks (``None``: no usable face in that frame)."""
        ...


def new_challenge(rules: LivenessRules, *, rng: random.Random | None = None) -> LivenessChallenge:
    """The challenge ``rules`` ask for; prompts are drawn from ``rng`` (by default the OS's randomness)."""
    if rules.challenge is ChallengeKind.PROMPT_SEQUENCE:
        return PromptSequenceChallenge(rules, rng=rng)
    return HeadTurnChallenge(rules, rng=rng)


class PromptSequenceChallenge:
    """A random sequence of head turns, each from straight ahead, within its own time, never the wrong way.

    Positions are measured against the median of the first frames (the person facing the
    kiosk). A prompt counts only once the face has been back near straight ahead after the previous
    one (within half the required turn), so each turn is a new movement; from then on, turning the
    asked way by the required amount passes the prompt, and turning the other way by that amount
    fails the whole challenge: a recorded video cannot wait for the prompt and choose its side.
    """

    def __init__(
        self, rules: LivenessRules, *, rng: random.Random | None = None, prompts: tuple[TurnSide, ...] = ()
    ) -> None:
        """Draw ``rules.prompts`` sides from ``rng`` (by default the OS's randomness), or take ``prompts``."""
        if not prompts and rules.prompts < 1:
            raise ValueError("a sequence needs at least one prompt")
        draw = rng or random.SystemRandom()
        self._rules = rules
        sides = (TurnSide.LEFT, TurnSide.RIGHT)
        self.prompts: tuple[TurnSide, ...] = prompts or tuple(draw.choice(sides) for _ in range(rules.prompts))
        self._index = 0
        self._straight_ahead = _StraightAhead()
        self._prompt_started: float | None = None
        self._armed = True  # the first prompt counts from the straight-ahead frames themselves
        self.state = LivenessState.WAITING
        self.failure = ""  # why it failed: "timeout" or "wrong_way"

    @property
    def side(self) -> TurnSide | None:
        """The side asked for now."""
        return self.prompts[min(self._index, len(self.prompts) - 1)]

    @property
    def step(self) -> tuple[int, int]:
        """(prompt shown now, from 1; prompts in all)."""
        return min(self._index + 1, len(self.prompts)), len(self.prompts)

    def observe(self, landmarks: FaceLandmarks | None, timestamp: float) -> LivenessState:
        """Take one frame's landmarks (``None``: no usable face in that frame)."""
        if self.state is not LivenessState.WAITING:
            return self.state
        if self._prompt_started is None:
            self._prompt_started = timestamp
        offset = self._straight_ahead.offset(landmarks) if landmarks is not None else None
        if offset is not None:
            self._judge(offset, timestamp)
        if self.state is LivenessState.WAITING and timestamp - self._prompt_started > self._rules.timeout_seconds:
            self.state, self.failure = LivenessState.FAILED, "timeout"
        return self.state

    def _judge(self, offset: float, timestamp: float) -> None:
        threshold = self._rules.min_turn
        if not self._armed:  # a new turn starts from straight ahead
            self._armed = abs(offset) < threshold / 2
            return
        # The image's right is the person's left (the frame is not mirrored).
        signed = offset if self.side is TurnSide.LEFT else -offset
        if signed <= -threshold:
            self.state, self.failure = LivenessState.FAILED, "wrong_way"
        elif signed >= threshold:
            self._index += 1
            self._armed = False
            self._prompt_started = timestamp
            if self._index == len(self.prompts):
                self.state = LivenessState.PASSED


class HeadTurnChallenge:
    """One head turn (either side, or the side named): fed successive frames, it passes or times out."""

    def __init__(self, rules: LivenessRules, *, rng: random.Random | None = None) -> None:
        self._rules = rules
        self._side: TurnSide | None = None
        if rules.challenge is ChallengeKind.HEAD_TURN_PROMPTED:
            self._side = (rng or random.SystemRandom()).choice((TurnSide.LEFT, TurnSide.RIGHT))
        self._straight_ahead = _StraightAhead()
        self._started: float | None = None
        self.state = LivenessState.WAITING
        self.largest_turn = 0.0

    @property
    def side(self) -> TurnSide | None:
        """The side named (``None``: either side)."""
        return self._side

    @property
    def step(self) -> tuple[int, int]:
        """Always the one prompt."""
        return 1, 1

    def observe(self, landmarks: FaceLandmarks | None, timestamp: float) -> LivenessState:
        """Take one frame's landmarks (``None``: no usable face in that frame)."""
        if self.state is not LivenessState.WAITING:
            return self.state
        if self._started is None:
            self._started = timestamp
        turn = self._straight_ahead.offset(landmarks) if landmarks is not None else None
        if turn is not None:
            # The image's right is the person's left (the frame is not mirrored).
            signed = {None: abs(turn), TurnSide.LEFT: turn, TurnSide.RIGHT: -turn}[self._side]
            self.largest_turn = max(self.largest_turn, signed)
            if signed >= self._rules.min_turn:
                self.state = LivenessState.PASSED
                return self.state
        if timestamp - self._started > self._rules.timeout_seconds:
            self.state = LivenessState.FAILED
        return self.state
