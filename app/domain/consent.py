"""Consent to face processing: the affirmative act, the consenter, and withdrawal codes (R4, R5, R7)."""

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InvalidInputError
from app.domain.guests import clean_name, same_name
from app.domain.identity_documents import IdDocument

WITHDRAWAL_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
MIN_SIGNATURE_POINTS = 10
MIN_SIGNATURE_SPAN = 20.0  # pixels across, so a stray tap is not a signature


class ConsentMethod(StrEnum):
    """How the person made the affirmative act."""

    TYPED_NAME = "typed_name"
    DRAWN_SIGNATURE = "drawn_signature"


class Consenter(StrEnum):
    """Who consented: the person, or a guardian for a child under 14."""

    SELF = "self"
    GUARDIAN = "guardian"


@dataclass(frozen=True)
class TypedName:
    """The consenter typed their own name."""

    text: str


@dataclass(frozen=True)
class Signature:
    """Strokes drawn on the signature pad, each a sequence of (x, y) points in pixels."""

    strokes: tuple[tuple[tuple[float, float], ...], ...]


Affirmation = TypedName | Signature


@dataclass(frozen=True)
class Guardian:
    """The guardian consenting for a child under 14."""

    name: str
    relation: str
    document: IdDocument

    def __repr__(self) -> str:
        return f"Guardian({self.relation}, {self.document!r})"


def affirmation_record(affirmation: Affirmation, consenter_name: str) -> tuple[ConsentMethod, str]:
    """Check the affirmative act and return how to store it as evidence.

    A typed name must be the consenter's own name; a signature must be more than a tap.

    Raises:
        InvalidInputError: the act does not show consent.
    """
    if isinstance(affirmation, TypedName):
        typed = clean_name(affirmation.text)
        if not same_name(typed, consenter_name):
            raise InvalidInputError("The typed name must be the consenting person's own name.")
        return ConsentMethod.TYPED_NAME, typed
    points = [point for stroke in affirmation.strokes for point in stroke]
    if len(points) < MIN_SIGNATURE_POINTS:
        raise InvalidInputError("Please sign with a finger or the pen: the signature is empty.")
    xs, ys = [x for x, _ in points], [y for _, y in points]
    if max(xs) - min(xs) < MIN_SIGNATURE_SPAN and max(ys) - min(ys) < MIN_SIGNATURE_SPAN:
        raise InvalidInputError("Please sign with a finger or the pen: the signature is too small.")
    strokes = [[[round(x, 1), round(y, 1)] for x, y in stroke] for stroke in affirmation.strokes]
    return ConsentMethod.DRAWN_SIGNATURE, json.dumps(strokes, separators=(",", ":"))


def guardian_document_hash(document: IdDocument, installation_secret: str) -> str:
    """A keyed hash of the guardian's document number, so the number itself is not kept."""
    message = f"{document.type.value}:{document.number}".encode()
    return hmac.new(installation_secret.encode(), message, hashlib.sha256).hexdigest()


def new_withdrawal_code() -> str:
    """A short code for the consent receipt, e.g. ``7KQ2-MXW9`` (40 random bits)."""
    symbols = "".join(secrets.choice(WITHDRAWAL_CODE_ALPHABET) for _ in range(8))
    return f"{symbols[:4]}-{symbols[4:]}"


def normalise_withdrawal_code(text: str) -> str:
    """A withdrawal code as typed, in stored form; forgives case, spaces and look-alike letters.

    Raises:
        InvalidInputError: it cannot be a withdrawal code.
    """
    symbols = "".join(ch for ch in text.upper() if ch not in " -").translate(str.maketrans("OIL", "011"))
    if len(symbols) != 8 or any(ch not in WITHDRAWAL_CODE_ALPHABET for ch in symbols):
        raise InvalidInputError("A withdrawal code has 8 letters and digits, like 7KQ2-MXW9.")
    return f"{symbols[:4]}-{symbols[4:]}"
