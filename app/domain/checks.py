"""What a recorded identity check is: why it ran, how, and its outcome (never a score).

These are the values the ``verifications`` table accepts (its CHECK lists); a test keeps the two
the same.
"""

from enum import StrEnum


class CheckPurpose(StrEnum):
    """Why a check ran."""

    GUEST_CHECK_IN = "guest_check_in"
    GUEST_VERIFICATION = "guest_verification"
    STAFF_ENTRY = "staff_entry"


class CheckMethod(StrEnum):
    """How a check was done."""

    FACE = "face"
    MANUAL = "manual"  # the ID document looked at by the operator


class DocumentCheck(StrEnum):
    """How a manual ID check saw the document (R8)."""

    LOOKED_AT = "looked_at"  # the receptionist compared the document with the registration
    CARD_READ = "card_read"  # an ID card reader read the card's chip (the photo was compared by eye)


class CheckResult(StrEnum):
    """The one outcome of a check."""

    MATCH = "match"
    NO_MATCH = "no_match"
    UNCERTAIN = "uncertain"  # no usable face in time
    DOCUMENT_CHECKED = "document_checked"
    DOCUMENT_MISMATCH = "document_mismatch"
