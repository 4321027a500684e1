"""Rights requests as the pages and commands see them (R19): the register's rows and a deletion's outcome."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class RightsRequestRow:
    """One line of the request register, as the Rights requests page and ``facedesk requests`` show it."""

    id: int
    person_id: int | None
    person_name: str | None  # None: nobody linked, or the person's identity was erased
    erased: bool
    kind: str
    received_at: datetime
    due_on: date
    status: str
    refusal_reason: str | None
    closed_at: datetime | None
    templates_deleted: int | None = None  # deletion and withdrawal requests: face templates deleted
    register_kept_until: date | None = None  # a deletion whose registration the guest register still keeps

    def __repr__(self) -> str:
        return f"RightsRequestRow(id={self.id}, kind={self.kind}, status={self.status})"


@dataclass(frozen=True)
class DeletionOutcome:
    """What fulfilling a deletion request did.

    Face data always goes at once. The guest's registration (name, document, birth date, stays)
    goes at once too unless the guest register must still be kept; then it goes by itself on
    ``register_kept_until`` (the hourly retention job), and the person is told that date.
    """

    templates_deleted: int
    identity_erased: bool
    register_kept_until: date | None
