"""Recovery codes: a second, written-down way to unlock the database key.

A code is 30 symbols of Crockford base32 (150 random bits) shown as six groups of five, for
example ``7KQ2M-XW9DA-...``. Reading it back forgives case, spaces, dashes and the look-alikes
O/0 and I/L/1, because people copy codes from paper.
"""

import secrets

from app.domain.errors import InvalidInputError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 6
GROUP_LENGTH = 5
CODE_LENGTH = GROUPS * GROUP_LENGTH
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RecoveryCode:
    """A recovery code. Redacted in ``repr()``; show it with :meth:`formatted` only on purpose."""

    __slots__ = ("_symbols",)

    def __init__(self, symbols: str) -> None:
        if len(symbols) != CODE_LENGTH or any(ch not in ALPHABET for ch in symbols):
            raise ValueError("not a normalised recovery code")
        self._symbols = symbols

    @classmethod
    def generate(cls) -> "RecoveryCode":
        """A new random code."""
        return cls("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))

    @classmethod
    def parse(cls, text: str) -> "RecoveryCode":
        """Read a code as a person typed it.

        Raises:
            InvalidInputError: the text cannot be a recovery code.
        """
        symbols = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
        if len(symbols) != CODE_LENGTH or any(ch not in ALPHABET for ch in symbols):
            raise InvalidInputError(
                f"A recovery code has {CODE_LENGTH} letters and digits in {GROUPS} groups "
                f"of {GROUP_LENGTH}, like ABCDE-12345-FGHJK-67890-MNPQR-STVWX."
            )
        return cls(symbols)

    def secret_bytes(self) -> bytes:
        """The normalised symbols as bytes, for key derivation."""
        return self._symbols.encode("ascii")

    def formatted(self) -> str:
        """The code in groups for people to write down."""
        return "-".join(self._symbols[i : i + GROUP_LENGTH] for i in range(0, CODE_LENGTH, GROUP_LENGTH))

    def __repr__(self) -> str:
        return "RecoveryCode(<redacted>)"

    __str__ = __repr__
