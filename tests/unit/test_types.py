"""Types are checked on every test run: mypy, strict for app/ (configured in pyproject.toml)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
MOST_IGNORES = 5
# "# type: ignore[code]" must be followed by a comment saying why.
EXPLAINED_IGNORE = re.compile(r"#\s*type:\s*ignore\[[a-z-, ]+\]\s*#\s*\S")


def run_mypy(project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--config-file", str(project / "pyproject.toml")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_mypy_strict_passes_on_the_application(tmp_path: Path) -> None:
    result = run_mypy(REPO_ROOT, tmp_path / "mypy-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_mypy_catches_a_wrong_type(tmp_path: Path) -> None:
    """The check can fail: a copy of the code with one wrongly typed call is refused."""
    shutil.copytree(REPO_ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    probe = tmp_path / "app" / "zz_type_probe.py"
    probe.write_text(
        '"""Deliberate type error for the type-check test."""\n\n'
        "from app.domain.flows import AbandonReason\n\n\n"
        "def reason() -> AbandonReason:\n"
        '    """Wrong on purpose."""\n'
        '    return "lock"\n'
    )
    result = run_mypy(tmp_path, tmp_path / "mypy-cache")
    assert result.returncode != 0
    assert "zz_type_probe.py" in result.stdout


def test_type_ignores_are_few_and_each_says_why() -> None:
    ignores = [
        (path.relative_to(REPO_ROOT), line)
        for path in sorted((REPO_ROOT / "app").rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if "type: ignore" in line
    ]
    assert len(ignores) <= MOST_IGNORES, ignores
    unexplained = [(str(path), line.strip()) for path, line in ignores if not EXPLAINED_IGNORE.search(line)]
    assert unexplained == []
