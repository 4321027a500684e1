"""The front desk's lists: arrivals, in-house guests, departures, and finding one stay by room (issue 15)."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from app.domain.audit import AuditHead
from app.domain.consent import TypedName
from app.domain.errors import InvalidInputError, NotFoundError, SessionExpiredError, StateError
from app.domain.guests import stay_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import checked_in_with_face
from tests.integration.services.conftest import PIA, SourceSpy, adult


def rooms(rows) -> list[str]:
    return [row.stay.room for row in rows]


def test_arrivals_in_house_guests_and_departures_are_listed_by_room(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    by_face = register(room="1208")
    checked_in_with_face(face_ready, clerk, by_face, obama_camera)
    by_id = register(adult(clock, "Zhang San", serial="222"), room="0815")
    face_ready.check_in.decline_face(clerk, by_id.stay_id)
    number = adult(clock, "Zhang San", serial="222").document.number
    face_ready.check_in.complete_manual(clerk, by_id.stay_id, IdDocumentType.RESIDENT_ID, number)
    today = clock().date()
    leaving = face_ready.check_in.register(
        clerk, adult(clock, "Wang Wu", serial="333"), stay_details("0101", today, today, today=today)
    )
    face_ready.check_in.decline_face(clerk, leaving.stay_id)
    face_ready.check_in.complete_manual(
        clerk, leaving.stay_id, IdDocumentType.RESIDENT_ID, adult(clock, "Wang Wu", serial="333").document.number
    )
    arriving = register(adult(clock, "Li Na", serial="444"), room="2001")
    later = face_ready.check_in.register(
        clerk, adult(clock, "Chen Jing", serial="555"),
        stay_details("3003", today + timedelta(days=3), today + timedelta(days=5), today=today),
    )  # fmt: skip

    day = face_ready.front_desk.day(clerk)
    assert rooms(day.arrivals) == ["2001"]  # a booking for later in the week is not today's arrival
    assert arriving.stay_id in [row.stay.id for row in day.arrivals] and later.stay_id not in [
        row.stay.id for row in day.arrivals + day.in_house
    ]
    assert rooms(day.in_house) == ["0101", "0815", "1208"]
    assert rooms(day.departures) == ["0101"]
    face = next(row for row in day.in_house if row.stay.room == "1208")
    assert face.name == "Li Wei" and face.face_data_until is not None  # when the face data goes
    assert all(row.face_data_until is None for row in day.in_house if row.stay.room != "1208")

    face_ready.check_in.check_out(clerk, leaving.stay_id)
    assert rooms(face_ready.front_desk.day(clerk).in_house) == ["0815", "1208"]


def test_one_stay_is_found_by_room_or_by_number_and_a_shared_room_asks_which(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], clock: FakeClock
) -> None:
    first = register(room="1208")
    second = register(adult(clock, "Li Xiaoming", born=date(1990, 1, 1), serial="666"), room="1208")
    single = register(adult(clock, "Zhang San", serial="222"), room="0815")
    assert face_ready.front_desk.find(clerk, " 0815 ").stay.id == single.stay_id
    assert face_ready.front_desk.find(clerk, f"#{second.stay_id}").name == "Li Xiaoming"
    with pytest.raises(
        InvalidInputError, match=f"Room 1208 has 2 open stays \\(#{first.stay_id}, #{second.stay_id}\\)"
    ):
        face_ready.front_desk.find(clerk, "1208")
    with pytest.raises(NotFoundError, match="No open stay is in room 9999"):
        face_ready.front_desk.find(clerk, "9999")
    with pytest.raises(NotFoundError, match="No open stay has the number 10000000000000000000000"):
        face_ready.front_desk.find(clerk, "#10000000000000000000000")
    with pytest.raises(InvalidInputError):
        face_ready.front_desk.find(clerk, "  ")


def test_the_lists_need_a_signed_in_operator(face_ready: DeskServices, clerk: OperatorSession) -> None:
    face_ready.operators.sign_out(clerk)
    with pytest.raises(SessionExpiredError):
        face_ready.front_desk.day(clerk)


def test_an_extension_moves_the_departure_and_the_face_data_deletion_with_it(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    """The notice the guest agreed to says "deleted when you check out": a longer stay keeps the rule."""
    guest = register(room="1208")
    checked_in_with_face(face_ready, clerk, guest, obama_camera)
    before = face_ready.front_desk.find(clerk, "1208")
    longer = face_ready.stays.change_departure(clerk, guest.stay_id, before.stay.departure + timedelta(days=3))
    after = face_ready.front_desk.find(clerk, "1208")
    assert longer.stay.departure == before.stay.departure + timedelta(days=3) and longer.to_confirm == ()
    assert before.face_data_until is not None and after.face_data_until == before.face_data_until + timedelta(days=3)
    clock.advance(timedelta(days=3))  # the old departure has passed: the hourly purge keeps the face data
    assert face_ready.retention.purge().items == ()
    moved = face_ready.stays.change_room(clerk, guest.stay_id, " 2001 ")
    assert moved.room == "2001" and face_ready.front_desk.find(clerk, "2001").face_data_until == after.face_data_until
    with pytest.raises(InvalidInputError, match="already passed"):
        face_ready.stays.change_departure(clerk, guest.stay_id, clock().date() - timedelta(days=1))
    face_ready.check_in.check_out(clerk, guest.stay_id)
    with pytest.raises(StateError, match="already checked out"):
        face_ready.stays.change_room(clerk, guest.stay_id, "3003")


@pytest.mark.req("R6")
@pytest.mark.req("R13")
def test_an_extension_the_agreed_notice_does_not_cover_is_reconfirmed_or_the_face_data_goes(
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    """The notice changed since they agreed (now 2 h after checkout): the longer stay needs their yes."""
    staying = register(room="1208")
    checked_in_with_face(face_ready, clerk, staying, obama_camera)
    leaving = register(adult(clock, "Zhang San", serial="222"), room="1208")
    checked_in_with_face(face_ready, clerk, leaving, obama_camera, name="Zhang San")
    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)
    face_ready.pia.record(admin, PIA)
    before = {row.stay.id: row for row in face_ready.front_desk.day(clerk).in_house}
    longer = before[staying.stay_id].stay.departure + timedelta(days=2)

    keeps = face_ready.stays.change_departure(clerk, staying.stay_id, longer)
    declines = face_ready.stays.change_departure(clerk, leaving.stay_id, longer)
    assert len(keeps.to_confirm) == len(declines.to_confirm) == 1
    assert "2 hours after you check out" in keeps.to_confirm[0].notice.text
    after = {row.stay.id: row for row in face_ready.front_desk.day(clerk).in_house}
    # until the guest answers, the face data keeps the date they agreed to
    assert after[staying.stay_id].face_data_until == before[staying.stay_id].face_data_until

    reconfirm = keeps.to_confirm[0]
    face_ready.consents.renew(clerk, reconfirm.consent_id, reconfirm.notice, TypedName("Li Wei"))
    renewed = face_ready.front_desk.find(clerk, "#" + str(staying.stay_id))
    old_until = before[staying.stay_id].face_data_until
    assert old_until is not None and renewed.face_data_until == old_until + timedelta(days=2, hours=2)
    receipt = face_ready.consents.decline_renewal(clerk, declines.to_confirm[0].consent_id)
    assert "Deletion receipt" in receipt.text
    stays_on = face_ready.front_desk.find(clerk, "#" + str(leaving.stay_id))
    assert stays_on.checked_in and stays_on.face_data_until is None  # the stay goes on with the ID check
    assert stays_on.stay.departure == longer


@pytest.mark.req("R10")
@pytest.mark.req("R13")
def test_a_checkout_offers_the_deletion_receipt_or_says_when_the_face_data_goes(
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    now_guest = register(room="1208")
    checked_in_with_face(face_ready, clerk, now_guest, obama_camera)
    checkout = face_ready.check_in.check_out(clerk, now_guest.stay_id)
    assert checkout.templates_deleted == 3 and checkout.face_data_until is None
    (receipt,) = face_ready.consents.checkout_receipts(clerk, checkout)
    assert "You checked out" in receipt.text and "Face templates deleted at checkout: 3." in receipt.text
    assert face_ready.audit.verify([AuditHead.parse_checkpoint(checkout.checkpoint)]).intact

    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)
    face_ready.pia.record(admin, PIA)
    later_guest = register(adult(clock, "Zhang San", serial="222"), room="0815")
    checked_in_with_face(face_ready, clerk, later_guest, obama_camera, name="Zhang San")
    later = face_ready.check_in.check_out(clerk, later_guest.stay_id)
    assert later.templates_deleted == 0 and later.face_data_until == later.at + timedelta(hours=2)
    assert face_ready.consents.checkout_receipts(clerk, later) == ()
