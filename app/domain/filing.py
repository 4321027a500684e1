"""The 100,000-person filing counter (Measures Art. 15, R21)."""

from dataclasses import dataclass

FILING_THRESHOLD = 100_000
WARNING_LEVELS = (50_000, 90_000)


@dataclass(frozen=True)
class FilingStatus:
    """How close the installation is to the filing threshold."""

    people_with_face_data: int

    @property
    def level(self) -> str:
        """``below``, ``warning_50k``, ``warning_90k`` or ``filing_required``."""
        count = self.people_with_face_data
        if count >= FILING_THRESHOLD:
            return "filing_required"
        if count >= WARNING_LEVELS[1]:
            return "warning_90k"
        if count >= WARNING_LEVELS[0]:
            return "warning_50k"
        return "below"
