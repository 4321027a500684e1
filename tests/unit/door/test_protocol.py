"""The relay boards' command bytes, and the owner's own bytes for the generic profile."""

import pytest

from app.domain.door import DoorFailMode
from app.domain.errors import InvalidInputError
from app.door.protocol import RelayProfileKind, generic_profile, hex_text, lcus_command, lcus_profile, parse_hex_bytes


def test_lcus_commands_are_the_documented_four_bytes() -> None:
    assert lcus_command(1, True) == bytes.fromhex("A00101A2")
    assert lcus_command(1, False) == bytes.fromhex("A00100A1")
    assert lcus_command(2, True) == bytes.fromhex("A00201A3")
    assert lcus_command(8, False) == bytes.fromhex("A00800A8")


@pytest.mark.parametrize("channel", [0, 9, -1])
def test_a_channel_outside_the_board_is_refused_in_words(channel: int) -> None:
    with pytest.raises(InvalidInputError, match="1 to 8"):
        lcus_command(channel, True)


def test_the_status_profile_expects_the_channel_words() -> None:
    profile = lcus_profile(2, answers_status=True)
    assert profile.kind is RelayProfileKind.LCUS_STATUS
    assert profile.query == b"\xff"
    assert profile.answer(True) == b"CH2:ON"
    assert profile.answer(False) == b"CH2:OFF"
    assert lcus_profile(1).query == b""
    assert lcus_profile(1).answer(True) == b""


@pytest.mark.parametrize("text", ["A0 01 01 A2", "a00101a2", "0xA0,0x01,0x01,0xA2", "A0:01:01:A2"])
def test_hex_bytes_are_read_in_the_ways_manuals_write_them(text: str) -> None:
    assert parse_hex_bytes(text) == bytes.fromhex("A00101A2")
    assert hex_text(parse_hex_bytes(text)) == "A0 01 01 A2"


@pytest.mark.parametrize("text", ["", "A0 1", "ZZ", "A0 01 0", "00" * 33])
def test_bad_hex_bytes_get_a_clear_message(text: str) -> None:
    with pytest.raises(InvalidInputError, match=r"hexadecimal pairs|at most 32 bytes"):
        parse_hex_bytes(text)


def test_the_generic_profile_sends_the_owners_bytes_and_refuses_equal_commands() -> None:
    profile = generic_profile("FE 05 00 00 FF 00", "FE 05 00 00 00 00", on_answer="FE 05", off_answer="")
    assert profile.command(True) == bytes.fromhex("FE050000FF00")
    assert profile.command(False) == bytes.fromhex("FE0500000000")
    assert profile.answer(True) == bytes.fromhex("FE05")
    assert profile.answer(False) == b""
    with pytest.raises(InvalidInputError, match="must differ"):
        generic_profile("A0 01 01 A2", "a00101a2")


def test_fail_secure_opens_with_the_relay_on_and_fail_safe_with_it_off() -> None:
    assert DoorFailMode.FAIL_SECURE.relay_on_when_open()
    assert not DoorFailMode.FAIL_SAFE.relay_on_when_open()
