"""Changing a stay while the guest is in the house: a longer (or shorter) stay, another room.

The guest notice says face data is deleted "when you check out" (plus the grace period it states).
When the guest agreed to exactly the notice in force now, a new departure is covered by what they
agreed to, and the consent's retention date moves with it. When the notice has changed since (for
example the grace period), what they agreed to does not cover the longer stay: the retention date
stays where it was and the guest re-confirms on the guest screen (accepting renews the consent and
moves it; declining deletes the face data, and the stay goes on with the ID document check).
Both changes are audited without names.
"""

from dataclasses import dataclass
from datetime import date, tzinfo

from app.config.settings import GUEST_GRACE_HOURS
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.consent import Consenter
from app.domain.errors import StateError
from app.domain.guests import stay_details
from app.domain.operators import OperatorSession
from app.domain.records import StayRecord
from app.domain.retention import guest_retention_until, planned_checkout
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.check_in_service import load_stay
from app.services.consent_service import consent_is_current, renewal_notice
from app.services.notice_service import NoticeCatalog, RenderedNotice
from app.storage.database import Database


@dataclass(frozen=True)
class Reconfirmation:
    """A guest whose consent does not cover the changed stay: show them ``notice`` to renew or decline."""

    consent_id: int
    notice: RenderedNotice
    guardian_name: str | None  # a child's consent: their parent or guardian agrees again (R7)


@dataclass(frozen=True)
class StayChange:
    """A moved departure, and the consents the guest must re-confirm on the guest screen."""

    stay: StayRecord
    to_confirm: tuple[Reconfirmation, ...]


class StayService:
    """Extensions and room changes of open stays (any desk role)."""

    def __init__(
        self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo, catalog: NoticeCatalog
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone
        self._catalog = catalog

    def change_departure(self, session: OperatorSession, stay_id: int, departure: date) -> StayChange:
        """Move the departure date; face data covered by the notice then goes at the new checkout plus grace.

        Raises:
            InvalidInputError: the date is before the arrival, past, or makes the stay longer than a year.
            StateError: the stay is already checked out.
        """
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        today = now.astimezone(self._zone).date()
        with self._db.unit() as uow:
            stay, _ = load_stay(uow, stay_id)
            _refuse_closed(stay)
            details = stay_details(stay.room, stay.arrival, departure, today=today)
            uow.people.set_departure(stay_id, details.departure)
            until = guest_retention_until(
                planned_checkout(details.departure, self._zone), uow.policy(GUEST_GRACE_HOURS)
            )
            moved, to_confirm = 0, []
            for consent in uow.consents.consents_of(stay.person_id):
                if not consent.live or consent.stay_id != stay_id:
                    continue
                if consent_is_current(uow, self._catalog, consent):
                    uow.consents.set_retention_until(consent.id, until)
                    moved += 1
                else:
                    current = renewal_notice(uow, self._catalog, consent)
                    guardian = consent.guardian_name if consent.consenter is Consenter.GUARDIAN else None
                    to_confirm.append(Reconfirmation(consent.id, current, guardian))
            uow.audit(
                AuditAction.STAY_EXTENDED,
                operator_actor(operator.id),
                at=now,
                subject=("stay", stay_id),
                details={
                    "nights_added": (details.departure - stay.departure).days,
                    "consents_moved": moved,
                    "consents_to_reconfirm": len(to_confirm),
                },
            )
            updated, _ = load_stay(uow, stay_id)
        return StayChange(updated, tuple(to_confirm))

    def change_room(self, session: OperatorSession, stay_id: int, room: str) -> StayRecord:
        """Move the guest to another room (face data and consent stay as they are).

        Raises:
            InvalidInputError: not a room. StateError: the stay is already checked out.
        """
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        with self._db.unit() as uow:
            stay, _ = load_stay(uow, stay_id)
            _refuse_closed(stay)
            details = stay_details(room, stay.arrival, stay.departure, today=stay.arrival)
            uow.people.set_room(stay_id, details.room)
            uow.audit(AuditAction.ROOM_CHANGED, operator_actor(operator.id), at=now, subject=("stay", stay_id))
            updated, _ = load_stay(uow, stay_id)
        return updated


def _refuse_closed(stay: StayRecord) -> None:
    if stay.checked_out_at is not None:
        raise StateError("This stay is already checked out.")
