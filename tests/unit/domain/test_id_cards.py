"""The card's text block: fields parsed, the number's checksum and birth date checked, expiry flagged."""

from datetime import date

import pytest

from app.domain.errors import InvalidInputError
from app.domain.id_cards import parse_card_text
from app.domain.identity_documents import resident_id_check_code
from app.domain.people import IdDocumentType
from tests.helpers.card_reader_sim import CARD_BIRTH, CARD_NAME, CARD_NUMBER, card_text, default_card

TODAY = date(2026, 12, 2)


def test_a_resident_id_card_gives_name_number_birth_date_and_validity() -> None:
    card = parse_card_text(default_card(), today=TODAY)
    assert card.full_name == CARD_NAME
    assert card.document.type is IdDocumentType.RESIDENT_ID
    assert card.document.number == CARD_NUMBER
    assert card.date_of_birth == CARD_BIRTH
    assert card.valid_until == date(2031, 3, 1)
    assert not card.expired(TODAY)


def test_what_a_read_card_shows_in_a_log_line_is_the_type_and_last_four_only() -> None:
    card = parse_card_text(default_card(), today=TODAY)
    assert CARD_NAME not in repr(card) and CARD_NUMBER not in repr(card)
    assert "2468" in repr(card)


def test_an_expired_card_is_read_and_flagged_and_a_long_term_card_never_expires() -> None:
    expired = parse_card_text(default_card(valid_until=date(2025, 3, 1)), today=TODAY)
    assert expired.expired(TODAY)
    long_term = parse_card_text(default_card(valid_until=None), today=TODAY)
    assert long_term.valid_until is None and not long_term.expired(date(2090, 1, 1))


def test_a_number_with_a_wrong_check_character_is_refused() -> None:
    wrong = CARD_NUMBER[:-1] + ("0" if CARD_NUMBER[-1] != "0" else "1")
    block = card_text(name=CARD_NAME, number=wrong, birth=CARD_BIRTH, valid_from=date(2021, 3, 1), valid_until=None)
    with pytest.raises(InvalidInputError, match="not valid"):
        parse_card_text(block, today=TODAY)


def test_a_birth_date_field_that_contradicts_the_number_is_refused() -> None:
    block = card_text(
        name=CARD_NAME, number=CARD_NUMBER, birth=date(1990, 5, 7), valid_from=date(2021, 3, 1), valid_until=None
    )
    with pytest.raises(InvalidInputError, match="does not match its number"):
        parse_card_text(block, today=TODAY)


def test_a_hong_kong_residence_permit_card_is_read_as_one() -> None:
    first17 = "810000199408230" + "02"
    number = first17 + resident_id_check_code(first17)
    block = card_text(
        name="陳大文",
        number=number,
        birth=date(1994, 8, 23),
        valid_from=date(2020, 1, 1),
        valid_until=date(2030, 1, 1),
        ethnicity="",
        card_type="J",
    )
    card = parse_card_text(block, today=TODAY)
    assert card.document.type is IdDocumentType.HMT_RESIDENCE_PERMIT
    assert card.date_of_birth == date(1994, 8, 23)


def test_a_damaged_or_unknown_block_is_refused_with_a_plain_sentence() -> None:
    with pytest.raises(InvalidInputError, match="could not be read"):
        parse_card_text(default_card()[:200], today=TODAY)
    unknown = default_card()[:248] + "Z".encode("utf-16-le") + default_card()[250:]
    with pytest.raises(InvalidInputError, match="cannot be read here"):
        parse_card_text(unknown, today=TODAY)
