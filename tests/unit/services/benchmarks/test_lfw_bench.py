"""Reading LFW pairs files."""

from pathlib import Path

import pytest

from app.domain.errors import InvalidInputError
from app.services.benchmarks.lfw_bench import first_pairs, parse_pairs, photo_path


def test_the_shared_pairs_file_has_two_folds_of_300_matched_and_300_mismatched(shared_datasets: Path) -> None:
    pairs = parse_pairs(shared_datasets / "lfw-dev" / "pairs.txt")
    assert len(pairs) == 1200
    for fold in (0, 1):
        assert sum(p.same for p in pairs if p.fold == fold) == 300
        assert sum(not p.same for p in pairs if p.fold == fold) == 300
    assert all(photo_path(shared_datasets / "lfw-dev", p.first).is_file() for p in pairs[:10])


def test_a_single_fold_header_is_understood(tmp_path: Path) -> None:
    path = tmp_path / "pairs.txt"
    path.write_text("1\nAlice 1 2\nAlice 1 Bob 3\n")
    [matched, mismatched] = parse_pairs(path)
    assert matched.same and matched.first == ("Alice", 1) and matched.second == ("Alice", 2)
    assert not mismatched.same and mismatched.second == ("Bob", 3)
    assert photo_path(tmp_path, ("Bob", 3)) == tmp_path / "Bob" / "Bob_0003.jpg"


@pytest.mark.parametrize("content", ["", "two folds\n", "1\nAlice 1\n", "2 1\nAlice 1 2\nAlice 1 Bob 3\n"])
def test_malformed_pairs_files_get_a_plain_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "pairs.txt"
    path.write_text(content)
    with pytest.raises(InvalidInputError, match=r"pairs file|ends early"):
        parse_pairs(path)


def test_limit_keeps_the_first_pairs_of_each_kind_per_fold(shared_datasets: Path) -> None:
    kept = first_pairs(parse_pairs(shared_datasets / "lfw-dev" / "pairs.txt"), 3)
    assert [(p.fold, p.same) for p in kept] == [(0, True)] * 3 + [(0, False)] * 3 + [(1, True)] * 3 + [(1, False)] * 3
