"""Finding people at the desk: by name, room or withdrawal code, and the People table's rows.

Rows say whether face data is held, under which consent state and until when; they never carry
template values.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.consent import normalise_withdrawal_code
from app.domain.errors import InvalidInputError
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType, PersonKind
from app.domain.records import ConsentRecord, PersonRecord, StayRecord
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.receipts import UNTIL_EMPLOYMENT_ENDS
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PersonRow:
    """One person as the desk lists them."""

    person_id: int
    name: str
    kind: PersonKind
    stay_id: int | None  # the latest stay, for guests
    room: str | None
    checked_in: bool
    checked_out: bool
    consent_id: int | None  # the live consent, if any
    consent_state: str  # "live", "withdrawn", "ended" or "none"
    templates: int
    delete_by: datetime | None  # when face data goes at the latest (None: no face data, or until employment ends)

    def __repr__(self) -> str:
        return f"PersonRow(person_id={self.person_id})"


def _consent_state(consents: list[ConsentRecord]) -> tuple[ConsentRecord | None, str]:
    live = [c for c in consents if c.live]
    if live:
        return live[-1], "live"
    if any(c.withdrawn_at for c in consents):
        return None, "withdrawn"
    if consents:
        return None, "ended"
    return None, "none"


def person_row(uow: UnitOfWork, person: PersonRecord) -> PersonRow:
    """The row for one person."""
    people = uow.people
    consents = uow.consents
    stays = people.stays_of(person.id)
    latest: StayRecord | None = stays[-1] if stays else None
    live, state = _consent_state(consents.consents_of(person.id))
    delete_by = live.retention_until if live and live.retention_until != UNTIL_EMPLOYMENT_ENDS else None
    return PersonRow(
        person_id=person.id,
        name=person.full_name,
        kind=person.kind,
        stay_id=latest.id if latest else None,
        room=latest.room if latest else None,
        checked_in=bool(latest and latest.checked_in),
        checked_out=bool(latest and latest.checked_out_at),
        consent_id=live.id if live else None,
        consent_state=state,
        templates=consents.template_count(person.id),
        delete_by=delete_by,
    )


class DirectoryService:
    """Search and listing (any desk role)."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo = UTC) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone

    def in_house(self, session: OperatorSession) -> list[PersonRow]:
        """The guests checked in and not checked out, by room (what Verify lists before any search)."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        today = self._clock().astimezone(self._zone).date()
        with self._db.reading() as uow:
            people = uow.people
            guests = [people.get(stay.person_id) for stay, _ in people.open_stays(today) if stay.checked_in]
            return [person_row(uow, guest) for guest in guests if guest is not None]

    def search(self, session: OperatorSession, text: str, *, limit: int = 50) -> list[PersonRow]:
        """People matching ``text``: by name, by the room of a current stay, or by withdrawal code.

        Empty text lists the most recent people.
        """
        self._access.require(session, Permission.VIEW_PEOPLE)
        query = " ".join(text.split())
        with self._db.reading() as uow:
            people = uow.people
            found: dict[int, PersonRecord] = {}
            try:
                consent = uow.consents.by_withdrawal_code(normalise_withdrawal_code(query))
            except InvalidInputError:
                consent = None
            if consent is not None and (holder := people.get(consent.person_id)) is not None:
                found[holder.id] = holder
            for stay in people.current_stays_in(query) if query else []:
                if (guest := people.get(stay.person_id)) is not None:
                    found.setdefault(guest.id, guest)
            for person in people.search(query, limit):
                found.setdefault(person.id, person)
            return [person_row(uow, person) for person in list(found.values())[:limit]]

    def row(self, session: OperatorSession, person_id: int) -> PersonRow | None:
        """One person's row."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            person = uow.people.get(person_id)
            return person_row(uow, person) if person else None

    def document_to_check(self, session: OperatorSession, person_id: int) -> tuple[IdDocumentType, str] | None:
        """The type and last four characters of a person's registered document (what the ID check shows)."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            person = uow.people.get(person_id)
        return (person.document.type, person.document.last4) if person and person.document else None

    def live_consent(self, session: OperatorSession, person_id: int, purpose: Purpose) -> ConsentRecord | None:
        """A person's live consent for ``purpose``."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            return uow.consents.live_consent(person_id, purpose)
