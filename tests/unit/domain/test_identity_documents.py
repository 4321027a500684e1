"""Identity documents: the resident ID checksum and birth date, and what a manual check keeps."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInputError
from app.domain.identity_documents import id_document, resident_id_check_code
from app.domain.people import IdDocumentType

TODAY = date(2026, 3, 2)
VALID = "11010519491231002X"  # the checksum example published with GB 11643


def make_resident_id(region: str, birth: date, sequence: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + resident_id_check_code(first17)


def test_the_published_example_is_valid() -> None:
    document = id_document(IdDocumentType.RESIDENT_ID, VALID, today=TODAY)
    assert document.number == VALID
    assert document.last4 == "002X"


@given(
    region=st.from_regex(r"[1-6][0-9]{5}", fullmatch=True),
    birth=st.dates(min_value=date(1920, 1, 1), max_value=TODAY),
    sequence=st.from_regex(r"[0-9]{3}", fullmatch=True),
)
def test_any_correctly_built_number_is_accepted_and_any_single_digit_change_refused(
    region: str, birth: date, sequence: str
) -> None:
    number = make_resident_id(region, birth, sequence)
    assert id_document(IdDocumentType.RESIDENT_ID, number, today=TODAY).number == number
    position = 16
    changed = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1 :]
    with pytest.raises(InvalidInputError, match="not valid"):
        id_document(IdDocumentType.RESIDENT_ID, changed, today=TODAY)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1101051949123100", "17 digits"),
        ("11010519491331002X", "date of birth"),  # month 13
        ("110105" + "20300101" + "001" + "0", "date of birth"),  # in the future
        ("110105194912310021", "not valid"),
    ],
)
def test_bad_resident_ids_get_a_plain_message(number: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        id_document(IdDocumentType.RESIDENT_ID, number, today=TODAY)


def test_numbers_are_read_forgivingly_and_never_shown_whole() -> None:
    document = id_document(IdDocumentType.RESIDENT_ID, "110105 19491231 002x", today=TODAY)
    assert document.number == VALID
    assert VALID not in repr(document)
    assert "002X" in repr(document)


@pytest.mark.parametrize("number", ["E12", "E1234567890123456789012", "E123 45-67", "护照1234567"])
def test_other_documents_need_5_to_20_latin_letters_and_digits(number: str) -> None:
    if number == "E123 45-67":
        assert id_document(IdDocumentType.PASSPORT, number, today=TODAY).number == "E1234567"
        return
    with pytest.raises(InvalidInputError, match="5 to 20"):
        id_document(IdDocumentType.PASSPORT, number, today=TODAY)
