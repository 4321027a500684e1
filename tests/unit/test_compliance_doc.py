"""docs/COMPLIANCE.md is generated from the code and the tests, and is current (issue 16, acceptance 5)."""

import subprocess
from pathlib import Path

from tests.helpers.compliance_doc import DOC, render, requirements, tagged_tests

ROOT = Path(__file__).resolve().parents[2]


def test_the_compliance_document_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), "run: uv run python -m tests.helpers.compliance_doc"


def test_every_requirement_is_described_and_has_tests() -> None:
    reqs = requirements()
    assert list(reqs) == [f"R{n}" for n in range(1, 25)]
    assert all(r["title"] and r["source"] and r["does"] for r in reqs.values())
    tests = tagged_tests()
    assert [rid for rid in reqs if not tests[rid]] == []


def test_the_readme_links_it_and_nothing_points_outside_the_repository() -> None:
    assert "[docs/COMPLIANCE.md](docs/COMPLIANCE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    tracked = subprocess.run(
        ["git", "grep", "-l", "shared/" + "docs"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert tracked.stdout.split() == []  # a user of the product has no ../shared folder
