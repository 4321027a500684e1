"""The reader frame protocol: the published request bytes, checksums, and answers arriving in pieces."""

import pytest

from app.card_reader.protocol import (
    FIND_CARD,
    READ_BASE_MESSAGE,
    SELECT_CARD,
    FrameError,
    FrameReader,
    answer,
    request,
)


def test_requests_are_the_bytes_the_readers_document() -> None:
    assert request(FIND_CARD) == bytes.fromhex("AAAAAA9669 0003 2001 22")
    assert request(SELECT_CARD) == bytes.fromhex("AAAAAA9669 0003 2002 21")
    assert request(READ_BASE_MESSAGE) == bytes.fromhex("AAAAAA9669 0003 3001 32")


def test_an_answer_fed_one_byte_at_a_time_after_noise_is_reassembled() -> None:
    frame = answer(0x9F, b"\x00\x00\x00\x00")
    assert frame == bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
    reader = FrameReader()
    results = [reader.feed(bytes([byte])) for byte in b"\x01\xaa\x00" + frame]
    assert next(result for result in results if result is not None).status == 0x9F
    assert all(result is None for result in results[:-1])


def test_a_wrong_checksum_or_an_impossible_length_is_a_frame_error() -> None:
    frame = bytearray(answer(0x90, b"abc"))
    frame[-1] ^= 0x01
    with pytest.raises(FrameError):
        FrameReader().feed(bytes(frame))
    with pytest.raises(FrameError):
        FrameReader().feed(bytes.fromhex("AAAAAA9669 FFFF"))
