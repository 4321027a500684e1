"""Counts and the filing counter (R21)."""

from datetime import date

import pytest

from app.domain.filing import FilingStatus, filing_deadline
from app.services.desk_services import DeskServices


def test_a_new_installation_counts_its_admin_and_setup_events(desk: DeskServices) -> None:
    summary = desk.statistics.summary()
    assert summary["operators"] == 1
    assert summary["people"] == {"guests": 0, "staff": 0}
    assert summary["people_with_face_data"] == 0
    assert summary["audit_events"] == 3  # database created, first admin, setup completed
    assert summary["filing"]["threshold"] == 100_000


@pytest.mark.req("R21")
@pytest.mark.parametrize(
    ("count", "level"),
    [
        (0, "below"),
        (49_999, "below"),
        (50_000, "warning_50k"),
        (90_000, "warning_90k"),
        (100_000, "filing_required"),
    ],
)
def test_the_filing_level_follows_the_thresholds(count: int, level: str) -> None:
    assert FilingStatus(count).level == level


@pytest.mark.req("R21")
@pytest.mark.parametrize(
    ("reached", "deadline"),
    [
        (date(2026, 6, 1), date(2026, 7, 14)),  # Monday: 6 weeks, plus Dragon Boat Festival (Fri 2026-06-19)
        (date(2026, 6, 5), date(2026, 7, 20)),  # Friday: the same holiday moves it past a weekend
        (date(2026, 6, 6), date(2026, 7, 20)),  # Saturday counts from the Monday after
    ],
)
def test_the_filing_deadline_is_30_working_days_later(reached: date, deadline: date) -> None:
    assert filing_deadline(reached) == deadline
