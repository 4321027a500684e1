"""SQL for people and their stays."""

from datetime import date, datetime

from app.domain.check_in import CheckInMethod
from app.domain.clock import from_utc_text, to_utc_text
from app.domain.guests import GuestDetails, StayDetails
from app.domain.identity_documents import IdDocument
from app.domain.people import IdDocumentType, PersonKind
from app.domain.records import PersonRecord, StayRecord
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection

ERASED_NAME = "-"  # what an erased person's name reads as (the column may not be empty)
_PERSON = "id, kind, full_name, id_document_type, id_document_number, date_of_birth, employment_ended_on"
_STAY = (
    "id, person_id, room, arrival_date, departure_date, checked_in_at, check_in_method, "
    "checked_out_at, face_declined_at"
)
_STAY_IN_JOIN = ", ".join(f"s.{column.strip()}" for column in _STAY.split(","))


class PeopleRepository:
    """People and stays on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def find_by_document(self, document: IdDocument) -> PersonRecord | None:
        """The person holding this document, if known."""
        row = self._conn.execute(
            f"SELECT {_PERSON} FROM people WHERE id_document_type = ? AND id_document_number = ?",
            (document.type.value, document.number),
        ).fetchone()
        return _person(row) if row else None

    def get(self, person_id: int) -> PersonRecord | None:
        """The person with this id."""
        row = self._conn.execute(f"SELECT {_PERSON} FROM people WHERE id = ?", (person_id,)).fetchone()
        return _person(row) if row else None

    def add(self, kind: PersonKind, details: GuestDetails, *, at: datetime) -> int:
        """Insert a person and return the id."""
        when = to_utc_text(at)
        cursor = self._conn.execute(
            "INSERT INTO people (kind, full_name, id_document_type, id_document_number, date_of_birth, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                kind.value,
                details.full_name,
                details.document.type.value,
                details.document.number,
                details.date_of_birth.isoformat(),
                when,
                when,
            ),
        )
        return inserted_id(cursor)

    def update_name(self, person_id: int, full_name: str, *, at: datetime) -> None:
        """Correct a name (a rights request, R19)."""
        self._conn.execute(
            "UPDATE people SET full_name = ?, updated_at = ? WHERE id = ?",
            (full_name, to_utc_text(at), person_id),
        )

    def set_employment_end(self, person_id: int, ended_on: date, *, at: datetime) -> None:
        """Record a staff member's last working day."""
        self._conn.execute(
            "UPDATE people SET employment_ended_on = ?, updated_at = ? WHERE id = ?",
            (ended_on.isoformat(), to_utc_text(at), person_id),
        )

    def add_stay(self, person_id: int, stay: StayDetails, *, by_operator: int, at: datetime) -> int:
        """Insert a stay and return the id."""
        cursor = self._conn.execute(
            "INSERT INTO stays (person_id, room, arrival_date, departure_date, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                person_id,
                stay.room,
                stay.arrival.isoformat(),
                stay.departure.isoformat(),
                by_operator,
                to_utc_text(at),
            ),
        )
        return inserted_id(cursor)

    def get_stay(self, stay_id: int) -> StayRecord | None:
        """The stay with this id."""
        row = self._conn.execute(f"SELECT {_STAY} FROM stays WHERE id = ?", (stay_id,)).fetchone()
        return _stay(row) if row else None

    def stays_of(self, person_id: int) -> list[StayRecord]:
        """All stays of a person, oldest first."""
        rows = self._conn.execute(f"SELECT {_STAY} FROM stays WHERE person_id = ? ORDER BY id", (person_id,))
        return [_stay(row) for row in rows]

    def current_stays_in(self, room: str) -> list[StayRecord]:
        """Checked-in, not checked-out stays in a room."""
        rows = self._conn.execute(
            f"SELECT {_STAY} FROM stays WHERE room = ? AND checked_in_at IS NOT NULL AND checked_out_at IS NULL "
            "ORDER BY id",
            (room,),
        )
        return [_stay(row) for row in rows]

    def open_stays(self, on: date) -> list[tuple[StayRecord, str]]:
        """Stays not checked out that have begun by ``on`` (or were checked in early), with the guest's name."""
        rows = self._conn.execute(
            f"SELECT {_STAY_IN_JOIN}, p.full_name FROM stays s JOIN people p ON p.id = s.person_id "
            "WHERE s.checked_out_at IS NULL AND (s.arrival_date <= ? OR s.checked_in_at IS NOT NULL) "
            "ORDER BY s.room, s.id",
            (on.isoformat(),),
        )
        return [(_stay(row[:-1]), str(row[-1])) for row in rows]

    def search(self, text: str, limit: int = 50) -> list[PersonRecord]:
        """People whose name contains ``text`` (case-insensitive), most recent first."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._conn.execute(
            f"SELECT {_PERSON} FROM people WHERE full_name LIKE ? ESCAPE '\\' AND erased_at IS NULL "
            "ORDER BY id DESC LIMIT ?",
            (pattern, limit),
        )
        return [_person(row) for row in rows]

    def staff(self) -> list[PersonRecord]:
        """Every staff member, by name."""
        rows = self._conn.execute(f"SELECT {_PERSON} FROM people WHERE kind = 'staff' ORDER BY full_name, id")
        return [_person(row) for row in rows]

    def last_decline(self, person_id: int) -> datetime | None:
        """When this person last said no to face verification, on any stay."""
        row = self._conn.execute("SELECT max(face_declined_at) FROM stays WHERE person_id = ?", (person_id,)).fetchone()
        return from_utc_text(row[0]) if row and row[0] else None

    def mark_declined(self, stay_id: int, *, at: datetime) -> None:
        """The guest declined face processing for this stay (kept, so nobody asks again)."""
        self._conn.execute(
            "UPDATE stays SET face_declined_at = coalesce(face_declined_at, ?) WHERE id = ?",
            (to_utc_text(at), stay_id),
        )

    def mark_checked_in(self, stay_id: int, method: CheckInMethod, *, at: datetime) -> None:
        """Complete the check-in."""
        self._conn.execute(
            "UPDATE stays SET checked_in_at = ?, check_in_method = ? WHERE id = ?",
            (to_utc_text(at), method.value, stay_id),
        )

    def set_departure(self, stay_id: int, departure: date) -> None:
        """Move a stay's departure date."""
        self._conn.execute("UPDATE stays SET departure_date = ? WHERE id = ?", (departure.isoformat(), stay_id))

    def set_room(self, stay_id: int, room: str) -> None:
        """Move a stay to another room."""
        self._conn.execute("UPDATE stays SET room = ? WHERE id = ?", (room, stay_id))

    def mark_checked_out(self, stay_id: int, *, at: datetime) -> None:
        """Record the checkout."""
        self._conn.execute("UPDATE stays SET checked_out_at = ? WHERE id = ?", (to_utc_text(at), stay_id))

    def erase(self, person_id: int, *, at: datetime) -> None:
        """Remove who a person was, keeping the row that consents, checks and the audit log point to.

        The name becomes a placeholder, the document and birth date go, and the stays (rooms and
        dates) are deleted; the database's ``secure_delete`` overwrites the old values in the file.
        The ID check records lose the document's kind and last four digits as well.
        """
        when = to_utc_text(at)
        self._conn.execute(
            "UPDATE people SET full_name = ?, id_document_type = NULL, id_document_number = NULL, "
            "date_of_birth = NULL, erased_at = ?, updated_at = ? WHERE id = ?",
            (ERASED_NAME, when, when, person_id),
        )
        self._conn.execute("DELETE FROM stays WHERE person_id = ?", (person_id,))
        self._conn.execute(
            "UPDATE verifications SET id_document_type = NULL, id_document_last4 = NULL WHERE person_id = ?",
            (person_id,),
        )

    def erased_at(self, person_id: int) -> datetime | None:
        """When this person's identity was erased (``None``: it was not)."""
        row = self._conn.execute("SELECT erased_at FROM people WHERE id = ?", (person_id,)).fetchone()
        return from_utc_text(row[0]) if row and row[0] else None

    def last_departure(self, person_id: int) -> date | None:
        """The latest departure date among a person's checked-in stays (``None``: never checked in)."""
        row = self._conn.execute(
            "SELECT max(departure_date) FROM stays WHERE person_id = ? AND checked_in_at IS NOT NULL", (person_id,)
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def guest_records_past(self, last_departure_before: date) -> list[int]:
        """Guests not yet erased, holding no face data, whose every stay departed before the given day.

        A guest who never stayed (registered, never arrived) counts from the day the record was made;
        a guest still in the house is never listed, whatever the dates say.
        """
        rows = self._conn.execute(
            "SELECT p.id FROM people p WHERE p.kind = 'guest' AND p.erased_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.person_id = p.id "
            "    AND (s.checked_out_at IS NULL AND s.checked_in_at IS NOT NULL OR s.departure_date >= ?)) "
            "AND (EXISTS (SELECT 1 FROM stays s WHERE s.person_id = p.id) OR substr(p.created_at, 1, 10) < ?) "
            "AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id "
            "    AND c.withdrawn_at IS NULL AND c.expired_at IS NULL) "
            "ORDER BY p.id",
            (last_departure_before.isoformat(), last_departure_before.isoformat()),
        )
        return [int(row[0]) for row in rows]


def _person(row: Row) -> PersonRecord:
    document = IdDocument(IdDocumentType(row[3]), row[4]) if row[3] else None
    return PersonRecord(
        id=int(row[0]),
        kind=PersonKind(row[1]),
        full_name=row[2],
        document=document,
        date_of_birth=date.fromisoformat(row[5]) if row[5] else None,
        employment_ended_on=date.fromisoformat(row[6]) if row[6] else None,
    )


def _stay(row: Row) -> StayRecord:
    return StayRecord(
        id=int(row[0]),
        person_id=int(row[1]),
        room=row[2],
        arrival=date.fromisoformat(row[3]),
        departure=date.fromisoformat(row[4]),
        checked_in_at=from_utc_text(row[5]) if row[5] else None,
        check_in_method=CheckInMethod(row[6]) if row[6] else None,
        checked_out_at=from_utc_text(row[7]) if row[7] else None,
        face_declined_at=from_utc_text(row[8]) if row[8] else None,
    )
