"""``facedesk purge`` erases guests' registrations when the guest register's period ends (R13).

Before: guest records (name, full ID number, birth date, stays) were never purged.
"""

import json
from pathlib import Path

import pytest

from app.services.desk_services import DeskServices
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.integration.conftest import CLI_ENV
from tests.integration.services.conftest import adult, two_nights


@pytest.fixture
def stayed(passphrase_desk: DeskServices, clock: FakeClock) -> int:
    """Li Wei stayed in March 2026 and checked out; the guest register keeps three months (the CLI runs today)."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    li = adult(clock)
    stay = desk.check_in.register(boss, li, two_nights(clock, "1208"))
    desk.check_in.complete_manual(boss, stay.stay_id, li.document.type, li.document.number)
    desk.check_in.check_out(boss, stay.stay_id)
    desk.settings.change(boss, "retention/guest_record_months", 3)  # the local rule: three months
    desk.close()
    return stay.person_id


@pytest.mark.req("R13")
def test_purge_erases_the_registrations_whose_period_has_ended(cli: FaceDeskCli, stayed: int, tmp_path: Path) -> None:
    ended = "the registrations (name, ID document, birth date, stays) whose guest register period has ended: 1."
    dry = cli("purge", "--dry-run", env=CLI_ENV)
    assert f"Would delete {ended}" in dry.stdout
    done = cli("purge", env=CLI_ENV)
    assert done.returncode == 0, done.stderr
    assert f"Deleted {ended}" in done.stdout
    export = cli("export-person", str(stayed), "--out", str(tmp_path / "li.json"), "--operator", "boss", env=CLI_ENV)
    assert export.returncode == 0, export.stderr
    person = json.loads((tmp_path / "li.json").read_text(encoding="utf-8"))["person"]
    assert (person["name"], person["id_document_number"], person["date_of_birth"]) == ("-", None, None)
    assert json.loads(cli("purge", "--json", env=CLI_ENV).stdout)["registrations_erased"] == 0  # idempotent
