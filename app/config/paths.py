"""Every file location FaceDesk uses, in one place.

The data folder comes from platformdirs unless ``--data-dir`` overrides it, which keeps tests and
demos away from real data. ``resource_path()`` finds read-only resources from a source checkout,
an installed wheel and a PyInstaller bundle alike.
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "FaceDesk"
DATABASE_FILE = "facedesk.db"
KEY_FILE = "facedesk.keys"
DEVICE_SETTINGS_FILE = "settings.ini"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """Whether we run from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """The bundle's unpack folder when frozen, else the folder holding the ``app`` package."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller
    return _PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a read-only resource such as ``resource_path("notices", "en")``."""
    if is_frozen():
        base = bundle_root() / "resources"
    else:
        source_tree = _PACKAGE_DIR.parent / "resources"
        base = source_tree if source_tree.is_dir() else _PACKAGE_DIR / "_resources"
    return base.joinpath(*parts)


def documents_folder() -> Path:
    """Where save dialogs start: the user's Documents folder, or their home folder without one.

    Never the working folder: a desk started from a shortcut would offer its program folder.
    """
    documents = platformdirs.user_documents_path()
    return documents if documents.is_dir() else Path.home()


def default_data_dir() -> Path:
    """The per-user data folder of this operating system (never a roaming profile)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=False)


@dataclass(frozen=True)
class DataPaths:
    """The files of one FaceDesk installation, all under one data folder."""

    root: Path

    @classmethod
    def for_data_dir(cls, data_dir: str | Path | None) -> "DataPaths":
        """Paths for ``data_dir``, or for the default data folder when it is ``None``."""
        root = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        return cls(root.resolve())

    @property
    def database(self) -> Path:
        """The SQLCipher database."""
        return self.root / DATABASE_FILE

    @property
    def key_file(self) -> Path:
        """Wrapped copies of the database key (never the key itself)."""
        return self.root / KEY_FILE

    @property
    def device_settings(self) -> Path:
        """Per-computer preferences (language, camera, display); never secrets or face data."""
        return self.root / DEVICE_SETTINGS_FILE

    @property
    def log_dir(self) -> Path:
        """Rotating log files."""
        return self.root / "logs"

    @property
    def backup_dir(self) -> Path:
        """Encrypted backups."""
        return self.root / "backups"

    @property
    def migration_backup_dir(self) -> Path:
        """Encrypted copies taken before each schema upgrade."""
        return self.backup_dir / "pre-migration"

    @property
    def cache_dir(self) -> Path:
        """Rebuildable files such as compiled translations."""
        return self.root / "cache"

    def is_initialized(self) -> bool:
        """Whether setup has created this installation (its key file exists)."""
        return self.key_file.exists()

    def ensure_root(self) -> None:
        """Create the data folder, readable only by this user where the OS supports it.

        Raises:
            InvalidInputError: the path is a file, lies under a file, or is a system folder.
            DiskFullError, ReadOnlyError: the disk is full or read-only there.
        """
        from app.config.files import os_error
        from app.domain.errors import InvalidInputError

        if self.root.exists() and not self.root.is_dir():
            raise InvalidInputError(f"{self.root} is a file, not a folder: choose a folder with --data-dir.")
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise InvalidInputError(
                f"{self.root} cannot be a data folder (part of that path is a file): choose a folder with --data-dir."
            ) from None
        except OSError as exc:
            raise os_error(exc, self.root, "the data folder could not be created") from None


# Folder names that cloud-sync clients use (matched against each part of the data folder's path,
# case-insensitively, by prefix): a synced database would send face data over the internet (R11).
CLOUD_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "baidunetdisk": "Baidu Netdisk",
    "百度网盘": "Baidu Netdisk",
    "nutstore": "Nutstore (坚果云)",
    "坚果云": "Nutstore (坚果云)",
    "aliyundrive": "Aliyun Drive (阿里云盘)",
    "阿里云盘": "Aliyun Drive (阿里云盘)",
    "weiyun": "Tencent Weiyun (微云)",
    "微云": "Tencent Weiyun (微云)",
    "wps云盘": "WPS Cloud (WPS云盘)",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud": "pCloud",
    "pclouddrive": "pCloud",
    "mega": "MEGA",
    "megasync": "MEGA",
    "sync": "Sync.com",
    "synologydrive": "Synology Drive",
    "synology drive": "Synology Drive",
    "box": "Box",
    "box sync": "Box",
    "seafile": "Seafile",
    "seadrive": "Seafile",
    "yandex.disk": "Yandex.Disk",
    "yandexdisk": "Yandex.Disk",
    "tresorit": "Tresorit",
    "icedrive": "Icedrive",
    "creative cloud files": "Adobe Creative Cloud",
}
# Names matched exactly (as a whole folder name), because as prefixes they would catch ordinary
# folders ("boxes", "megan", "synced-notes").
_EXACT_ONLY = frozenset({"mega", "sync", "box"})

# FUSE file systems that are local disks, not network or cloud mounts.
_LOCAL_FUSE = frozenset({"fuseblk", "fuse.ntfs-3g", "fuse.lxcfs", "fuse.portal"})

# Windows cloud-file placeholder attributes (OneDrive, iCloud, Dropbox and others use the Cloud Files API).
_WINDOWS_CLOUD_ATTRIBUTES = 0x00040000 | 0x00080000 | 0x00100000 | 0x00400000


def cloud_sync_service(folder: Path) -> str | None:
    """The cloud-sync service whose folder ``folder`` lies in, if any.

    Checked by folder name (each part of the resolved path, so a symlink into a synced folder
    counts), on Linux by the mount (any FUSE file system that is not a local disk, which is how
    rclone, pCloud, Nextcloud's virtual files and Google Drive mounts appear), and on Windows by
    the cloud placeholder attributes the Cloud Files API puts on synced folders.
    """
    resolved = Path(folder).expanduser().resolve()
    for part in resolved.parts:
        name = part.casefold()
        for prefix, service in CLOUD_SYNC_FOLDERS.items():
            if name == prefix or (prefix not in _EXACT_ONLY and name.startswith(prefix)):
                return service
    return _fuse_mount(resolved) or _windows_cloud_placeholder(resolved)


def _fuse_mount(path: Path) -> str | None:
    try:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return fuse_mount_in(path, mountinfo)


def fuse_mount_in(path: Path, mountinfo: str) -> str | None:
    """The network or cloud FUSE mount holding ``path`` according to ``mountinfo`` (``/proc/self/mountinfo``)."""
    best: tuple[int, str] | None = None
    for line in mountinfo.splitlines():
        fields = line.split(" - ", 1)
        if len(fields) != 2:
            continue
        mount_point = fields[0].split()[4].replace("\\040", " ")
        fstype = fields[1].split()[0]
        inside = path == Path(mount_point) or Path(mount_point) in path.parents
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fstype)
    if best is not None and best[1].startswith("fuse") and best[1] not in _LOCAL_FUSE:
        return f"network or cloud mount ({best[1]})"
    return None


def _windows_cloud_placeholder(path: Path) -> str | None:
    if not hasattr(os, "O_BINARY"):  # only Windows has the attributes
        return None
    for candidate in (path, *path.parents):
        try:
            attributes = getattr(candidate.stat(), "st_file_attributes", 0)
        except OSError:
            continue
        if attributes & _WINDOWS_CLOUD_ATTRIBUTES:
            return "cloud-synced folder (Windows cloud files)"
    return None


def refuse_cloud_sync(paths: "DataPaths") -> None:
    """Refuse a data folder inside a cloud-sync folder, before anything is written there.

    Raises:
        InvalidInputError: naming the service and what to do instead.
    """
    from app.domain.errors import InvalidInputError

    where, service = f"The data folder {paths.root} is", cloud_sync_service(paths.root)
    for file in (paths.database, paths.key_file):  # a database symlinked into a synced folder
        if service is None and file.is_symlink():
            place = (file.parent / os.readlink(file)).resolve()
            where, service = f"{file.name} in {paths.root} is a link to {place},", cloud_sync_service(place)
    if service is not None:
        raise InvalidInputError(
            f"{where} inside a {service} folder, which would copy face data to the internet. Choose a folder on "
            "this computer that is not synchronised (for example the default)."
        )
