"""After a guest says no, face is not offered again for 48 hours, and the no names no receptionist (R9)."""

from datetime import timedelta

import pytest

from app.domain.check_in import CheckInMethod, FaceUnavailableReason
from app.domain.errors import InvalidInputError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.flows.guest_check_in import CheckInFlowServices, CheckInState, GuestCheckInFlow
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import SourceSpy, adult, two_nights


@pytest.mark.req("R9")
def test_a_new_stay_soon_after_a_no_does_not_offer_face_but_the_guest_may_ask(
    face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession, clock: FakeClock, obama_camera: SourceSpy
) -> None:
    services = CheckInFlowServices(face_ready.check_in, face_ready.consents, lambda: face_ready.faces, obama_camera)
    first = GuestCheckInFlow(services, clerk)
    first.register(adult(clock), two_nights(clock, "1208"))
    first.decline()
    first.confirm_document(matches=True)
    assert first.stay is not None
    face_ready.check_in.check_out(clerk, first.stay.stay_id)

    clock.advance(timedelta(hours=3))  # the same guest is back for another stay the same day
    again = GuestCheckInFlow(services, clerk)
    offer = again.register(adult(clock), two_nights(clock, "0815"))
    assert offer.options == (CheckInMethod.MANUAL,)
    assert offer.face_unavailable is FaceUnavailableReason.DECLINED_RECENTLY
    assert again.guest_may_ask_for_face
    notice = again.guest_asks_for_face("en")  # they ask for it themselves: the notice, then consent
    assert again.state is CheckInState.NOTICE and "Face verification" in notice.text

    clock.advance(timedelta(hours=46))  # 49 hours after the no
    later = GuestCheckInFlow(services, clerk)
    assert CheckInMethod.FACE in later.register(adult(clock), two_nights(clock, "0920")).options

    declines = [e for e in face_ready.audit.recent_events(admin, 100) if e.action == "face.declined"]
    assert [e.actor for e in declines] == ["guest"]  # recorded without the receptionist who was there


@pytest.mark.req("R9")
def test_the_quiet_period_can_be_longer_but_never_shorter_than_48_hours(
    face_ready: DeskServices, admin: OperatorSession
) -> None:
    with pytest.raises(InvalidInputError, match="at least 48"):
        face_ready.settings.change(admin, "consent/decline_quiet_hours", 24)
    face_ready.settings.change(admin, "consent/decline_quiet_hours", 72)
