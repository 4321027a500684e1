"""Travel and residence documents, each validated by its own rules, and the under-14 rule from each."""

from datetime import date

import pytest

from app.domain.errors import InvalidInputError
from app.domain.guests import guest_details, is_minor
from app.domain.identity_documents import document_birth_date, icao_check_digit, id_document, resident_id_check_code
from app.domain.mrz import looks_like_mrz_line, parse_mrz
from app.domain.people import IdDocumentType

TODAY = date(2026, 12, 2)

# ICAO 9303 part 4, appendix: the specimen passport of Utopia (every check digit right)
TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
# ICAO 9303 part 5: the specimen TD1 identity card
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


def mod11(first17: str) -> str:
    return first17 + resident_id_check_code(first17)


def permanent_2017(nationality: str, office: str, birth: str, digit: str) -> str:
    first14 = f"{nationality}{office}{birth}{digit}"
    return first14 + icao_check_digit(first14)


def test_the_icao_check_digit_matches_the_published_examples() -> None:
    assert icao_check_digit("L898902C3") == "6"
    assert icao_check_digit("740812") == "2"
    assert icao_check_digit("120415") == "9"


def test_a_passport_zone_gives_name_number_nationality_and_dates() -> None:
    passport = parse_mrz("\n".join(TD3), today=TODAY)
    assert passport.document.type is IdDocumentType.PASSPORT
    assert passport.document.number == "L898902C3"
    assert passport.full_name == "ERIKSSON ANNA MARIA"
    assert passport.nationality == "UTO"
    assert passport.date_of_birth == date(1974, 8, 12)
    assert passport.expiry_date == date(2012, 4, 15)


def test_an_identity_card_zone_of_three_lines_is_read_too() -> None:
    card = parse_mrz(" ".join(TD1), today=TODAY)
    assert card.document.number == "D23145890"
    assert card.date_of_birth == date(1974, 8, 12)
    assert card.full_name == "ERIKSSON ANNA MARIA"


@pytest.mark.parametrize(
    ("line", "position", "field"),
    [
        (1, 9, "document number"),
        (1, 19, "date of birth"),
        (1, 27, "expiry date"),
        (1, 42, "personal number"),
        (1, 43, "final check digit"),
    ],
)
def test_a_wrong_check_digit_is_refused_naming_the_field(line: int, position: int, field: str) -> None:
    lines = list(TD3)
    wrong = str((int(lines[line][position]) + 1) % 10)
    lines[line] = lines[line][:position] + wrong + lines[line][position + 1 :]
    with pytest.raises(InvalidInputError, match=field):
        parse_mrz("\n".join(lines), today=TODAY)


def test_a_misread_character_in_a_protected_field_is_caught_by_its_check_digit() -> None:
    second = TD3[1].replace("7408122", "7408132")  # birth day 12 read as 13
    with pytest.raises(InvalidInputError, match="date of birth"):
        parse_mrz(TD3[0] + "\n" + second, today=TODAY)


def test_half_a_zone_is_not_taken_for_a_whole_one() -> None:
    assert looks_like_mrz_line(TD3[0]) and looks_like_mrz_line(TD1[2])
    assert not looks_like_mrz_line("310104199005062468")
    with pytest.raises(InvalidInputError, match="not a complete"):
        parse_mrz(TD3[0], today=TODAY)


def test_a_hong_kong_residence_permit_is_checked_like_a_resident_id_with_its_own_region() -> None:
    number = mod11("810000" + "19940823" + "002")
    document = id_document(IdDocumentType.HMT_RESIDENCE_PERMIT, number, today=TODAY)
    assert document_birth_date(document, TODAY) == date(1994, 8, 23)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    with pytest.raises(InvalidInputError, match="not valid"):
        id_document(IdDocumentType.HMT_RESIDENCE_PERMIT, wrong, today=TODAY)
    mainland = mod11("310104" + "19940823" + "002")
    with pytest.raises(InvalidInputError, match="810000, 820000 or 830000"):
        id_document(IdDocumentType.HMT_RESIDENCE_PERMIT, mainland, today=TODAY)


def test_the_2023_foreign_permanent_resident_id_is_18_digits_from_9_with_the_mod_11_check() -> None:
    number = mod11("9" + "31" + "840" + "19850317" + "021")  # Shanghai, USA, born 1985-03-17
    document = id_document(IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, number, today=TODAY)
    assert document_birth_date(document, TODAY) == date(1985, 3, 17)
    with pytest.raises(InvalidInputError, match="not valid"):
        id_document(IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, number[:-1] + "X", today=TODAY)


def test_the_2017_foreign_permanent_resident_id_has_a_nationality_and_an_icao_check_digit() -> None:
    number = permanent_2017("USA", "3100", "850317", "1")
    document = id_document(IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, number, today=TODAY)
    assert document_birth_date(document, TODAY) == date(1985, 3, 17)
    with pytest.raises(InvalidInputError, match="not valid"):
        id_document(IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, number[:-1] + "0" * (number[-1] != "0"), today=TODAY)
    with pytest.raises(InvalidInputError, match="2017 card"):
        id_document(IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, "US3100850317123", today=TODAY)


@pytest.mark.parametrize(
    ("document_type", "good", "bad"),
    [
        (IdDocumentType.HK_MACAO_PERMIT, "H12345678", "12345678H"),
        (IdDocumentType.HK_MACAO_PERMIT, "M1234567801", "X1234567801"),
        (IdDocumentType.TAIWAN_PERMIT, "01234567", "0123456"),
    ],
)
def test_travel_permits_keep_their_own_shape(document_type: IdDocumentType, good: str, bad: str) -> None:
    assert id_document(document_type, good, today=TODAY).number == good
    with pytest.raises(InvalidInputError):
        id_document(document_type, bad, today=TODAY)


@pytest.mark.req("R7")
@pytest.mark.parametrize(
    ("document_type", "number_for", "typed_birth"),
    [
        (IdDocumentType.RESIDENT_ID, lambda b: mod11("310104" + b.strftime("%Y%m%d") + "002"), None),
        (IdDocumentType.HMT_RESIDENCE_PERMIT, lambda b: mod11("820000" + b.strftime("%Y%m%d") + "002"), None),
        (IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, lambda b: mod11("931840" + b.strftime("%Y%m%d") + "021"), None),
        (
            IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID,
            lambda b: permanent_2017("FRA", "1100", b.strftime("%y%m%d"), "2"),
            None,
        ),
        (IdDocumentType.PASSPORT, lambda b: "E12345678", True),
        (IdDocumentType.HK_MACAO_PERMIT, lambda b: "H87654321", True),
        (IdDocumentType.TAIWAN_PERMIT, lambda b: "87654321", True),
    ],
)
def test_the_under_14_rule_uses_the_birth_date_each_document_gives(document_type, number_for, typed_birth) -> None:
    child_birth, adult_birth = date(2016, 6, 1), date(1990, 6, 1)
    for birth, minor in ((child_birth, True), (adult_birth, False)):
        details = guest_details(
            "Test Guest", document_type, number_for(birth), birth if typed_birth else None, today=TODAY
        )
        assert details.date_of_birth == birth
        assert is_minor(details.date_of_birth, TODAY) is minor


def test_a_typed_birth_date_that_contradicts_the_number_is_refused_for_every_document_carrying_one() -> None:
    permit = mod11("830000" + "20160601" + "002")
    with pytest.raises(InvalidInputError, match="does not match"):
        guest_details("Test Guest", IdDocumentType.HMT_RESIDENCE_PERMIT, permit, date(1990, 6, 1), today=TODAY)
