"""Where files live: --data-dir overrides, resources from source and from a bundle."""

import sys
from pathlib import Path

import pytest

from app.config import paths
from app.config.paths import DataPaths, default_data_dir, resource_path


def test_every_file_of_an_installation_is_under_its_data_folder(tmp_path: Path) -> None:
    layout = DataPaths.for_data_dir(tmp_path / "desk")
    for path in (
        layout.database,
        layout.key_file,
        layout.device_settings,
        layout.log_dir,
        layout.backup_dir,
        layout.migration_backup_dir,
        layout.cache_dir,
    ):
        assert path.is_relative_to(layout.root)
    assert layout.database != layout.key_file


def test_a_relative_data_dir_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert DataPaths.for_data_dir("demo").root == tmp_path / "demo"


def test_without_override_the_per_user_data_folder_is_used() -> None:
    assert DataPaths.for_data_dir(None).root == default_data_dir().resolve()
    assert "FaceDesk" in str(default_data_dir())


def test_the_data_folder_is_private_to_the_user(tmp_path: Path) -> None:
    layout = DataPaths.for_data_dir(tmp_path / "desk")
    layout.ensure_root()
    assert layout.root.stat().st_mode & 0o077 == 0


def test_resources_are_found_in_the_source_tree() -> None:
    assert resource_path("i18n").is_dir()


def test_resources_are_found_inside_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.is_frozen()
    assert resource_path("notices", "en") == tmp_path / "resources" / "notices" / "en"
    assert paths.bundle_root() == tmp_path
