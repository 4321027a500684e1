"""Fixtures for tests that run the command line against a real, passphrase-protected installation."""

from collections.abc import Iterator

import pytest

from app.config.paths import DataPaths
from app.domain.business import Purpose
from app.keystore import KeyManager
from app.services.capture_session import LocalFaceEngine
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from tests.conftest import FAST_KDF, SHANGHAI, STANDARD_SETUP
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import (  # noqa: F401 - fixtures shared with the service tests
    PIA,
    admin,
    clerk,
    face_ready,
    obama_camera,
    register,
)

CLI_PASSPHRASE = "records test passphrase"
CLI_ENV = {"FACEDESK_PASSPHRASE": CLI_PASSPHRASE, "FACEDESK_OPERATOR_PASSWORD": "boss-password-1"}


@pytest.fixture
def passphrase_desk(
    paths: DataPaths,
    clock: FakeClock,
    fast_hashing: PasswordHashing,
    analyzer,
    encoder,
) -> Iterator[DeskServices]:
    """A passphrase-protected installation (as the CLI opens it), set up for face check-in and staff entry."""
    paths.ensure_root()
    installation = InstallationService(
        paths,
        KeyManager(paths.key_file, None, kdf=FAST_KDF, clock=clock),
        clock,
        fast_hashing,
        local_zone=SHANGHAI,
        engine=LocalFaceEngine(analyzer, encoder),
    )
    desk, _ = installation.create_desk(STANDARD_SETUP, passphrase=CLI_PASSPHRASE)
    boss = desk.operators.sign_in("boss", "boss-password-1")
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(boss, PIA)
    yield desk
    desk.close()
