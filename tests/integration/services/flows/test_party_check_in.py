"""Parties, guardians, continuing an arrival and the ID check without retyping (issue 15), without Qt."""

from collections.abc import Callable

import pytest

from app.domain.check_in import CheckInMethod
from app.domain.consent import TypedName
from app.domain.errors import InvalidInputError, StateError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.flows.check_in_party import CheckInParty, guardian_from_party
from app.services.flows.guest_check_in import CheckInFlowServices, CheckInState, GuestCheckInFlow
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import PIA, SourceSpy, adult, child, two_nights
from tests.integration.services.flows.conftest import capture, person_state


@pytest.fixture
def start(face_ready: DeskServices, clerk: OperatorSession, obama_camera: SourceSpy) -> Callable[[], GuestCheckInFlow]:
    services = CheckInFlowServices(face_ready.check_in, face_ready.consents, lambda: face_ready.faces, obama_camera)
    return lambda: GuestCheckInFlow(services, clerk)


@pytest.mark.req("R7")
def test_a_child_of_a_party_gets_face_only_through_an_adult_of_the_party_as_guardian(
    start, face_ready: DeskServices, admin: OperatorSession, clock: FakeClock
) -> None:
    face_ready.settings.change(admin, "consent/guardian_flow_enabled", True)
    face_ready.pia.record(admin, PIA)  # the guardian flow changes what was assessed
    party = CheckInParty(two_nights(clock, "0808"))
    mother = start()
    mother.register(adult(clock, "Li Na", serial="321"), party.stay)
    assert mother.offer is not None and not mother.offer.guardian_needed
    mother.decline()
    mother.confirm_document(matches=True)
    assert mother.stay is not None and mother.guest is not None
    party.add(mother.guest, mother.stay.stay_id)

    kid = start()
    kid.register(child(clock), party.stay)
    assert kid.offer is not None and kid.offer.guardian_needed and kid.stay is not None
    party.add(child(clock), kid.stay.stay_id)
    notice = kid.choose_face("en")
    assert kid.state is CheckInState.GUARDIAN and kid.guest_facing
    with pytest.raises(StateError):
        kid.consent(notice, TypedName("Li Na"))  # no consent before a guardian is named
    adults = party.guardians_for(kid.stay.stay_id, clock().date())
    assert [guest.full_name for guest in adults] == ["Li Na"]  # the child is never their own guardian
    kid.set_guardian(guardian_from_party(adults[0], "mother"))
    with pytest.raises(InvalidInputError, match="consenting person's own name"):
        kid.consent(notice, TypedName("Li Xiaoming"))  # the guardian affirms, with their own name
    session = kid.consent(notice, TypedName("Li Na"))
    capture(session)
    receipt = kid.complete()
    assert "your guardian" in receipt.text
    assert kid.finish_receipt().method is CheckInMethod.FACE
    consent = face_ready.consents.consents_of(admin, kid.stay.person_id)[0]
    given_by = (consent.consenter.value, consent.guardian_name, consent.guardian_relation)
    assert given_by == ("guardian", "Li Na", "mother")


def test_declining_at_the_guardian_step_goes_to_the_id_check(
    start, face_ready: DeskServices, admin: OperatorSession, clock: FakeClock
) -> None:
    face_ready.settings.change(admin, "consent/guardian_flow_enabled", True)
    face_ready.pia.record(admin, PIA)
    kid = start()
    kid.register(child(clock), two_nights(clock))
    kid.choose_face("zh_CN")
    kid.decline()
    assert kid.state is CheckInState.MANUAL_CHECK
    assert kid.confirm_document(matches=True).method is CheckInMethod.MANUAL


@pytest.mark.req("R8")
def test_the_id_check_confirms_the_registered_document_without_retyping(
    start, face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession, clock: FakeClock
) -> None:
    flow = start()
    flow.register(adult(clock), two_nights(clock))
    flow.decline()
    assert flow.stay is not None
    registered = face_ready.check_in.registered_document(clerk, flow.stay.stay_id)
    assert registered is not None and registered[1] == adult(clock).document.number[-4:]
    with pytest.raises(InvalidInputError, match="does not match"):
        flow.confirm_document(matches=False)
    assert flow.state is CheckInState.MANUAL_CHECK  # the receptionist can look again
    assert not face_ready.check_in.stay(clerk, flow.stay.stay_id).checked_in
    flow.confirm_document(matches=True)
    assert face_ready.check_in.stay(clerk, flow.stay.stay_id).check_in_method is CheckInMethod.MANUAL
    state = person_state(face_ready, admin, flow.stay.person_id, (flow.stay.stay_id,))
    assert state.actions.count("verification.manual") == 2 and state.templates == 0


def test_an_arrival_registered_earlier_continues_from_the_method_choice(
    start, face_ready: DeskServices, clerk: OperatorSession, register, clock: FakeClock
) -> None:
    arrival = register(room="1503")
    flow = start()
    flow.resume(arrival.stay_id)
    assert flow.state is CheckInState.METHOD_CHOICE and flow.room == "1503"
    assert flow.guest is not None and flow.guest.full_name == "Li Wei"
    flow.decline()
    flow.confirm_document(matches=True)
    again = start()
    with pytest.raises(StateError, match="already checked in"):
        again.resume(arrival.stay_id)
    assert again.state is CheckInState.DETAILS
