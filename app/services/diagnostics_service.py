"""``facedesk doctor``: what this computer and data folder look like, without any secret."""

import platform
import sys
from typing import Any

from app import __version__
from app.recognition.model_files import check_model_files, models_dir
from app.services.installation_service import InstallationService


class DiagnosticsService:
    """Collects facts about the key backend, model files and database."""

    def __init__(self, installation: InstallationService) -> None:
        self._installation = installation

    def report(self, passphrase: str | None) -> dict[str, Any]:
        """The doctor report as JSON-ready data; ``ok`` is true when nothing needs attention.

        Raises:
            KeyAccessError, StorageError: the database could not be opened (wrong passphrase...).
        """
        models = check_model_files()
        report: dict[str, Any] = {
            "facedesk_version": __version__,
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "data_dir": str(self._installation.paths.root),
            "initialized": self._installation.is_initialized(),
            "key": self._installation.key_facts(),
            "models": {
                "dir": str(models_dir()) if models_dir() else None,
                "files": [{"name": m.name, "found": m.present, "size_bytes": m.size_bytes} for m in models],
            },
            "database": None,
        }
        if self._installation.is_initialized():
            report["database"] = self._installation.inspect(passphrase)
        report["ok"] = all(m.present for m in models) and report["initialized"]
        return report
