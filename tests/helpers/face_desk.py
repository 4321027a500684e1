"""A real installation set up for face check-in and staff entry, for the helper processes of the tests.

Fast key-derivation and password-hashing parameters (the real code paths, cheaper settings) and the
real face engine; used by the leak-scan flow, the desk day and the fault matrix's enrolment.
"""

from datetime import date

from argon2 import PasswordHasher

from app.application import build_face_engine
from app.config.paths import DataPaths
from app.domain.business import LocationType, Purpose
from app.domain.clock import system_clock
from app.domain.operators import OperatorSession
from app.keystore import KdfParams, KeyManager, RecoveryCode
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from app.services.pia_service import PiaAnswers
from app.services.setup_service import SetupRequest

ADMIN = ("boss", "boss-password-1")


def fast_installation(paths: DataPaths) -> InstallationService:
    """The installation service of ``paths`` with cheap KDF and hashing settings and the real face engine."""
    return InstallationService(
        paths,
        KeyManager(paths.key_file, None, kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1)),
        system_clock,
        PasswordHashing(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)),
        engine=build_face_engine(),
    )


def face_ready_desk(
    paths: DataPaths, passphrase: str, assessed_for: str
) -> tuple[DeskServices, OperatorSession, RecoveryCode]:
    """Lotus Inn set up with both face purposes and an impact assessment; the Admin signed in."""
    setup = SetupRequest(
        business_name="Lotus Inn", contact="+86 10 1234 5678", location_type=LocationType.HOTEL_FRONT_DESK,
        admin_username=ADMIN[0], admin_password=ADMIN[1], admin_display_name="Wang Fang",
    )  # fmt: skip
    desk, code = fast_installation(paths).create_desk(setup, passphrase=passphrase)
    boss = desk.operators.sign_in(*ADMIN)
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(boss, PiaAnswers("Wang Fang", date.today(), *([f"Assessed for {assessed_for}, in detail."] * 4)))
    return desk, boss, code
