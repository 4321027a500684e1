"""``facedesk attendance``: one CSV row per clock event, no face data, clear errors (R9, R12, R17)."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from app.domain.attendance import ClockDirection, CorrectionReason
from app.services.desk_services import DeskServices
from app.storage.consent_repository import ConsentRepository
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.staff import answer_with_the_clip, clip_camera, enrol_staff, register_staff, walk_up
from tests.integration.conftest import CLI_ENV

IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")


@pytest.fixture
def attendance_day(passphrase_desk: DeskServices, clock: FakeClock, shared_datasets: Path) -> bytes:
    """A real day at the kiosk: the clip's speaker clocks in by face, Zhang Min in and out by PIN, and a
    manager corrects a wrong event. Returns the speaker's template bytes (to search the CSV for)."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    answer_with_the_clip(desk, boss)
    speaker = register_staff(desk, boss, clock, "Lin Manuel", "111")
    enrol_staff(desk, boss, speaker, clip_camera(shared_datasets), "Lin Manuel")
    zhang = register_staff(desk, boss, clock, "=Zhang Min", "333")  # a name a spreadsheet would run
    desk.staff.set_pin(boss, zhang, "4071")
    kiosk = desk.kiosk.start(boss, clip_camera(shared_datasets))
    assert walk_up(kiosk)[0].outcome is not None
    kiosk.clock_with_pin(zhang, "4071")
    clock.advance(timedelta(hours=4))
    wrong = kiosk.clock_with_pin(zhang, "4071")
    kiosk.end(boss, desk.access)
    desk.attendance.correct(
        boss, wrong.event_id, CorrectionReason.WRONG_TIME, (clock() - timedelta(minutes=30), ClockDirection.OUT)
    )
    with desk.database.snapshot() as conn:
        templates = ConsentRepository(conn).templates_of(speaker)
    assert len(templates) == 3
    return templates.astype(np.float32).tobytes()


@pytest.mark.req("R12")
@pytest.mark.req("R17")
def test_attendance_writes_one_row_per_event_with_person_time_direction_and_method(
    cli: FaceDeskCli, attendance_day: bytes, tmp_path: Path
) -> None:
    out = tmp_path / "a.csv"
    result = cli("attendance", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 3 clock events to {out}."
    data = out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["person"], r["direction"], r["method"]) for r in rows] == [
        ("Lin Manuel", "in", "face"),
        ("'=Zhang Min", "in", "pin"),
        ("'=Zhang Min", "out", "manager"),  # the corrected event replaces the wrong one
    ]
    assert all(r["date"] == "2026-03-02" and len(r["time"]) == 5 for r in rows)
    assert list(rows[0]) == ["event", "person", "date", "time", "direction", "method"]
    for chunk in (attendance_day[i : i + 16] for i in range(0, len(attendance_day), 16)):
        assert chunk not in data  # no template bytes
    assert not any(signature in data for signature in IMAGE_SIGNATURES)
    assert len(data) < 400
    assert cli("audit", "verify", env=CLI_ENV).returncode == 0


def test_attendance_refuses_bad_dates_and_existing_files_with_one_line(
    cli: FaceDeskCli, passphrase_desk: DeskServices, tmp_path: Path
) -> None:
    passphrase_desk.close()
    out = tmp_path / "a.csv"
    bad = cli("attendance", "--from", "2026-13-01", "--to", "2026-12-31", "--out", str(out), env=CLI_ENV)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == ["facedesk: --from needs a date like 2026-01-31, not '2026-13-01'."]
    backwards = cli("attendance", "--from", "2026-12-31", "--to", "2026-01-01", "--out", str(out), env=CLI_ENV)
    assert backwards.returncode == 2 and "before the start date" in backwards.stderr
    assert not out.exists()
    out.write_text("keep me", encoding="utf-8")
    exists = cli("attendance", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out), env=CLI_ENV)
    assert exists.returncode == 2 and "already exists" in exists.stderr
    assert out.read_text(encoding="utf-8") == "keep me"


def test_the_attendance_csv_never_writes_through_a_planted_symlink(
    cli: FaceDeskCli, passphrase_desk: DeskServices, tmp_path: Path
) -> None:
    passphrase_desk.close()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "a.csv"
    (tmp_path / "a.csv.part").symlink_to(victim)
    result = cli("attendance", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert out.is_file() and not out.is_symlink()
