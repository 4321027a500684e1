"""``export-person``, ``purge`` and the filing counter in ``stats``, as separate processes (R13, R19, R21)."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.config.paths import DataPaths
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.filing import filing_deadline
from app.domain.people import IdDocumentType
from app.domain.roles import Role
from app.services.desk_services import DeskServices
from app.storage.database import Database
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrol_through_the_camera
from tests.helpers.seeding import seed_people_with_templates
from tests.integration.conftest import CLI_ENV, CLI_PASSPHRASE
from tests.integration.services.conftest import SourceSpy, adult, two_nights

PASSPHRASE = CLI_PASSPHRASE
ENV = CLI_ENV


@pytest.fixture
def two_guests(passphrase_desk: DeskServices, clock: FakeClock, shared_datasets: Path) -> tuple[int, int]:
    """Li Wei checked in by face (3 templates); Zhang San by the manual check."""
    desk = passphrase_desk
    admin = desk.operators.sign_in("boss", "boss-password-1")
    desk.operators.create_operator(admin, username="xiaoli", display_name="", role=Role.DESK, password="xiaoli-pass-1")
    li = desk.check_in.register(admin, adult(clock), two_nights(clock))
    desk.consents.give(
        admin,
        person_id=li.person_id,
        stay_id=li.stay_id,
        purpose=Purpose.GUEST_VERIFICATION,
        notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
        affirmation=TypedName("Li Wei"),
    )
    camera = SourceSpy([shared_datasets / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")])
    enrol_through_the_camera(
        desk.faces.begin_enrolment(
            admin, person_id=li.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=camera
        )
    )
    zhang_details = adult(clock, "Zhang San", serial="222")
    zhang = desk.check_in.register(admin, zhang_details, two_nights(clock, "1302"))
    desk.check_in.complete_manual(admin, zhang.stay_id, IdDocumentType.RESIDENT_ID, zhang_details.document.number)
    desk.close()
    return li.person_id, zhang.person_id


def data_files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.parts}


@pytest.mark.req("R19")
def test_export_person_writes_a_readable_file_with_only_that_person(
    cli: FaceDeskCli, two_guests: tuple[int, int], tmp_path: Path, clock: FakeClock
) -> None:
    li, _ = two_guests
    out = tmp_path / "li-wei.json"
    result = cli("export-person", str(li), "--out", str(out), "--operator", "boss", env=ENV)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["person"]["name"] == "Li Wei"
    assert data["face_data"]["templates_held"] == 3
    assert "Zhang San" not in text
    assert adult(clock, "Zhang San", serial="222").document.number not in text
    refused = cli("export-person", str(li), "--out", str(tmp_path / "again.json"), "--operator", "xiaoli",
                  env={**ENV, "FACEDESK_OPERATOR_PASSWORD": "xiaoli-pass-1"})  # fmt: skip
    assert refused.returncode == 3
    assert "Your role (Desk)" in refused.stderr
    assert not (tmp_path / "again.json").exists()


@pytest.mark.req("R13")
def test_purge_dry_run_lists_what_would_go_and_changes_nothing(
    cli: FaceDeskCli, two_guests: tuple[int, int], data_dir: Path
) -> None:
    """The guests' stays ended in March 2026 (the test clock); the CLI runs on today's date."""
    li, _ = two_guests
    before = data_files(data_dir)
    dry = cli("purge", "--dry-run", "--json", env=ENV)
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True
    assert [(i["person_id"], i["templates"], i["reason"]) for i in report["items"]] == [(li, 3, "retention_date")]
    assert data_files(data_dir) == before
    text = cli("purge", "--dry-run", env=ENV)
    assert "Would delete the face data of 1 consent, 3 templates." in text.stdout
    assert "Li Wei" not in text.stdout

    done = cli("purge", env=ENV)
    assert done.returncode == 0, done.stderr
    assert "Deleted the face data of 1 consent, 3 templates." in done.stdout
    assert json.loads(cli("purge", "--dry-run", "--json", env=ENV).stdout)["items"] == []
    stats = json.loads(cli("stats", "--json", env=ENV).stdout)
    assert stats["face_templates"] == 0
    assert cli("audit", "verify", env=ENV).returncode == 0


@pytest.mark.slow  # 100,000 people written into a real database
@pytest.mark.req("R21")
def test_one_hundred_thousand_people_show_the_filing_counter_and_deadline_without_double_counting(
    cli: FaceDeskCli, passphrase_desk: DeskServices, paths: DataPaths, expect_warnings
) -> None:
    database: Database = passphrase_desk.database
    seed_people_with_templates(database, 100_000, operator_id=1, repeat_first=25)
    passphrase_desk.close()
    result = cli("stats", "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    filing = stats["filing"]
    today = datetime.now(UTC).date()
    assert stats["face_templates"] == 100_025  # 25 people enrolled twice...
    assert filing["people_with_face_data"] == 100_000  # ...are counted once
    assert filing["level"] == "filing_required"
    assert filing["reached_on"] == today.isoformat()
    assert filing["filing_deadline"] == filing_deadline(today).isoformat()
    assert set(filing["milestones"]) == {"50000", "90000", "100000"}
    again = json.loads(cli("stats", "--json", env=ENV).stdout)["filing"]
    assert again["milestones"] == filing["milestones"]  # recorded once, not re-dated
    assert date.fromisoformat(filing["filing_deadline"]) > today
