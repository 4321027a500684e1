"""Services on a real encrypted database with the real face engine: operators, guests, photo sources."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.camera.file_source import ImageSequenceSource
from app.camera.frames import Frame, load_image
from app.domain.business import Purpose
from app.domain.guests import GuestDetails, StayDetails, guest_details, stay_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.domain.roles import Role
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.pia_service import PiaAnswers
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER
from tests.helpers.clock import FakeClock
from tests.unit.domain.test_identity_documents import make_resident_id

OBAMA_PHOTOS = ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")
PIA = PiaAnswers(
    assessor="Wang Fang, owner",
    assessed_on=date(2026, 3, 1),
    lawful_and_necessary="Guests choose face verification for key pickup; manual check always equal.",
    impact_and_mitigation="Templates only, encrypted, deleted at checkout; withdrawal in one step.",
    risks_leak_tamper_loss="Local SQLCipher database, no network, audit chain, operator accounts.",
    safeguards_proportionate="Safeguards match a small hotel desk handling sensitive data daily.",
)


@pytest.fixture
def admin(desk: DeskServices) -> OperatorSession:
    return desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)


def _operator(desk: DeskServices, admin: OperatorSession, name: str, role: Role) -> OperatorSession:
    desk.operators.create_operator(
        admin, username=name, display_name=name.title(), role=role, password=f"{name}-pass-1"
    )
    return desk.operators.sign_in(name, f"{name}-pass-1")


@pytest.fixture
def clerk(desk: DeskServices, admin: OperatorSession) -> OperatorSession:
    """A receptionist (Desk role)."""
    return _operator(desk, admin, "xiaoli", Role.DESK)


@pytest.fixture
def manager(desk: DeskServices, admin: OperatorSession) -> OperatorSession:
    """A Manager."""
    return _operator(desk, admin, "laozhang", Role.MANAGER)


@pytest.fixture
def face_ready(desk: DeskServices, admin: OperatorSession) -> DeskServices:
    """Face recognition enabled for guests and staff, with an impact assessment on record."""
    desk.business.update(admin, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(admin, PIA)
    return desk


def adult(clock: FakeClock, name: str = "Li Wei", born: date = date(1988, 6, 15), serial: str = "123") -> GuestDetails:
    number = make_resident_id("310104", born, serial)
    return guest_details(name, IdDocumentType.RESIDENT_ID, number, None, today=clock().date())


def child(clock: FakeClock) -> GuestDetails:
    return adult(clock, "Li Xiaoming", date(2016, 1, 20), "456")


def two_nights(clock: FakeClock, room: str = "1208") -> StayDetails:
    today = clock().date()
    return stay_details(room, today, date.fromordinal(today.toordinal() + 2), today=today)


@pytest.fixture
def register(desk: DeskServices, clerk: OperatorSession, clock: FakeClock) -> Callable[..., GuestStay]:
    def register_guest(guest: GuestDetails | None = None, room: str = "1208") -> GuestStay:
        return desk.check_in.register(clerk, guest or adult(clock), two_nights(clock, room))

    return register_guest


class SourceSpy:
    """Counts how often a camera source is created; the sources are real photos played as frames."""

    def __init__(self, photos: list[Path]) -> None:
        self.photos = photos
        self.created = 0

    def __call__(self) -> ImageSequenceSource:
        self.created += 1
        # Like a camera: frames keep coming (the photos loop), time-stamped 0.25 s apart.
        return ImageSequenceSource(self.photos, name="desk camera stand-in", fps=4.0, realtime=False, loop=True)


@pytest.fixture
def obama_camera(shared_datasets: Path) -> SourceSpy:
    return SourceSpy([shared_datasets / "images" / name for name in OBAMA_PHOTOS])


@pytest.fixture
def photo_frames(shared_datasets: Path) -> Callable[..., list[Frame]]:
    """Frames of real photos, half a second apart, as a camera would deliver them."""

    def frames(*names: str) -> list[Frame]:
        return [Frame.own(load_image(shared_datasets / "images" / n), i, i * 0.5) for i, n in enumerate(names)]

    return frames
