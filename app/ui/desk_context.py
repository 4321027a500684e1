"""What every page of the signed-in desk needs, passed to constructors (no global registry)."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config.device_settings import DeviceSettings
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.guest_language import GuestLanguage


@dataclass
class DeskContext:
    """The signed-in operator's services, session, camera and preferences."""

    desk: DeskServices
    session: OperatorSession
    open_camera: Callable[[], Any]  # builds an unopened frame source (webcam or --camera file)
    device: DeviceSettings
    guest: GuestLanguage
    cache_dir: Path
