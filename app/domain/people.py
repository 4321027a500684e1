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
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证: H or M and 8 or 10 digits
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证: 8 or 10 digits
    FOREIGN_PERMANENT_RESIDENT_ID = "foreign_permanent_resident_id"  # 2017: 15 characters; 2023: 18 digits
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证: 18 characters, 810000/820000/830000
    OTHER = "other"
