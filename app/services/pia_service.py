"""The personal information protection impact assessment gate (Measures Art. 9, PIPL 55-56, R2).

Face enrolment is refused until an assessment is recorded. An assessment records what it
assessed (purposes, location, every setting declared as affecting it); it becomes stale as soon
as any of those differ from today's values or an incident is registered after it. Assessments
are kept at least three years and are never touched by the retention job.
"""

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date

from app.config.settings import SETTING_SPECS
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import ComplianceBlockedError, InvalidInputError
from app.domain.operators import OperatorSession
from app.domain.retention import RECORD_KEEPING
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.storage.compliance_repository import PiaRecord, settings_snapshot
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

MIN_ANSWER_LENGTH = 20
PIA_SETTINGS = tuple(spec.key for spec in SETTING_SPECS if spec.affects_pia)


@dataclass(frozen=True)
class PiaAnswers:
    """The four items the assessment must cover, and who assessed when."""

    assessor: str
    assessed_on: date
    lawful_and_necessary: str
    impact_and_mitigation: str
    risks_leak_tamper_loss: str
    safeguards_proportionate: str


@dataclass(frozen=True)
class PiaStatus:
    """Whether face enrolment may go ahead, and if not, why."""

    record: PiaRecord | None
    stale_reasons: tuple[str, ...]

    @property
    def current(self) -> bool:
        """An assessment exists and nothing it assessed has changed since."""
        return self.record is not None and not self.stale_reasons


def assessed_settings(uow: UnitOfWork) -> dict[str, object]:
    """What an assessment covers, as it is now."""
    profile = load_profile(uow)
    values: dict[str, object] = {
        "purposes": sorted(p.value for p in profile.purposes),
        "location_type": profile.location_type.value,
    }
    values.update({key: uow.policy_value(key) for key in PIA_SETTINGS})
    return values


def pia_status(uow: UnitOfWork) -> PiaStatus:
    """The assessment status on an open connection."""
    compliance = uow.compliance
    record = compliance.latest_pia()
    if record is None:
        return PiaStatus(None, ("no impact assessment recorded",))
    now_values = assessed_settings(uow)
    assessed = json.loads(record.assessed_settings)
    reasons = [f"{key} changed" for key in sorted(now_values) if assessed.get(key) != now_values[key]]
    reasons += [f"incident #{incident.id} recorded" for incident in compliance.incidents_since(record.recorded_at)]
    return PiaStatus(record, tuple(reasons))


def require_current_pia(uow: UnitOfWork, processing: str = "Face enrolment") -> None:
    """Refuse face processing (enrolment, verification, the kiosk) without a current assessment (R2).

    Raises:
        ComplianceBlockedError: naming why.
    """
    status = pia_status(uow)
    if not status.current:
        raise ComplianceBlockedError(
            f"{processing} needs an up-to-date impact assessment first ("
            + "; ".join(status.stale_reasons)
            + "): ask an administrator to record one. The manual ID check is available."
        )


class PiaService:
    """Records impact assessments and reports whether the current one still holds."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock) -> None:
        self._db = database
        self._access = access
        self._clock = clock

    def status(self) -> PiaStatus:
        """The current assessment status."""
        with self._db.reading() as uow:
            return pia_status(uow)

    def record(self, session: OperatorSession, answers: PiaAnswers) -> PiaRecord:
        """Record an assessment of the installation as it is now (Admins only).

        Raises:
            PermissionDeniedError, InvalidInputError (an item left empty or too thin).
        """
        admin = self._access.require(session, Permission.RECORD_PIA)
        items = {
            "lawfulness and necessity": answers.lawful_and_necessary,
            "impact on individuals and mitigations": answers.impact_and_mitigation,
            "risks of leak, tampering or loss": answers.risks_leak_tamper_loss,
            "proportionality of safeguards": answers.safeguards_proportionate,
        }
        for name, text in items.items():
            if len(text.strip()) < MIN_ANSWER_LENGTH:
                raise InvalidInputError(f"Describe the {name} in at least {MIN_ANSWER_LENGTH} characters.")
        if not answers.assessor.strip():
            raise InvalidInputError("Enter who carried out the assessment.")
        now = self._clock()
        with self._db.unit() as uow:
            snapshot = settings_snapshot(assessed_settings(uow))
            report = "\n\n".join(
                [f"Assessor: {answers.assessor.strip()}", f"Date: {answers.assessed_on.isoformat()}", snapshot]
                + [f"{name}:\n{text.strip()}" for name, text in items.items()]
            )
            record = PiaRecord(
                id=0,
                assessed_on=answers.assessed_on,
                assessor=answers.assessor.strip(),
                lawful_and_necessary=answers.lawful_and_necessary.strip(),
                impact_and_mitigation=answers.impact_and_mitigation.strip(),
                risks_leak_tamper_loss=answers.risks_leak_tamper_loss.strip(),
                safeguards_proportionate=answers.safeguards_proportionate.strip(),
                report_sha256=hashlib.sha256(report.encode("utf-8")).hexdigest(),
                assessed_settings=snapshot,
                recorded_by=admin.id,
                recorded_at=now,
                keep_until=now + RECORD_KEEPING,
            )
            record_id = uow.compliance.add_pia(record)
            uow.audit(
                AuditAction.PIA_RECORDED,
                operator_actor(admin.id),
                at=now,
                subject=("pia", record_id),
                details={"report_sha256": record.report_sha256},
            )
        return replace(record, id=record_id)
