"""Stored records as frozen values. Their ``repr`` never shows names or document numbers."""

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod
from app.domain.consent import Consenter, ConsentMethod
from app.domain.identity_documents import IdDocument
from app.domain.people import PersonKind


@dataclass(frozen=True)
class PersonRecord:
    """A guest or staff member."""

    id: int
    kind: PersonKind
    full_name: str
    document: IdDocument | None
    date_of_birth: date | None
    employment_ended_on: date | None

    def __repr__(self) -> str:
        return f"PersonRecord(id={self.id}, kind={self.kind.value})"


@dataclass(frozen=True)
class StayRecord:
    """One stay of a guest."""

    id: int
    person_id: int
    room: str
    arrival: date
    departure: date
    checked_in_at: datetime | None
    check_in_method: CheckInMethod | None
    checked_out_at: datetime | None
    face_declined_at: datetime | None

    @property
    def checked_in(self) -> bool:
        """Whether the check-in was completed."""
        return self.checked_in_at is not None


@dataclass(frozen=True)
class ConsentRecord:
    """One consent to face processing, with the evidence R5 asks for."""

    id: int
    person_id: int
    stay_id: int | None
    purpose: Purpose
    notice_version: str
    notice_sha256: str
    language: str
    method: ConsentMethod
    consenter: Consenter
    guardian_name: str | None
    guardian_relation: str | None
    operator_id: int
    device_id: str
    given_at: datetime
    given_at_local: str
    retention_until: datetime
    withdrawn_at: datetime | None
    expired_at: datetime | None
    withdrawal_code: str

    @property
    def live(self) -> bool:
        """Neither withdrawn nor expired."""
        return self.withdrawn_at is None and self.expired_at is None

    def __repr__(self) -> str:
        return f"ConsentRecord(id={self.id}, person_id={self.person_id}, purpose={self.purpose.value})"
