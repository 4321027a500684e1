"""The method choice offers the manual check always, and never pre-selects (R8, R9)."""

import pytest

from app.domain.check_in import CheckInMethod, FaceUnavailableReason, MethodOffer


@pytest.mark.req("R8")
def test_an_offer_without_the_manual_check_cannot_exist() -> None:
    with pytest.raises(ValueError, match="manual ID check is always offered"):
        MethodOffer((CheckInMethod.FACE,))
    for reason in FaceUnavailableReason:
        assert MethodOffer.manual_only(reason).options == (CheckInMethod.MANUAL,)
    assert MethodOffer.both().options == (CheckInMethod.FACE, CheckInMethod.MANUAL)


@pytest.mark.req("R9")
def test_nothing_is_ever_preselected() -> None:
    assert MethodOffer.both().preselected is None
    with pytest.raises(TypeError):
        MethodOffer((CheckInMethod.FACE, CheckInMethod.MANUAL), None, CheckInMethod.FACE)  # type: ignore[call-arg]


def test_face_is_offered_exactly_when_nothing_stands_against_it() -> None:
    with pytest.raises(ValueError):
        MethodOffer((CheckInMethod.FACE, CheckInMethod.MANUAL), FaceUnavailableReason.UNDER_14)
    with pytest.raises(ValueError):
        MethodOffer((CheckInMethod.MANUAL,))
