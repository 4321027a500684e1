"""What the desk's windows need, passed to constructors (no global registry).

``DeskEnvironment`` is built once by the composition root (camera, device preferences, caches);
``DeskContext`` adds the open installation's services and the signed-in operator's session.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config.device_settings import DeviceSettings
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.guest_language import GuestLanguage


@dataclass(frozen=True)
class DeskEnvironment:
    """This computer: its camera, its preferences file and its cache folder."""

    device: DeviceSettings
    open_camera: Callable[[], Any]  # builds an unopened frame source (the webcam, or the --camera file)
    camera_override: str | None  # the --camera value, when the camera setting is overridden
    cache_dir: Path

    def camera_name(self) -> str:
        """What the camera is called in the status bar ("USB camera 0", "clip.mp4")."""
        return str(self.open_camera().name)


@dataclass
class DeskContext:
    """The signed-in operator's services, session, camera and preferences."""

    desk: DeskServices
    session: OperatorSession
    open_camera: Callable[[], Any]
    device: DeviceSettings
    guest: GuestLanguage
    cache_dir: Path

    @classmethod
    def for_session(
        cls, env: DeskEnvironment, desk: DeskServices, session: OperatorSession, language: str
    ) -> "DeskContext":
        """A context for a fresh session; the guest screens start in the desk's ``language``."""
        return cls(
            desk=desk,
            session=session,
            open_camera=env.open_camera,
            device=env.device,
            guest=GuestLanguage(language, env.cache_dir),
            cache_dir=env.cache_dir,
        )
