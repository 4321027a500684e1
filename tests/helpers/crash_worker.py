"""A FaceDesk process doing one kind of work over and over, to be killed (SIGKILL) by the crash tests.

    FACEDESK_PASSPHRASE=... python -m tests.helpers.crash_worker check_in|withdrawal|purge DATA_DIR RUN

It opens the installation as the desk does (real SQLCipher, the real face engine for check-in),
prints "ready", then "done N" after each committed operation, until killed or out of work.
tests/integration/test_crash_safety.py checks the database after each kill.
"""

import os
import sys
from datetime import date, timedelta
from pathlib import Path

from app.application import build_face_engine, build_installation
from app.camera.file_source import ImageSequenceSource
from app.config.paths import DataPaths
from app.domain.audit import CLI_ACTOR
from app.domain.consent import TypedName
from app.domain.guests import guest_details, stay_details
from app.domain.people import IdDocumentType
from app.services.flows.guest_check_in import CheckInFlowServices, GuestCheckInFlow
from tests.helpers.enrolment import capture_through_the_camera

ADMIN = ("boss", "boss-password-1")
PHOTOS = ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")
DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def say(text: str) -> None:
    print(text, flush=True)


def check_in_forever(data_dir: Path, run: int) -> None:
    """Guests checked in with face through the desk's own check-in flow, one after another."""
    installation = build_installation(DataPaths.for_data_dir(data_dir), secret_store=None, engine=build_face_engine())
    desk = installation.open_desk(_passphrase())
    session = desk.operators.sign_in(*ADMIN)
    photos = [DATASETS / "images" / name for name in PHOTOS]
    services = CheckInFlowServices(
        check_in=desk.check_in,
        consents=desk.consents,
        faces=lambda: desk.faces,
        open_camera=lambda: ImageSequenceSource(photos, name="camera", fps=4.0, realtime=False, loop=True),
    )
    say("ready")
    for number in range(1, 1000):
        today = date.today()
        guest = guest_details(
            f"Guest {run}-{number}", IdDocumentType.PASSPORT, f"G{run:03d}{number:05d}", date(1990, 1, 1), today=today
        )
        flow = GuestCheckInFlow(services, session)
        flow.register(guest, stay_details("1208", today, today + timedelta(days=1), today=today))
        capture = flow.consent(flow.choose_face("en"), TypedName(guest.full_name))
        capture_through_the_camera(capture)
        flow.complete()  # consent, templates and the check-in: one transaction
        flow.finish_receipt()
        say(f"done {number}")


def withdraw_all(data_dir: Path) -> None:
    desk = build_installation(DataPaths.for_data_dir(data_dir), secret_store=None).open_desk(_passphrase())
    session = desk.operators.sign_in(*ADMIN)
    with desk.database.snapshot() as conn:
        live = [row[0] for row in conn.execute("SELECT id FROM consents WHERE withdrawn_at IS NULL ORDER BY id")]
    say("ready")
    for number, consent_id in enumerate(live, 1):
        desk.consents.withdraw(session, consent_id)
        say(f"done {number}")


def purge(data_dir: Path) -> None:
    desk = build_installation(DataPaths.for_data_dir(data_dir), secret_store=None).open_desk(_passphrase())
    say("ready")
    report = desk.retention.purge(actor=CLI_ACTOR)
    say(f"done {len(report.items)}")


def _passphrase() -> str:
    return os.environ["FACEDESK_PASSPHRASE"]


def main() -> int:
    operation, data_dir, run = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    if operation == "check_in":
        check_in_forever(data_dir, run)
    elif operation == "withdrawal":
        withdraw_all(data_dir)
    elif operation == "purge":
        purge(data_dir)
    else:
        raise SystemExit(f"unknown operation {operation}")
    say("finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
