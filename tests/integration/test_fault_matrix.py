"""The storage fault matrix (issue 14, acceptance 2): every fault x every command, zero defects.

Long (about three minutes on two cores): it carries the ``long`` marker, so the default
``uv run pytest`` leaves it out and ``uv run pytest -m slow`` (run by CI) runs it. The table in
docs/RELIABILITY.md comes from ``uv run python -m tests.helpers.fault_matrix WORK_DIR``.
"""

from pathlib import Path

import pytest

from tests.helpers.fault_matrix import BIT_FLIP_PAGES, run_matrix


@pytest.mark.slow
@pytest.mark.req("R14")
@pytest.mark.timeout(1800)
def test_every_storage_fault_is_refused_clearly_and_loses_no_record(tmp_path: Path, shared_datasets: Path) -> None:
    matrix = run_matrix(tmp_path / "matrix")
    defects = [run for run in matrix.runs if run.outcome in ("traceback", "silent success")]
    assert defects == []
    assert matrix.records_lost == 0
    families = {run.fault.split(" #", 1)[0] for run in matrix.runs}
    assert {"zero-length database", "truncated database", "bit flip in a random page", "rollback to an older copy",
            "key file of another installation", "symlink planted at the output"} <= families  # fmt: skip
    assert (
        sum(1 for run in matrix.runs if run.fault.startswith("bit flip") and run.command == "stats") == BIT_FLIP_PAGES
    )
    if not matrix.notes:  # where mount namespaces are allowed (root, as in CI), the disk faults ran too
        assert {"disk full at each write", "read-only data folder"} <= families
