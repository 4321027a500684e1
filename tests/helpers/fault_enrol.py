"""One enrolment on an existing installation, as its own process (the fault matrix runs it on a full disk).

    python -m tests.helpers.fault_enrol DATA_DIR

Registers a guest, records the consent and enrols three templates from real photos through the
desk's check-in flow. Exit 0 and "enrolled" when stored; otherwise the one-line error a desk would
show (exit 4), or a traceback (exit 70) — which the matrix counts as a defect.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from app.camera.file_source import ImageSequenceSource
from app.config.logs import configure_logging
from app.config.paths import DataPaths
from app.domain.consent import TypedName
from app.domain.errors import FaceDeskError
from app.domain.guests import guest_details, stay_details
from app.domain.people import IdDocumentType
from app.services.flows.guest_check_in import CheckInFlowServices, GuestCheckInFlow
from tests.helpers.desk_day import PASSPHRASE, PHOTOS
from tests.helpers.enrolment import capture_through_the_camera
from tests.helpers.face_desk import fast_installation


def main() -> int:
    """Enrol one guest; print "enrolled" or the error line."""
    paths = DataPaths.for_data_dir(Path(sys.argv[1]))
    configure_logging(paths.log_dir)
    installation = fast_installation(paths)
    try:
        desk = installation.open_desk(PASSPHRASE)
        try:
            boss = desk.operators.sign_in("boss", "boss-password-1")
            today = desk.today()
            flow = GuestCheckInFlow(
                CheckInFlowServices(
                    desk.check_in, desk.consents, lambda: desk.faces,
                    lambda: ImageSequenceSource(PHOTOS, name="camera", fps=4.0, realtime=False, loop=True),
                ),
                boss,
            )  # fmt: skip
            flow.register(
                guest_details("Anna Schmidt", IdDocumentType.PASSPORT, "E12345678", today - timedelta(days=12000),
                              today=today),
                stay_details("1210", today, today + timedelta(days=1), today=today),
            )  # fmt: skip
            capture_through_the_camera(flow.consent(flow.choose_face("en"), TypedName("Anna Schmidt")))
            flow.complete()
        finally:
            desk.close()
    except FaceDeskError as exc:
        print(f"facedesk: {exc}", file=sys.stderr)
        return 4
    print("enrolled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
