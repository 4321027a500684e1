"""The 1:N search benchmark measures what it says."""

import pytest

from app.services.benchmarks.search_bench import run_search_benchmark
from app.services.benchmarks.tables import search_table


def test_the_report_has_the_fields_scripts_rely_on() -> None:
    report = run_search_benchmark(5_000, queries=20)
    assert report["n"] == 5_000
    assert report["queries"] == 20
    assert 0 < report["median_ms"] <= report["p95_ms"] <= report["max_ms"]
    assert report["identified"] == 10  # the noisy copies of enrolled people, never the strangers
    assert report["gallery_mb"] == pytest.approx(5_000 * (128 * 4 + 8) / 1e6, abs=0.1)
    assert "5000 templates" in search_table(report)


def test_nonsense_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        run_search_benchmark(0)
