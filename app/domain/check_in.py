"""How a guest is identified at check-in: face or the manual ID check, offered as equals (R8, R9).

There is deliberately no way to build an offer without the manual ID check, and no way to mark
either option as pre-selected or recommended.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class CheckInMethod(StrEnum):
    """The two ways to complete a check-in."""

    FACE = "face"
    MANUAL = "manual"


class FaceUnavailableReason(StrEnum):
    """Why the face option is not offered this time (the manual check always is)."""

    PURPOSE_NOT_ENABLED = "purpose_not_enabled"  # R1
    IMPACT_ASSESSMENT_MISSING = "impact_assessment_missing"  # R2
    UNDER_14 = "under_14"  # R7, guardian flow off
    DECLINED_THIS_STAY = "declined_this_stay"  # R9: never ask again during the stay
    DECLINED_RECENTLY = "declined_recently"  # R9: not offered again for 48 h after a no (the guest may ask)


@dataclass(frozen=True)
class MethodOffer:
    """The choice shown to the guest.

    ``options`` always contains the manual check, and nothing is ever pre-selected.
    """

    options: tuple[CheckInMethod, ...]
    face_unavailable: FaceUnavailableReason | None = None
    # a child under 14 with the guardian flow on: a guardian consents (R7); keyword-only, so that no
    # positional argument can ever slip in where a pre-selection would go
    guardian_needed: bool = field(default=False, kw_only=True)
    preselected: None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if CheckInMethod.MANUAL not in self.options:
            raise ValueError("the manual ID check is always offered")
        if len(set(self.options)) != len(self.options):
            raise ValueError("each method is offered once")
        if (CheckInMethod.FACE in self.options) == (self.face_unavailable is not None):
            raise ValueError("face is offered exactly when no reason stands against it")

    @classmethod
    def both(cls, *, guardian_needed: bool = False) -> "MethodOffer":
        """Face and manual, side by side (face through a guardian's consent for a child under 14)."""
        return cls((CheckInMethod.FACE, CheckInMethod.MANUAL), guardian_needed=guardian_needed)

    @classmethod
    def manual_only(cls, reason: FaceUnavailableReason) -> "MethodOffer":
        """Only the manual check, with the neutral reason face is not offered."""
        return cls((CheckInMethod.MANUAL,), reason)
