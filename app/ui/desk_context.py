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
from app.services.flows.guest_check_in import CheckInFlowServices, GuestCheckInFlow
from app.services.flows.guest_verification import GuestVerificationFlow, VerificationFlowServices
from app.services.flows.kiosk_session import KioskFlowServices, KioskSessionFlow
from app.services.flows.staff_face_entry import StaffFaceEntryFlow, StaffFaceEntryServices
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
    camera_name: str | None = None  # set when the camera was given on the command line (--camera)
    # the interface language in use: the saved setting, unless --lang chose another for this run
    language: str = "en"

    def check_in_flow(self) -> GuestCheckInFlow:
        """A new guest check-in flow for the signed-in operator."""
        desk = self.desk
        services = CheckInFlowServices(
            check_in=desk.check_in, consents=desk.consents, faces=lambda: desk.faces, open_camera=self.open_camera
        )
        return GuestCheckInFlow(services, self.session)

    def staff_face_entry_flow(self, person_id: int) -> StaffFaceEntryFlow:
        """A new face-entry flow for one staff member."""
        services = StaffFaceEntryServices(self.desk.consents, self.desk.faces, self.open_camera)
        return StaffFaceEntryFlow(services, self.session, person_id)

    def verification_flow(self, person_id: int, stay_id: int | None) -> GuestVerificationFlow:
        """A new check of one guest."""
        services = VerificationFlowServices(self.desk.faces, self.desk.consents, self.desk.check_in, self.open_camera)
        return GuestVerificationFlow(services, self.session, person_id, stay_id)

    def kiosk_flow(self) -> KioskSessionFlow:
        """A new staff-entry kiosk session for the signed-in Manager."""
        return KioskSessionFlow(KioskFlowServices(self.desk.kiosk, self.desk.access, self.open_camera), self.session)

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
            camera_name=env.camera_name() if env.camera_override is not None else None,
            language=language,
        )
