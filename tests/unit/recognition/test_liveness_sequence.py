"""The random sequence of head turns: order, timing, return to the front, and the wrong way."""

import random

import pytest

from app.domain.faces import FaceLandmarks, TurnSide
from app.recognition.liveness import (
    ChallengeKind,
    HeadTurnChallenge,
    LivenessRules,
    LivenessState,
    PromptSequenceChallenge,
    new_challenge,
    nose_position,
)

FRAME = 1 / 30


def face(nose_fraction: float) -> FaceLandmarks:
    """Eyes level at x 100..200 (corners), the nose base at ``nose_fraction`` of the way between them."""
    return FaceLandmarks(
        right_eye=((90.0, 100.0), (110.0, 100.0)),
        left_eye=((190.0, 100.0), (210.0, 100.0)),
        nose=(100.0 + 100.0 * nose_fraction, 140.0),
    )


def play(challenge: PromptSequenceChallenge, positions: list[float], start: float = 0.0) -> float:
    """Feed one frame per position (30 fps); return the time after the last frame."""
    timestamp = start
    for position in positions:
        challenge.observe(face(position), timestamp)
        timestamp += FRAME
    return timestamp


def turn(side: TurnSide, amount: float = 0.2) -> list[float]:
    """Out from the front to ``amount`` and back, as a person turns (the image's right is their left)."""
    target = 0.5 + amount if side is TurnSide.LEFT else 0.5 - amount
    out = [0.5 + (target - 0.5) * k / 6 for k in range(7)]
    return out + out[::-1]


def rules(prompts: int = 3) -> LivenessRules:
    return LivenessRules(min_turn=0.12, timeout_seconds=4.0, prompts=prompts)


def seeded(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - repeatable draws for a test; the kiosk uses the OS's randomness


def test_the_synthetic_face_measures_as_intended() -> None:
    assert nose_position(face(0.5)) == pytest.approx(0.5)
    assert nose_position(face(0.7)) == pytest.approx(0.7)


def test_turning_the_asked_way_each_time_passes() -> None:
    challenge = PromptSequenceChallenge(rules(), rng=seeded(4))
    timestamp = play(challenge, [0.5] * 3)  # the baseline: facing the kiosk
    for number, side in enumerate(challenge.prompts, start=1):
        assert challenge.step == (number, 3) and challenge.side is side
        timestamp = play(challenge, turn(side), timestamp)
    assert challenge.state is LivenessState.PASSED


def test_turning_the_other_way_fails_at_once() -> None:
    challenge = PromptSequenceChallenge(rules(), prompts=(TurnSide.LEFT, TurnSide.RIGHT, TurnSide.LEFT))
    timestamp = play(challenge, [0.5] * 3 + turn(TurnSide.LEFT))
    assert challenge.step == (2, 3)
    play(challenge, turn(TurnSide.LEFT), timestamp)  # asked right, turned left again
    assert challenge.state is LivenessState.FAILED and challenge.failure == "wrong_way"


def test_a_turn_held_through_the_next_prompt_does_not_count_twice() -> None:
    """Staying turned left does not answer a second "left": the face must come back to the front first."""
    challenge = PromptSequenceChallenge(rules(prompts=2), prompts=(TurnSide.LEFT, TurnSide.LEFT))
    play(challenge, [0.5] * 3 + [0.55, 0.6, 0.65, 0.7] + [0.7] * 60)
    assert challenge.step == (2, 2) and challenge.state is LivenessState.WAITING
    play(challenge, [0.5, 0.6, 0.7], 3.0)
    assert challenge.state is LivenessState.PASSED


def test_each_prompt_has_its_own_time() -> None:
    challenge = PromptSequenceChallenge(rules(), prompts=(TurnSide.RIGHT, TurnSide.RIGHT, TurnSide.RIGHT))
    timestamp = play(challenge, [0.5] * 3 + turn(TurnSide.RIGHT))  # the first turn, in time
    timestamp = play(challenge, [0.5] * int(3.5 / FRAME), timestamp)  # 3.5 s of waiting is still in time
    assert challenge.state is LivenessState.WAITING
    play(challenge, [0.5] * int(1.0 / FRAME), timestamp)  # past 4 s since the second prompt appeared
    assert challenge.state is LivenessState.FAILED and challenge.failure == "timeout"


def test_a_still_picture_never_passes() -> None:
    challenge = PromptSequenceChallenge(rules())
    play(challenge, [0.5] * int(5 / FRAME))
    assert challenge.state is LivenessState.FAILED


def test_prompts_are_drawn_at_random() -> None:
    drawn = {PromptSequenceChallenge(rules(), rng=seeded(seed)).prompts for seed in range(64)}
    assert len(drawn) == 8  # every sequence of three sides occurs
    system = {PromptSequenceChallenge(rules()).prompts for _ in range(64)}  # the OS's randomness
    assert len(system) > 1


def test_the_policy_chooses_the_challenge() -> None:
    assert isinstance(new_challenge(LivenessRules()), PromptSequenceChallenge)
    assert isinstance(new_challenge(LivenessRules(challenge=ChallengeKind.HEAD_TURN)), HeadTurnChallenge)
    assert new_challenge(LivenessRules(challenge=ChallengeKind.HEAD_TURN)).step == (1, 1)
