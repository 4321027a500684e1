"""Hostile and random input at every place a person types something (issue 9, hostile input).

Each property runs EXAMPLES generated inputs (seeded by Hypothesis's database-free derandomised
mode, so CI runs are repeatable): the result is either a clean value or an InvalidInputError with
a sentence a receptionist can act on; never another exception, never a silently mangled value.
"""

from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.config.settings import SETTING_SPECS
from app.domain.attendance import check_pin
from app.domain.consent import WITHDRAWAL_CODE_ALPHABET, normalise_withdrawal_code
from app.domain.errors import InvalidInputError
from app.domain.guests import MAX_NAME_LENGTH, clean_name, guest_details, stay_details
from app.domain.identity_documents import id_document
from app.domain.people import IdDocumentType
from app.keystore.recovery_code import RecoveryCode
from tests.unit.domain.test_identity_documents import make_resident_id

EXAMPLES = 400
TODAY = date(2026, 11, 26)
hostile = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NASTY = st.sampled_from(
    ["", " ", "\x00", "Robert'); DROP TABLE people;--", "=cmd|' /C calc'!A0", "\u202e\u202d", "李" * 101,
     "\ufeffLi Wei", "Li\u200bWei", "👍🏽", "\ud7ff", "x" * 10_000, "NULL", "../../etc/passwd", "%s%n%x"]
)  # fmt: skip
ANY_TEXT = st.one_of(st.text(), NASTY)


def refused_clearly(error: InvalidInputError) -> None:
    message = str(error)
    assert message.endswith((".", "。")) and 10 <= len(message) <= 300 and "Traceback" not in message


@hostile
@given(ANY_TEXT)
@example("  Li   Wei ")
def test_names(text: str) -> None:
    try:
        name = clean_name(text)
    except InvalidInputError as error:
        refused_clearly(error)
        return
    assert name == name.strip() and "  " not in name and 0 < len(name) <= MAX_NAME_LENGTH and name.isprintable()


@hostile
@given(st.sampled_from(list(IdDocumentType)), ANY_TEXT)
def test_identity_document_numbers(kind: IdDocumentType, text: str) -> None:
    try:
        document = id_document(kind, text, today=TODAY)
    except InvalidInputError as error:
        refused_clearly(error)
        return
    assert document.number.isascii() and document.number.isalnum() and document.number == document.number.upper()


@hostile
@given(st.dates(date(1900, 1, 1), date(2026, 11, 26)), st.text(alphabet="0123456789", min_size=3, max_size=3))
def test_every_valid_resident_id_is_accepted_and_any_one_changed_digit_is_refused(born: date, serial: str) -> None:
    number = make_resident_id("310104", born, serial)
    assert id_document(IdDocumentType.RESIDENT_ID, number, today=TODAY).number == number
    changed = number[:10] + str((int(number[10]) + 1) % 10) + number[11:]
    try:
        id_document(IdDocumentType.RESIDENT_ID, changed, today=TODAY)
    except InvalidInputError as error:
        refused_clearly(error)
    else:
        raise AssertionError("a mistyped resident ID was accepted")


@hostile
@given(st.dates(date(1800, 1, 1), date(2200, 1, 1)), st.dates(date(2000, 1, 1), date(2100, 1, 1)), st.integers(-5, 500))
def test_birth_and_stay_dates(born: date, arrival: date, nights: int) -> None:
    try:
        guest_details("Anna Schmidt", IdDocumentType.PASSPORT, "C03005988", born, today=TODAY)
        stay = stay_details("1208", arrival, arrival + timedelta(days=nights), today=TODAY)
    except InvalidInputError as error:
        refused_clearly(error)
        return
    assert stay.departure >= stay.arrival


@hostile
@given(st.one_of(ANY_TEXT, st.text(alphabet=WITHDRAWAL_CODE_ALPHABET + "-oil ", min_size=8, max_size=12)))
def test_withdrawal_codes(text: str) -> None:
    try:
        code = normalise_withdrawal_code(text)
    except InvalidInputError as error:
        refused_clearly(error)
        return
    assert len(code) == 9 and code[4] == "-" and all(ch in WITHDRAWAL_CODE_ALPHABET for ch in code.replace("-", ""))


@hostile
@given(ANY_TEXT)
def test_recovery_codes(text: str) -> None:
    try:
        RecoveryCode.parse(text)
    except InvalidInputError as error:
        refused_clearly(error)


@hostile
@given(st.one_of(ANY_TEXT, st.text(alphabet="0123456789", min_size=0, max_size=12)))
def test_staff_pins(text: str) -> None:
    try:
        pin = check_pin(text)
    except InvalidInputError as error:
        refused_clearly(error)
        return
    assert pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


@hostile
@given(st.sampled_from(SETTING_SPECS), st.one_of(ANY_TEXT, st.integers(), st.floats(), st.booleans(), st.none()))
def test_every_setting(spec, raw: object) -> None:
    try:
        value = spec.coerce(raw)
    except ValueError as error:
        assert str(error).startswith(spec.key)
        return
    assert isinstance(value, spec.type)
    if spec.minimum is not None:
        assert spec.minimum <= value <= spec.maximum  # type: ignore[operator]
    if spec.choices is not None:
        assert value in spec.choices
