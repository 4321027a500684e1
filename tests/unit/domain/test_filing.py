"""The filing deadline counts Chinese working days from a maintained calendar (issue 16, R21)."""

from datetime import date

import pytest

from app.domain.filing import filing_deadline


@pytest.mark.req("R21")
def test_a_deadline_across_the_2026_national_day_week_skips_it_and_counts_its_adjusted_saturday() -> None:
    """Reached on Monday 2026-09-28. National Day: Thursday 1 to Wednesday 7 October are holidays,
    and Saturday 10 October is a working day in their place."""
    assert filing_deadline(date(2026, 9, 28), working_days=5) == date(2026, 10, 10)
    # 29, 30 Sep; 8, 9, 10 Oct (the adjusted Saturday) = 5; 12-16 Oct = 10; 19-23 Oct = 15;
    # 26-30 Oct = 20; 2-6 Nov = 25; 9-13 Nov = 30.
    assert filing_deadline(date(2026, 9, 28)) == date(2026, 11, 13)
    # Counting Monday to Friday alone would have said 2026-11-09: four days too early.


@pytest.mark.req("R21")
def test_the_mid_autumn_festival_and_the_adjusted_sunday_before_national_day_count_as_they_should() -> None:
    # Reached Tuesday 2026-09-15: 16, 17, 18 Sep; Sunday 20 Sep is a working day; Friday 25 Sep is
    # the Mid-Autumn Festival, a holiday.
    assert filing_deadline(date(2026, 9, 15), working_days=4) == date(2026, 9, 20)
    assert filing_deadline(date(2026, 9, 23), working_days=2) == date(2026, 9, 28)
