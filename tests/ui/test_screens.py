"""Every screen in both languages: no text cut off or squeezed (DESIGN.md 3a, R23).

The same tour renders the README screenshots (tests/ui/screenshot_tour.py); here nothing is saved.
"""

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO_ROOT
from tests.ui.screenshot_tour import run_tour


@pytest.mark.slow  # the whole screenshot tour: every screen of the desk
@pytest.mark.req("R23")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_screen_fits_its_text(qapp: QApplication, shared_datasets, language: str) -> None:
    tour = run_tour(language, out=None)
    committed = sorted(path.stem for path in (REPO_ROOT / "assets" / "screenshots" / language).glob("*.png"))
    assert sorted(tour.shots) == committed  # every screen the tour walks is committed, and no stale one
    assert len(committed) == 53
    assert tour.problems == []


@pytest.mark.slow
@pytest.mark.req("R23")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_screen_fits_its_text_in_large_text_and_high_contrast(
    qapp: QApplication, shared_datasets, language: str
) -> None:
    tour = run_tour(language, out=None, large_high_contrast=True)
    assert len(tour.shots) == 53
    assert tour.problems == []
