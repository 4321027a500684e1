"""Turning template distances into decisions: 1:1 verification and 1:N identification.

Distances are Euclidean between L2-normalised 128-d templates (0 = identical, 2 = opposite).
Default thresholds were calibrated on ../shared/datasets/lfw-dev; docs/PERFORMANCE.md shows how.
"""

from dataclasses import dataclass
from enum import StrEnum

# 1:1: 99.08 % accuracy, 0.17 % false accepts on the 1,200 lfw-dev pairs; each fold's best threshold.
DEFAULT_VERIFY_THRESHOLD = 0.41
# 1:N: 0.009 % false accepts over all 2.49 million cross-identity lfw-dev pairs (target <= 0.1 %).
# Stricter than the target because a search compares a stranger with every enrolled person: with
# 20 staff about 0.18 % of strangers' searches could match someone, and "unknown" costs only a PIN.
DEFAULT_IDENTIFY_THRESHOLD = 0.34
# 1:N: the best person must beat the next person by this much, or the answer is "unknown".
DEFAULT_IDENTIFY_MARGIN = 0.04


@dataclass(frozen=True)
class MatchThresholds:
    """Decision thresholds, read from the policy settings."""

    verify: float = DEFAULT_VERIFY_THRESHOLD
    identify: float = DEFAULT_IDENTIFY_THRESHOLD
    identify_margin: float = DEFAULT_IDENTIFY_MARGIN


class VerificationDecision(StrEnum):
    """Outcome of comparing a live face with one person's own templates."""

    MATCH = "match"
    NO_MATCH = "no_match"


def verification_decision(distance: float, thresholds: MatchThresholds) -> VerificationDecision:
    """``MATCH`` when the closest of the person's templates is within the 1:1 threshold."""
    return VerificationDecision.MATCH if distance <= thresholds.verify else VerificationDecision.NO_MATCH


@dataclass(frozen=True)
class IdentificationResult:
    """Outcome of a 1:N search. ``person_id`` is ``None`` for "unknown", never the nearest stranger."""

    person_id: int | None
    distance: float
    runner_up_distance: float
    reason: str  # "identified", "too_far", "ambiguous" or "empty_gallery"

    @property
    def known(self) -> bool:
        """Whether someone was identified."""
        return self.person_id is not None
