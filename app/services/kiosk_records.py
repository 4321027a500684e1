"""What a kiosk session writes: clock events, entry-log rows, face-check counts and PIN attempts.

The session decides what it sees; this records it, each in one transaction. Coming in is checked
against the person's access rule here, where the clock event would be written, so a refused entry
never becomes a clock event. No frame, template or score is ever written (R12).
"""

import dataclasses
from datetime import datetime, timedelta, tzinfo

from app.domain.access_rules import EntryRefusal
from app.domain.attendance import (
    LONGEST_SHIFT,
    PIN_ATTEMPTS_BEFORE_PAUSE,
    PIN_PAUSE,
    ClockDirection,
    ClockMethod,
    next_direction,
)
from app.domain.audit import Actor, AuditAction
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult
from app.domain.clock import Clock
from app.domain.operators import Operator
from app.services.entry_service import entry_refusal
from app.services.kiosk_values import ClockOutcome
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


class KioskRecords:
    """The writes of one kiosk session."""

    def __init__(
        self, *, kiosk_id: int, database: Database, clock: Clock, zone: tzinfo, manager: Operator, door_configured: bool
    ) -> None:
        self.kiosk_id = kiosk_id
        self.door_configured = door_configured
        self._db = database
        self._clock = clock
        self._zone = zone
        self._manager = manager

    def clock(self, person_id: int, method: ClockMethod, *, reset_pin: bool = False) -> ClockOutcome:
        """Take the door decision for a recognised person and, when they may pass, record the clock event."""
        now = self._clock()
        local = now.astimezone(self._zone)
        with self._db.unit() as uow:
            attendance = uow.attendance
            last = attendance.last_valid_event(person_id, now - LONGEST_SHIFT, now + timedelta(seconds=1))
            direction = next_direction(last, now)
            # only coming in is limited by the access rule: leaving is never refused
            refusal = entry_refusal(uow, person_id, local) if direction is ClockDirection.IN else None
            entry_id = self._log_entry(uow, now, person_id, method, direction, refusal)
            if refusal is not None:
                if reset_pin:
                    attendance.record_pin_attempt(person_id, failed_attempts=0, paused_until=None)
                person = uow.people.get(person_id)
                return ClockOutcome(
                    event_id=None,
                    person_id=person_id,
                    person_name=person.full_name if person else "",
                    direction=direction,
                    method=method,
                    local_time=local.time().replace(second=0, microsecond=0),
                    local_hour=local.hour,
                    entry_id=entry_id,
                    refusal=refusal,
                )
            event_id = attendance.add_event(
                person_id=person_id,
                at=now,
                direction=direction,
                method=method,
                kiosk_session_id=self.kiosk_id,
                recorded_by=self._manager.id,
            )
            if reset_pin:
                attendance.record_pin_attempt(person_id, failed_attempts=0, paused_until=None)
            if method is ClockMethod.FACE:
                consents = uow.consents
                consents.add_verification(
                    person_id=person_id,
                    stay_id=None,
                    purpose=CheckPurpose.STAFF_ENTRY,
                    method=CheckMethod.FACE,
                    result=CheckResult.MATCH,
                    operator_id=self._manager.id,
                    at=now,
                )
                consents.touch_templates(person_id, at=now)
            uow.audit(
                AuditAction.CLOCKED,
                Actor.kiosk(self.kiosk_id),
                at=now,
                subject=("person", person_id),
                details={"event_id": event_id, "direction": direction.value, "method": method.value},
            )
            person = uow.people.get(person_id)
        assert person is not None  # noqa: S101 - the roster and gallery only hold existing staff
        outcome = ClockOutcome(
            event_id=event_id,
            person_id=person_id,
            person_name=person.full_name,
            direction=direction,
            method=method,
            local_time=local.time().replace(second=0, microsecond=0),
            local_hour=local.hour,
            entry_id=entry_id,
        )
        return outcome

    def door_again(self, recent: ClockOutcome, now: datetime) -> ClockOutcome:
        """A right PIN again within the repeat interval: no new clock event, but the door opens again.

        Typing the PIN is deliberate (the door may not have opened the first time), so a granted
        walk-up opens the door once more, as its own row in the entry log. A refusal stays a refusal.
        """
        if recent.refusal is not None:
            return recent
        with self._db.unit() as uow:
            uow.attendance.record_pin_attempt(recent.person_id, failed_attempts=0, paused_until=None)
            entry_id = self._log_entry(uow, now, recent.person_id, ClockMethod.PIN, recent.direction, None)
        return dataclasses.replace(recent, entry_id=entry_id)

    def door_result(self, entry_id: int, *, opened: bool) -> None:
        """What the relay did for a granted entry (the entry log keeps "could not open" for the manager)."""
        with self._db.unit() as uow:
            uow.entries.set_door_result(entry_id, "opened" if opened else "failed")

    def face_check(self, person_id: int | None, result: CheckResult) -> None:
        """A face attempt that did not clock anyone: counted for the processing records, no score kept."""
        now = self._clock()
        with self._db.unit() as uow:
            if person_id is None:  # nobody recognised: the door stays shut, and the log says so
                self._log_entry(uow, now, None, ClockMethod.FACE, None, EntryRefusal.UNKNOWN_FACE)
            uow.consents.add_verification(
                person_id=person_id,
                stay_id=None,
                purpose=CheckPurpose.STAFF_ENTRY,
                method=CheckMethod.FACE,
                result=result,
                operator_id=self._manager.id,
                at=now,
            )

    def pin_failed(self, person_id: int, failed: int, now: datetime) -> None:
        """A wrong PIN: counted (a pause after five), and a refused entry in the log."""
        paused = failed >= PIN_ATTEMPTS_BEFORE_PAUSE
        with self._db.unit() as uow:
            self._log_entry(uow, now, person_id, ClockMethod.PIN, None, EntryRefusal.WRONG_PIN)
            uow.attendance.record_pin_attempt(
                person_id, failed_attempts=0 if paused else failed, paused_until=now + PIN_PAUSE if paused else None
            )
            if paused:
                uow.audit(
                    AuditAction.STAFF_PIN_PAUSED,
                    Actor.kiosk(self.kiosk_id),
                    at=now,
                    subject=("person", person_id),
                    details={"attempts": failed},
                )

    def _log_entry(
        self,
        uow: UnitOfWork,
        at: datetime,
        person_id: int | None,
        method: ClockMethod,
        direction: ClockDirection | None,
        refusal: EntryRefusal | None,
    ) -> int:
        """One door decision of this kiosk in the entry log.

        A granted entry waits for the relay's answer where a door is driven, and says "no door" where
        none is; a refusal sends nothing to the relay.
        """
        door_result = None if refusal is not None or self.door_configured else "no_door"
        return uow.entries.add_entry(
            at=at,
            person_id=person_id,
            method=method,
            direction=direction,
            refusal=refusal,
            door_result=door_result,
            kiosk_session_id=self.kiosk_id,
            operator_id=None,
        )
