"""The suite's own rules: a stated skip passes on a bare machine and fails under .ci/run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.flows import AbandonReason
from tests.conftest import REPO_ROOT
from tests.helpers.sweeps import ABANDON_REASONS
from tests.helpers.system_components import NEED_EVERYTHING_ENV

NEEDS_A_WIDGET = """
import pytest

def test_needs_a_component():
    pytest.skip("no widget service here: apt-get install widget")

def test_plain():
    pass
"""


def run_suite(folder: Path, *, need_everything: bool) -> subprocess.CompletedProcess[str]:
    (folder / "test_component.py").write_text(NEEDS_A_WIDGET, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != NEED_EVERYTHING_ENV}
    if need_everything:
        env[NEED_EVERYTHING_ENV] = "1"
    return subprocess.run(
        # the project's own hooks (tests/conftest.py) on a test file outside the project
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-c", os.devnull, "--rootdir", str(folder),
         "-p", "no:cacheprovider", str(folder / "test_component.py")],
        cwd=REPO_ROOT, env={**env, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip


def test_a_missing_component_is_a_stated_skip_on_a_bare_machine(tmp_path: Path) -> None:
    result = run_suite(tmp_path, need_everything=False)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 skipped" in result.stdout


def test_under_ci_a_skip_fails_the_run_and_says_why(tmp_path: Path) -> None:
    result = run_suite(tmp_path, need_everything=True)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed" in result.stdout
    assert "apt-get install widget" in result.stdout


@pytest.mark.parametrize("marker", ["slow"])
def test_the_long_suites_are_marked_and_left_out_of_the_default_run(marker: str) -> None:
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"-m", "not {marker}"' in pyproject
    for path in (
        "tests/integration/test_crash_safety.py",
        "tests/ui/test_screens.py",
        "tests/integration/test_fault_matrix.py",
    ):
        assert f"@pytest.mark.{marker}" in (REPO_ROOT / path).read_text(encoding="utf-8"), path
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"uv run pytest -m {marker}" in ci and f"{NEED_EVERYTHING_ENV}=1" in ci


def test_a_sweep_keeps_some_values_in_the_default_run_and_every_value_in_the_slow_one() -> None:
    default_run = [value for value in ABANDON_REASONS if not hasattr(value, "marks")]
    slow_run = [value.values[0] for value in ABANDON_REASONS if hasattr(value, "marks")]
    assert default_run == [AbandonReason.CAMERA_LOST, AbandonReason.IDLE_LOCK]
    assert sorted([*default_run, *slow_run]) == sorted(AbandonReason)
    assert all(mark.name == "slow" for value in ABANDON_REASONS if hasattr(value, "marks") for mark in value.marks)
