"""Where files live: --data-dir overrides, resources from source and from a bundle."""

import sys
from pathlib import Path

import pytest

from app.config import paths
from app.config.paths import DataPaths, cloud_sync_service, default_data_dir, fuse_mount_in, resource_path


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


@pytest.mark.req("R11")
@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Nextcloud", "Nextcloud"), ("ownCloud", "ownCloud"), ("pCloud Drive", "pCloud"), ("MEGA", "MEGA"),
        ("MEGAsync", "MEGA"), ("Sync", "Sync.com"), ("SynologyDrive", "Synology Drive"), ("Box", "Box"),
        ("Seafile", "Seafile"), ("Yandex.Disk", "Yandex.Disk"), ("Dropbox (Lotus Inn)", "Dropbox"),
        ("OneDrive - Lotus", "OneDrive"),
    ],
)  # fmt: skip
def test_more_cloud_sync_folders_are_recognised(tmp_path: Path, folder: str, service: str) -> None:
    assert cloud_sync_service(tmp_path / folder / "FaceDesk") == service


@pytest.mark.parametrize("folder", ["boxes", "megan", "synced-notes", "Documents", "inbox"])
def test_ordinary_folders_are_not_mistaken_for_sync_folders(tmp_path: Path, folder: str) -> None:
    assert cloud_sync_service(tmp_path / folder / "FaceDesk") is None


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:45 / /home/li/gdrive rw,nosuid,nodev shared:20 - fuse.rclone gdrive: rw,user_id=1000
41 22 8:17 / /media/li/USB\\040DISK rw,nosuid shared:21 - fuseblk /dev/sdb1 rw,user_id=0
"""


def test_a_network_or_cloud_fuse_mount_is_recognised_but_a_local_fuse_disk_is_not() -> None:
    assert fuse_mount_in(Path("/home/li/gdrive/FaceDesk"), MOUNTINFO) == "network or cloud mount (fuse.rclone)"
    assert fuse_mount_in(Path("/media/li/USB DISK/FaceDesk"), MOUNTINFO) is None  # NTFS-3G on a USB disk
    assert fuse_mount_in(Path("/home/li/FaceDesk"), MOUNTINFO) is None
