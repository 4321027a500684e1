"""Every desk flow once, in a process of its own with FaceDesk's own logging, for the leak scan.

    python -m tests.helpers.full_flow DATA_DIR EXPORTS_DIR

Guest check-in with face and verification, a manual check-in, a withdrawal with its receipt as
PDF, a rights export, a staff PIN clock-in, the attendance CSV, the sign, the impact assessment
report and the filing data. Prints, as JSON, what must not leak (names, identity numbers, the
template bytes held before the withdrawal) so the test can search the files left behind.
"""

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.camera.file_source import ImageSequenceSource
from app.config.logs import configure_logging
from app.config.paths import DataPaths
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.guests import guest_details, stay_details
from app.domain.people import IdDocumentType
from app.storage.consent_repository import ConsentRepository
from app.ui.pdf_writer import write_pdf
from app.ui.receipt_pdf import save_receipt_pdf
from tests.helpers.enrolment import enrol_through_the_camera
from tests.helpers.face_desk import face_ready_desk
from tests.unit.domain.test_identity_documents import make_resident_id

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
GUEST, MANUAL_GUEST, STAFF = "Li Wei", "Anna Schmidt", "Zhang Min"


def main() -> int:
    data_dir, exports = Path(sys.argv[1]), Path(sys.argv[2])
    exports.mkdir(parents=True, exist_ok=True)
    paths = DataPaths.for_data_dir(data_dir)
    paths.ensure_root()
    configure_logging(paths.log_dir)
    _app = QApplication([sys.argv[0]])
    desk, boss, _ = face_ready_desk(paths, "leak scan passphrase", "the leak-scan flow")
    today = desk.today()
    resident_id = make_resident_id("310104", date(1988, 6, 15), "123")
    first = desk.check_in.register(
        boss,
        guest_details(GUEST, IdDocumentType.RESIDENT_ID, resident_id, None, today=today),
        stay_details("1208", today, today + timedelta(days=2), today=today),
    )
    consent = desk.consents.give(
        boss, person_id=first.person_id, stay_id=first.stay_id, purpose=Purpose.GUEST_VERIFICATION,
        notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"), affirmation=TypedName(GUEST),
    )  # fmt: skip
    photos = [DATASETS / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")]
    camera = lambda: ImageSequenceSource(photos, name="camera", fps=4.0, realtime=False, loop=True)  # noqa: E731
    enrol_through_the_camera(
        desk.faces.begin_enrolment(boss, person_id=first.person_id, purpose=Purpose.GUEST_VERIFICATION,
                                   source_factory=camera)
    )  # fmt: skip
    desk.check_in.complete_with_face(boss, first.stay_id)
    with desk.database.snapshot() as conn:
        templates = ConsentRepository(conn).templates_of(first.person_id).astype("float32").tobytes()
    session = desk.faces.begin_verification(
        boss, person_id=first.person_id, stay_id=first.stay_id, source_factory=camera
    )
    source = session.open_source()
    source.open()
    while session.submit(source.read()).result is None:
        pass
    source.close()
    passport = "E12345678"
    second = desk.check_in.register(
        boss,
        guest_details(MANUAL_GUEST, IdDocumentType.PASSPORT, passport, date(1979, 2, 3), today=today),
        stay_details("1210", today, today + timedelta(days=1), today=today),
    )
    desk.check_in.decline_face(boss, second.stay_id)
    desk.check_in.complete_manual(boss, second.stay_id, IdDocumentType.PASSPORT, passport)
    save_receipt_pdf(consent, exports / "consent-receipt.pdf")
    save_receipt_pdf(desk.consents.withdraw(boss, consent.consent_id), exports / "deletion-receipt.pdf")
    desk.rights.write_export(boss, second.person_id, exports / "person-export.json")
    staff_id = make_resident_id("310104", date(1990, 1, 1), "333")
    staff = desk.staff.register(boss, guest_details(STAFF, IdDocumentType.RESIDENT_ID, staff_id, None, today=today))
    desk.staff.set_pin(boss, staff, "4071")
    kiosk = desk.kiosk.start(boss, camera)
    kiosk.clock_with_pin(staff, "4071")
    kiosk.end(boss, desk.access)
    desk.attendance.export_csv(boss, today, today, exports / "attendance.csv")
    desk.documents.signage(boss, write=lambda document: write_pdf(document, exports / "sign.pdf"))
    desk.documents.pia_report(boss, write=lambda document: write_pdf(document, exports / "pia.pdf"))

    def write_filing(document, data) -> None:
        write_pdf(document, exports / "filing.pdf")
        (exports / "filing.json").write_text(json.dumps(data), encoding="utf-8")

    desk.documents.filing_data(boss, write=write_filing)
    desk.close()
    print(json.dumps({"names": [GUEST, MANUAL_GUEST, STAFF], "id_numbers": [resident_id, passport, staff_id],
                      "templates": templates.hex()}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
