"""A desk's day through the desk flows, in a process of its own, for the whole-app no-frames test (R12).

    python -m tests.helpers.desk_day DATA_DIR [RECOVERY_CODE_FILE]

A guest checked in by face (GuestCheckInFlow: notice, consent, capture, receipt), verified by
face (GuestVerificationFlow), a staff member enrolled and clocked in at the kiosk by face
(KioskSessionFlow, with the liveness turn) — all on real photos and the real clip, with the real
dlib models and the encoder process. Prints what happened as one JSON line.
"""

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.config.logs import configure_logging
from app.config.paths import DataPaths
from app.domain.consent import TypedName
from app.domain.guests import guest_details, stay_details
from app.domain.people import IdDocumentType
from app.services.flows.guest_check_in import CheckInFlowServices, GuestCheckInFlow
from app.services.flows.guest_verification import GuestVerificationFlow, VerificationFlowServices
from app.services.flows.kiosk_session import KioskFlowServices, KioskSessionFlow
from tests.helpers.enrolment import capture_through_the_camera
from tests.helpers.face_desk import face_ready_desk
from tests.helpers.staff import answer_with_the_clip, enrol_staff, walk_up
from tests.unit.domain.test_identity_documents import make_resident_id

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
PHOTOS = [DATASETS / "images" / name for name in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")]
CLIP = DATASETS / "clips" / "short_hamilton_clip.mp4"
PASSPHRASE = "desk day passphrase"


def main() -> int:
    """Run the day; print {"checked_in", "verified", "kiosk"} as JSON."""
    paths = DataPaths.for_data_dir(Path(sys.argv[1]))
    paths.ensure_root()
    configure_logging(paths.log_dir)
    desk, boss, code = face_ready_desk(paths, PASSPHRASE, "the desk-day flow")
    answer_with_the_clip(desk, boss)
    if len(sys.argv) > 2:  # the fault matrix restores backups with it
        Path(sys.argv[2]).write_text(code.formatted(), encoding="utf-8")
    today = desk.today()

    def camera() -> ImageSequenceSource:
        return ImageSequenceSource(PHOTOS, name="camera", fps=4.0, realtime=False, loop=True)

    check_in = GuestCheckInFlow(CheckInFlowServices(desk.check_in, desk.consents, lambda: desk.faces, camera), boss)
    check_in.register(
        guest_details("Li Wei", IdDocumentType.RESIDENT_ID, make_resident_id("310104", date(1988, 6, 15), "123"),
                      None, today=today),
        stay_details("1208", today, today + timedelta(days=2), today=today),
    )  # fmt: skip
    notice = check_in.choose_face("en")
    capture_through_the_camera(check_in.consent(notice, TypedName("Li Wei")))
    check_in.complete()
    stay = check_in.finish_receipt()

    verification = GuestVerificationFlow(
        VerificationFlowServices(desk.faces, desk.consents, desk.check_in, camera), boss, stay.person_id, stay.stay_id
    )
    live = verification.start_face()
    source = live.open_source()  # type: ignore[union-attr]
    source.open()
    try:
        while (decided := live.submit(source.read()).result) is None:  # type: ignore[union-attr]
            pass
    finally:
        source.close()
    verification.decided(decided)

    staff = desk.staff.register(
        boss, guest_details("Zhang Min", IdDocumentType.RESIDENT_ID,
                            make_resident_id("310104", date(1990, 1, 1), "333"), None, today=today)
    )  # fmt: skip
    enrol_staff(desk, boss, staff, lambda: VideoFileSource(CLIP, realtime=False), "Zhang Min")
    kiosk = KioskSessionFlow(
        KioskFlowServices(desk.kiosk, desk.access, lambda: VideoFileSource(CLIP, realtime=False)), boss
    )
    result, _ = walk_up(kiosk.start())
    kiosk.end()
    desk.close()
    print(json.dumps({"checked_in": stay.method.value, "verified": decided.value, "kiosk": result.phase.value}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
