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


class CheckResult(StrEnum):
    """The one outcome of a check."""

    MATCH = "match"
    NO_MATCH = "no_match"
    UNCERTAIN = "uncertain"  # no usable face in time
    DOCUMENT_CHECKED = "document_checked"
    DOCUMENT_MISMATCH = "document_mismatch"
