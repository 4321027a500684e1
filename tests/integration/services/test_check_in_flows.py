"""A guest check-in walked three ways, on a real encrypted database with real dlib templates (R3-R9).

Face with consent; face declined then the manual ID check; a child under 14 routed to the manual
check. Each ends in the same checked-in state.
"""

from collections.abc import Callable

import pytest

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod, FaceUnavailableReason, MethodOffer
from app.domain.consent import TypedName
from app.domain.errors import ComplianceBlockedError
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.domain.records import StayRecord
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.storage.consent_repository import ConsentRepository
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrol_through_the_camera
from tests.integration.services.conftest import SourceSpy, adult, child


def checked_in_state(stay: StayRecord) -> tuple[bool, bool, bool]:
    """What every route must end in: checked in, not checked out, nothing pending."""
    return stay.checked_in, stay.checked_out_at is None, stay.check_in_method is not None


@pytest.mark.req("R3")
@pytest.mark.req("R4")
@pytest.mark.req("R5")
def test_face_with_consent_checks_the_guest_in(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> None:
    desk = face_ready
    guest = register()
    assert desk.check_in.method_offer(clerk, guest.stay_id) == MethodOffer.both()

    notice = desk.consents.notice(Purpose.GUEST_VERIFICATION, "zh_CN")
    assert "Lotus Inn" in notice.text and "人工核验证件" in notice.text
    assert obama_camera.created == 0  # nothing has touched the camera before consent
    receipt = desk.consents.give(
        clerk,
        person_id=guest.person_id,
        stay_id=guest.stay_id,
        purpose=Purpose.GUEST_VERIFICATION,
        notice=notice,
        affirmation=TypedName("li wei"),
    )
    assert receipt.withdrawal_code in receipt.text
    assert "撤回码" in receipt.text

    session = desk.faces.begin_enrolment(
        clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
    )
    assert enrol_through_the_camera(session) == 3
    assert obama_camera.created == 1

    result = desk.check_in.complete_with_face(clerk, guest.stay_id)
    assert result.method is CheckInMethod.FACE
    stay = desk.check_in.stay(clerk, guest.stay_id)
    assert checked_in_state(stay) == (True, True, True)
    with desk.database.snapshot() as conn:
        consent = ConsentRepository(conn).live_consent(guest.person_id, Purpose.GUEST_VERIFICATION)
        assert consent is not None
        assert (consent.notice_version, consent.notice_sha256, consent.language) == ("2026.2", notice.sha256, "zh_CN")
        assert ConsentRepository(conn).template_count(guest.person_id) == 3
    assert desk.audit.verify_chain().intact


@pytest.mark.req("R8")
@pytest.mark.req("R9")
def test_face_declined_then_the_manual_check_checks_the_guest_in(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
    obama_camera: SourceSpy,
) -> None:
    desk = face_ready
    guest = register()
    assert desk.check_in.method_offer(clerk, guest.stay_id).options == (CheckInMethod.FACE, CheckInMethod.MANUAL)
    desk.check_in.decline_face(clerk, guest.stay_id)
    offer = desk.check_in.method_offer(clerk, guest.stay_id)
    assert offer == MethodOffer.manual_only(FaceUnavailableReason.DECLINED_THIS_STAY)  # never asked again
    with pytest.raises(ComplianceBlockedError, match="declined"):
        desk.consents.give(
            clerk,
            person_id=guest.person_id,
            stay_id=guest.stay_id,
            purpose=Purpose.GUEST_VERIFICATION,
            notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
            affirmation=TypedName("Li Wei"),
        )

    number = adult(clock).document.number
    result = desk.check_in.complete_manual(clerk, guest.stay_id, IdDocumentType.RESIDENT_ID, number)
    assert result.method is CheckInMethod.MANUAL
    stay = desk.check_in.stay(clerk, guest.stay_id)
    assert checked_in_state(stay) == (True, True, True)
    with desk.database.snapshot() as conn:
        [check] = ConsentRepository(conn).verifications_of(guest.person_id)
        assert ConsentRepository(conn).template_count(guest.person_id) == 0
    assert (check["method"], check["result"], check["document_last4"]) == ("manual", "document_checked", number[-4:])
    assert obama_camera.created == 0


@pytest.mark.req("R7")
@pytest.mark.req("R8")
def test_a_child_under_14_is_routed_to_the_manual_check(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], clock: FakeClock
) -> None:
    desk = face_ready
    guest = register(child(clock), room="1209")
    assert desk.check_in.method_offer(clerk, guest.stay_id) == MethodOffer.manual_only(FaceUnavailableReason.UNDER_14)
    with pytest.raises(ComplianceBlockedError, match="under 14"):
        desk.consents.give(
            clerk,
            person_id=guest.person_id,
            stay_id=guest.stay_id,
            purpose=Purpose.GUEST_VERIFICATION,
            notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
            affirmation=TypedName("Li Xiaoming"),
        )
    desk.check_in.complete_manual(clerk, guest.stay_id, IdDocumentType.RESIDENT_ID, child(clock).document.number)
    assert checked_in_state(desk.check_in.stay(clerk, guest.stay_id)) == (True, True, True)


def test_all_three_routes_end_in_the_same_state(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
    obama_camera: SourceSpy,
) -> None:
    desk = face_ready
    by_face = register(adult(clock, "Li Wei", serial="111"), room="1301")
    desk.consents.give(
        clerk,
        person_id=by_face.person_id,
        stay_id=by_face.stay_id,
        purpose=Purpose.GUEST_VERIFICATION,
        notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
        affirmation=TypedName("Li Wei"),
    )
    enrol_through_the_camera(
        desk.faces.begin_enrolment(
            clerk, person_id=by_face.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    )
    desk.check_in.complete_with_face(clerk, by_face.stay_id)
    declined = register(adult(clock, "Zhang San", serial="222"), room="1302")
    desk.check_in.decline_face(clerk, declined.stay_id)
    desk.check_in.complete_manual(
        clerk, declined.stay_id, IdDocumentType.RESIDENT_ID, adult(clock, "Zhang San", serial="222").document.number
    )
    young = register(child(clock), room="1303")
    desk.check_in.complete_manual(clerk, young.stay_id, IdDocumentType.RESIDENT_ID, child(clock).document.number)
    states = {checked_in_state(desk.check_in.stay(clerk, g.stay_id)) for g in (by_face, declined, young)}
    assert states == {(True, True, True)}
