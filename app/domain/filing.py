"""The 100,000-person filing counter (Measures Art. 15, R21)."""

from dataclasses import dataclass
from datetime import date, timedelta

FILING_THRESHOLD = 100_000
WARNING_LEVELS = (50_000, 90_000)
MILESTONES = (*WARNING_LEVELS, FILING_THRESHOLD)
FILING_WORKING_DAYS = 30


def filing_deadline(reached: date, working_days: int = FILING_WORKING_DAYS) -> date:
    """The day ``working_days`` working days (Monday to Friday) after ``reached``.

    Public holidays are not known to FaceDesk, so the administrator confirms the date; weekends
    alone already make it a safe upper bound only when no holiday falls in between.
    """
    day, remaining = reached, working_days
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


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
