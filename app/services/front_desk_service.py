"""The front desk's lists: today's arrivals, the guests in the house, today's departures."""

from datetime import date, tzinfo

from app.config.settings import GUEST_GRACE_HOURS
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError, StateError
from app.domain.front_desk import DeskStay, FrontDeskDay
from app.domain.operators import OperatorSession
from app.domain.records import StayRecord
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


class FrontDeskService:
    """What the Front desk page and ``facedesk in-house`` show (any desk role)."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone

    def day(self, session: OperatorSession, on: date | None = None) -> FrontDeskDay:
        """Arrivals not yet checked in and guests in the house, by room, on ``on`` (default today)."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        today = on or self._clock().astimezone(self._zone).date()
        with self._db.reading() as uow:
            rows = [_desk_stay(uow, stay, name) for stay, name in uow.people.open_stays(today)]
            grace = uow.policy(GUEST_GRACE_HOURS)
        return FrontDeskDay(
            today,
            arrivals=tuple(row for row in rows if not row.checked_in),
            in_house=tuple(row for row in rows if row.checked_in),
            grace_hours=grace,
        )

    def find(self, session: OperatorSession, room_or_stay: str) -> DeskStay:
        """The one open stay a receptionist (or a script) names: a room, or ``#N`` for stay number N.

        Raises:
            InvalidInputError: empty, or the room holds several open stays (a party: name the stay).
            NotFoundError: no open stay matches.
        """
        text = room_or_stay.strip()
        if not text:
            raise InvalidInputError("Name a room, or a stay as #12.")
        day = self.day(session)
        rows = day.arrivals + day.in_house
        number = text[1:].strip()
        if text.startswith("#"):
            matches = [row for row in rows if number.isdigit() and row.stay.id == int(number)]
            missing = f"No open stay has the number {number}."
        else:
            matches = [row for row in rows if row.stay.room.casefold() == text.casefold()]
            missing = f"No open stay is in room {text}."
        if not matches:
            raise NotFoundError(missing)
        if len(matches) > 1:
            numbers = ", ".join(f"#{row.stay.id}" for row in matches)
            raise InvalidInputError(f"Room {text} has {len(matches)} open stays ({numbers}): name one as #N.")
        return matches[0]

    def leaving(self, session: OperatorSession, room_or_stay: str) -> tuple[DeskStay, ...]:
        """Who ``checkout ROOM|#N`` checks out: one stay, or every guest in the house in that room (a party).

        Raises:
            InvalidInputError: empty. NotFoundError: nobody matches.
            StateError: the stay (or everyone in the room) is not checked in yet.
        """
        text = room_or_stay.strip()
        if text.startswith("#") or not text:
            row = self.find(session, text)
            if not row.checked_in:
                raise StateError(f"Stay #{row.stay.id} is not checked in yet: there is nothing to check out.")
            return (row,)
        day = self.day(session)
        party = tuple(row for row in day.in_house if row.stay.room.casefold() == text.casefold())
        if party:
            return party
        if any(row.stay.room.casefold() == text.casefold() for row in day.arrivals):
            raise StateError(f"Nobody in room {text} is checked in yet: there is nothing to check out.")
        raise NotFoundError(f"No open stay is in room {text}.")


def _desk_stay(uow: UnitOfWork, stay: StayRecord, name: str) -> DeskStay:
    consent = uow.consents.live_consent(stay.person_id, Purpose.GUEST_VERIFICATION)
    held = consent is not None and consent.stay_id == stay.id and uow.consents.template_count(stay.person_id) > 0
    return DeskStay(stay, name, consent.retention_until if held and consent is not None else None)
