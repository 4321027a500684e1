"""Guest details, stays and the under-14 rule (R7)."""

from datetime import date

import pytest

from app.domain.errors import InvalidInputError
from app.domain.guests import age_on, guest_details, is_minor, same_name, stay_details
from app.domain.people import IdDocumentType
from tests.unit.domain.test_identity_documents import make_resident_id

TODAY = date(2026, 3, 2)


@pytest.mark.req("R7")
def test_the_birth_date_comes_from_the_resident_id() -> None:
    number = make_resident_id("310104", date(2012, 3, 3), "123")
    guest = guest_details("李小明", IdDocumentType.RESIDENT_ID, number, None, today=TODAY)
    assert guest.date_of_birth == date(2012, 3, 3)
    assert is_minor(guest.date_of_birth, TODAY)
    assert "李小明" not in repr(guest)
    assert number not in repr(guest)


@pytest.mark.req("R7")
def test_under_14_ends_on_the_fourteenth_birthday() -> None:
    birth = date(2012, 3, 2)
    assert is_minor(birth, date(2026, 3, 1))  # 13 years and 364 days
    assert not is_minor(birth, date(2026, 3, 2))  # 14 years and 0 days
    assert age_on(date(2008, 2, 29), date(2022, 2, 28)) == 13  # leap-day birthdays


def test_a_different_birth_date_from_the_resident_id_is_refused() -> None:
    number = make_resident_id("310104", date(1990, 5, 6), "123")
    with pytest.raises(InvalidInputError, match="does not match"):
        guest_details("Li Wei", IdDocumentType.RESIDENT_ID, number, date(1990, 5, 7), today=TODAY)


def test_other_documents_need_the_birth_date_typed_in() -> None:
    with pytest.raises(InvalidInputError, match="date of birth"):
        guest_details("Anna Smith", IdDocumentType.PASSPORT, "E1234567", None, today=TODAY)
    guest = guest_details("  Anna   Smith ", IdDocumentType.PASSPORT, "e1234567", date(1985, 1, 2), today=TODAY)
    assert guest.full_name == "Anna Smith"
    assert guest.document.number == "E1234567"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, "Li\x00Wei"])
def test_impossible_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidInputError):
        guest_details(name, IdDocumentType.PASSPORT, "E1234567", date(1985, 1, 2), today=TODAY)


def test_names_compare_without_regard_to_case_width_or_spaces() -> None:
    assert same_name("Li  Wei", "li wei")
    assert same_name("ＬＩ ＷＥＩ", "Li Wei")  # full-width letters from a Chinese keyboard
    assert same_name("李 小明", "李小明")
    assert not same_name("Li Wei", "Li Wen")


@pytest.mark.parametrize(
    ("room", "arrival", "departure", "message"),
    [
        ("", date(2026, 3, 2), date(2026, 3, 3), "room"),
        ("1208", date(2026, 3, 4), date(2026, 3, 3), "before the arrival"),
        ("1208", date(2026, 2, 1), date(2026, 3, 1), "already passed"),
        ("1208", date(2026, 3, 2), date(2027, 3, 5), "one year"),
    ],
)
def test_impossible_stays_are_refused(room: str, arrival: date, departure: date, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        stay_details(room, arrival, departure, today=TODAY)
