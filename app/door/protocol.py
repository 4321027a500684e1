"""What a relay board understands: the command bytes of each supported board family.

Cheap USB relay boards (LC Technology "LCUS" and their many copies, CH340 serial chips) take a
4-byte command ``A0 <channel> <state> <sum>``: ``A0 01 01 A2`` switches relay 1 on, ``A0 01 00 A1``
off; the last byte is the low byte of the sum of the first three. They never speak unless asked;
some firmware answers the status query ``FF`` with a text line per channel (``CH1:ON``), most say
nothing. The generic profile sends the bytes the owner enters for "on" and "off" (from the board's
manual), with an optional answer to expect after each.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InvalidInputError

LCUS_START = 0xA0
LCUS_STATUS_QUERY = b"\xff"
MAX_CHANNEL = 8
MAX_COMMAND_BYTES = 32


class RelayProfileKind(StrEnum):
    """The board families FaceDesk can drive."""

    LCUS = "lcus"  # LCUS-type board, silent: commands are not answered
    LCUS_STATUS = "lcus_status"  # LCUS-type board whose firmware answers the status query (CH1:ON)
    GENERIC = "generic"  # the bytes the owner enters


def lcus_command(channel: int, on: bool) -> bytes:
    """The LCUS command switching ``channel`` (1-8) on or off."""
    if not 1 <= channel <= MAX_CHANNEL:
        raise InvalidInputError("A relay channel is a number from 1 to 8.")
    body = bytes((LCUS_START, channel, 1 if on else 0))
    return body + bytes((sum(body) & 0xFF,))


def parse_hex_bytes(text: str) -> bytes:
    """Bytes written as hexadecimal pairs (``A0 01 01 A2``, ``a00101a2`` or ``A0,01``).

    Raises:
        InvalidInputError: not whole hexadecimal pairs, none at all, or more than 32 bytes.
    """
    compact = re.sub(r"[\s,:;-]|0x", "", text.strip(), flags=re.IGNORECASE)
    if not compact or len(compact) % 2 or not re.fullmatch(r"[0-9a-fA-F]+", compact):
        raise InvalidInputError("Enter the bytes as hexadecimal pairs, for example A0 01 01 A2.")
    data = bytes.fromhex(compact)
    if len(data) > MAX_COMMAND_BYTES:
        raise InvalidInputError("A relay command has at most 32 bytes.")
    return data


def hex_text(data: bytes) -> str:
    """Bytes as the owner reads them: ``A0 01 01 A2``."""
    return " ".join(f"{byte:02X}" for byte in data)


@dataclass(frozen=True)
class RelayProfile:
    """The commands that switch the door relay on and off, and how the board confirms them.

    Attributes:
        on: bytes that energise the relay.
        off: bytes that release it.
        query: bytes asking the board for its state after a command (empty: not asked).
        on_answer / off_answer: what the board must say to ``query`` (or, with no query, right
            after the command) for the command to count as done; empty: no answer expected, and
            any byte that does arrive is a fault (a silent board that talks is not the relay).
    """

    kind: RelayProfileKind
    on: bytes
    off: bytes
    query: bytes = b""
    on_answer: bytes = b""
    off_answer: bytes = b""

    def command(self, on: bool) -> bytes:
        """The bytes that switch the relay ``on`` or off."""
        return self.on if on else self.off

    def answer(self, on: bool) -> bytes:
        """The confirmation expected after switching ``on`` or off (empty: none)."""
        return self.on_answer if on else self.off_answer


def lcus_profile(channel: int = 1, *, answers_status: bool = False) -> RelayProfile:
    """An LCUS-type board, relay ``channel``; with ``answers_status``, each command is confirmed."""
    on, off = lcus_command(channel, True), lcus_command(channel, False)
    if not answers_status:
        return RelayProfile(RelayProfileKind.LCUS, on, off)
    return RelayProfile(
        RelayProfileKind.LCUS_STATUS,
        on,
        off,
        query=LCUS_STATUS_QUERY,
        on_answer=f"CH{channel}:ON".encode("ascii"),
        off_answer=f"CH{channel}:OFF".encode("ascii"),
    )


def generic_profile(on: str, off: str, on_answer: str = "", off_answer: str = "") -> RelayProfile:
    """The owner's own bytes, each written as hexadecimal pairs (answers may be left empty).

    Raises:
        InvalidInputError: a command is not hexadecimal pairs, or "on" equals "off".
    """
    on_bytes, off_bytes = parse_hex_bytes(on), parse_hex_bytes(off)
    if on_bytes == off_bytes:
        raise InvalidInputError("The bytes that open the door must differ from the bytes that lock it.")
    return RelayProfile(
        RelayProfileKind.GENERIC,
        on_bytes,
        off_bytes,
        on_answer=parse_hex_bytes(on_answer) if on_answer.strip() else b"",
        off_answer=parse_hex_bytes(off_answer) if off_answer.strip() else b"",
    )
