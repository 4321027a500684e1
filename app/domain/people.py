"""People the business holds data on, and the identity documents they show."""

from enum import StrEnum


class PersonKind(StrEnum):
    """Guests check in at the desk; staff clock in and out."""

    GUEST = "guest"
    STAFF = "staff"


class IdDocumentType(StrEnum):
    """Identity documents a receptionist can check by hand."""

    RESIDENT_ID = "resident_id"  # 居民身份证, 18 characters with a checksum
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    FOREIGN_PERMANENT_RESIDENT_ID = "foreign_permanent_resident_id"
    OTHER = "other"
