"""The layer rules of DESIGN.md section 4, checked on every test run.

The contracts live in pyproject.toml under [tool.importlinter]; this test runs them.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_import_linter(project: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(lint_imports), "--no-cache", "--no-logo", str(REPO_ROOT / "pyproject.toml")],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_layers_import_one_way_and_widgets_never_touch_storage() -> None:
    result = run_import_linter()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_catch_a_widget_that_imports_storage(tmp_path: Path) -> None:
    """The check can fail: a copy of the package with one UI module importing storage is refused."""
    shutil.copytree(REPO_ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    offender = tmp_path / "app" / "ui" / "zz_layer_violation_probe.py"
    offender.write_text('"""Deliberate violation for the architecture test."""\n\nimport app.storage.database\n')
    result = run_import_linter(tmp_path)
    assert result.returncode != 0
    assert "zz_layer_violation_probe" in result.stdout
