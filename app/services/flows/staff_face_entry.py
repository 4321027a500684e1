r"""Face entry for one staff member as a plain-Python state machine (R3, R4, R8, R9).

States::

    NOTICE --consent--> CAPTURE --complete--> ENROLLED
      |  \                 |
      |   \--consent (renewal)--> RENEWED
      | decline           | stop / capture_failed
      v                   v
    DECLINED            NOT_SET_UP

    any state --abandon(reason)--> ABANDONED

The consent is checked when given and stored only together with the templates, in one
transaction. Declining on the notice records nothing at all, so the screen's "Nothing was
recorded" is literally true; a capture that stops keeps nothing and the audit log says that a
capture ran and kept nothing. The PIN works the same whatever happens here.

A staff member whose face entry is paused because the staff notice changed since they agreed
(R6) goes through the same notice: agreeing renews their consent and keeps their templates (no
capture), declining ends the consent and deletes the templates.
"""

import threading
from dataclasses import dataclass
from enum import StrEnum

from app.domain.business import Purpose
from app.domain.consent import Affirmation
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.capture_session import SourceFactory
from app.services.consent_service import ConsentService
from app.services.enrolment_session import EnrolmentSession
from app.services.face_service import FaceService
from app.services.notice_service import RenderedNotice


class StaffFaceEntryState(StrEnum):
    """Where one staff member's face entry stands."""

    NOTICE = "notice"
    CAPTURE = "capture"
    ENROLLED = "enrolled"
    RENEWED = "renewed"  # agreed to the changed notice: the consent is renewed, the templates kept
    DECLINED = "declined"  # said no on the notice: nothing was recorded
    NOT_SET_UP = "not_set_up"  # stopped or failed during the capture: no face data was kept
    ABANDONED = "abandoned"


ENDED = frozenset(
    {
        StaffFaceEntryState.ENROLLED,
        StaffFaceEntryState.RENEWED,
        StaffFaceEntryState.DECLINED,
        StaffFaceEntryState.NOT_SET_UP,
        StaffFaceEntryState.ABANDONED,
    }
)


@dataclass(frozen=True)
class StaffFaceEntryServices:
    """What a staff face-entry flow calls."""

    consents: ConsentService
    faces: FaceService
    open_camera: SourceFactory


class StaffFaceEntryFlow:
    """Notice, separate consent and capture for one staff member; see the module docstring."""

    def __init__(self, services: StaffFaceEntryServices, session: OperatorSession, person_id: int) -> None:
        self._services = services
        self._session = session
        self.person_id = person_id
        self._lock = threading.RLock()
        self.state = StaffFaceEntryState.NOTICE
        self.capture: EnrolmentSession | None = None
        self.problem = ""  # why the capture ended without face data (safe to show)
        self.abandoned_because: AbandonReason | None = None

    def notice(self, language: str) -> RenderedNotice:
        """The staff-entry notice in ``language`` (R3)."""
        return self._services.consents.notice(Purpose.STAFF_ENTRY, language)

    @property
    def renewal(self) -> bool:
        """Whether this is a renewal: face entry is on, but under a notice no longer in force (R6)."""
        return self._outdated_consent() is not None

    def consent(self, notice: RenderedNotice, affirmation: Affirmation) -> EnrolmentSession | None:
        """The person consented: check it (nothing stored yet) and start the capture session.

        For a renewal the consent is renewed at once and the templates kept: no capture, the
        flow ends RENEWED and ``None`` is returned.

        Raises:
            FaceDeskError: refused; the flow stays at NOTICE and nothing was stored.
        """
        with self._lock:
            self._require(StaffFaceEntryState.NOTICE)
            outdated = self._outdated_consent()
            if outdated is not None:
                self._services.consents.renew(self._session, outdated, notice, affirmation)
                self.state = StaffFaceEntryState.RENEWED
                return None
            draft = self._services.consents.prepare(
                self._session,
                person_id=self.person_id,
                stay_id=None,
                purpose=Purpose.STAFF_ENTRY,
                notice=notice,
                affirmation=affirmation,
            )
            self.capture = self._services.faces.begin_enrolment(
                self._session,
                person_id=self.person_id,
                purpose=Purpose.STAFF_ENTRY,
                source_factory=self._services.open_camera,
                pending=draft,
            )
            self.state = StaffFaceEntryState.CAPTURE
            return self.capture

    def complete(self) -> int:
        """Store the consent and the templates together (on a worker thread); how many templates.

        On an error nothing is stored and the flow stays at CAPTURE.
        """
        with self._lock:
            self._require(StaffFaceEntryState.CAPTURE)
            if self.capture is None:
                raise StateError("No capture is running.")
            stored = self.capture.commit().templates
            self.capture = None
            self.state = StaffFaceEntryState.ENROLLED
            return stored

    def decline(self) -> None:
        """No thanks on the notice: nothing is recorded, the PIN works the same.

        For a renewal, declining the changed notice ends the consent and deletes the templates.
        """
        with self._lock:
            self._require(StaffFaceEntryState.NOTICE)
            outdated = self._outdated_consent()
            if outdated is not None:
                self._services.consents.decline_renewal(self._session, outdated)
            self.state = StaffFaceEntryState.DECLINED

    def _outdated_consent(self) -> int | None:
        return self._services.consents.outdated_consent(self._session, self.person_id, Purpose.STAFF_ENTRY)

    def stop(self, reason: AbandonReason = AbandonReason.STOPPED, problem: str = "") -> None:
        """The person stopped, or the capture could not go on: no face data is kept."""
        with self._lock:
            self._require(StaffFaceEntryState.CAPTURE)
            self._end_capture(reason)
            self.problem = problem
            self.state = StaffFaceEntryState.NOT_SET_UP

    def abandon(self, reason: AbandonReason) -> None:
        """Leave the flow wherever it is (dialog closed, desk locked, app quit); idempotent."""
        with self._lock:
            if self.state in ENDED:
                return
            self._end_capture(reason)
            self.abandoned_because = reason
            self.state = StaffFaceEntryState.ABANDONED

    @property
    def ended(self) -> bool:
        """Whether the flow has reached an end state."""
        return self.state in ENDED

    def _end_capture(self, reason: AbandonReason) -> None:
        if self.capture is not None:
            self.capture.abandon(reason)
            self.capture = None

    def _require(self, *states: StaffFaceEntryState) -> None:
        if self.state not in states:
            raise StateError("This face-entry step is not available now.")
