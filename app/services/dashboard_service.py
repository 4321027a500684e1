"""The compliance dashboard: R1-R24 at a glance, each met or needing one named action.

No row says "met" on faith. A requirement a person fulfils through a page or a command (check-in,
withdrawal, a rights request, an incident) is met only when every such page and command is in this
build (``REQUIREMENT_PATHS`` against ``PATHS_IN_THIS_BUILD``, which a test checks against the real
desk pages and command line); otherwise the row says which is missing. Rules of the code with
nothing to use (no network, templates only, encryption, no profiling) name the tests that prove
them (docs/COMPLIANCE.md). The ones that depend on what the business does are checked against the
records: a current impact assessment (R2), an empty retention queue (R13), an intact audit chain
(R17), no unread security alerts (R18), the filing threshold (R21), and a sign printed since the
business details last changed (R22).
"""

from dataclasses import dataclass
from enum import StrEnum

from app.domain.audit import AuditAction, operator_actor, verify_chain
from app.domain.clock import Clock
from app.domain.filing import FILING_THRESHOLD, WARNING_LEVELS
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.pia_service import pia_status
from app.services.retention_service import purge_plan
from app.storage.alert_repository import SecurityAlert
from app.storage.database import Database

REQUIREMENT_IDS = tuple(f"R{number}" for number in range(1, 25))
# The page ("page:<key>") or command ("cli:<name>") through which a person gets each requirement.
REQUIREMENT_PATHS: dict[str, tuple[str, ...]] = {
    "R3": ("page:check_in",),
    "R4": ("page:check_in",),
    "R5": ("page:check_in",),
    "R6": ("page:verify", "page:front_desk"),
    "R7": ("page:check_in",),
    "R8": ("page:check_in", "page:verify"),
    "R9": ("page:check_in",),
    "R10": ("page:withdraw",),
    "R16": ("page:settings",),
    "R19": ("page:rights", "cli:export-person", "cli:request"),
    "R20": ("page:incidents",),
    "R23": ("page:check_in",),
}
# What this build has; tests/ui/test_compliance_dashboard.py checks each against the real desk and CLI.
PATHS_IN_THIS_BUILD = frozenset(
    {
        "page:front_desk",
        "page:check_in",
        "page:verify",
        "page:withdraw",
        "page:settings",
        "page:rights",
        "page:incidents",
        "cli:export-person",
        "cli:request",
    }
)
# Rules of the code with nothing a person uses; their tests are listed in docs/COMPLIANCE.md.
CODE_RULES = frozenset({"R11", "R12", "R14", "R15", "R24"})


class Reason(StrEnum):
    """Why a requirement is met or what it needs (the desk words each one)."""

    AVAILABLE = "available"  # every page and command it needs is here (named in ``paths``)
    MISSING_IN_BUILD = "missing_in_build"  # a page or command it needs is not in this version
    CODE_RULE = "code_rule"  # a rule of the code, proven by tests
    PURPOSES_RECORDED = "purposes_recorded"
    FACE_OFF = "face_off"
    PIA_CURRENT = "pia_current"
    PIA_MISSING = "pia_missing"
    PIA_STALE = "pia_stale"
    RETENTION_CLEAR = "retention_clear"
    RETENTION_BACKLOG = "retention_backlog"
    AUDIT_INTACT = "audit_intact"
    AUDIT_BROKEN = "audit_broken"
    NO_ALERTS = "no_alerts"
    OPEN_ALERTS = "open_alerts"
    BELOW_FILING_LEVELS = "below_filing_levels"
    FILING_APPROACHING = "filing_approaching"
    FILING_DUE = "filing_due"
    FILINGS_OWED = "filings_owed"  # a filing, change or cancellation waits to be submitted
    FILED = "filed"  # filed, and no change or cancellation is owed
    SIGN_CURRENT = "sign_current"
    SIGN_NEEDED = "sign_needed"


@dataclass(frozen=True)
class RequirementStatus:
    """One row of the dashboard."""

    requirement: str
    met: bool
    reason: Reason
    count: int = 0  # the number the reason refers to (people, alerts, consents due, ...)
    paths: tuple[str, ...] = ()  # the pages and commands the reason names (AVAILABLE, MISSING_IN_BUILD)


@dataclass(frozen=True)
class Dashboard:
    """Every requirement's status, and the figures shown beside them."""

    requirements: tuple[RequirementStatus, ...]
    people_with_face_data: int
    filing_threshold: int
    retention_due: int
    pia_stale_reasons: tuple[str, ...]

    @property
    def needs_action(self) -> tuple[RequirementStatus, ...]:
        """The rows that need something done."""
        return tuple(row for row in self.requirements if not row.met)

    def status_of(self, requirement: str) -> RequirementStatus:
        """The row for ``requirement`` ("R2")."""
        return next(row for row in self.requirements if row.requirement == requirement)


class ComplianceDashboardService:
    """Reads the dashboard (Managers and Admins) and acknowledges security alerts."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock) -> None:
        self._db = database
        self._access = access
        self._clock = clock

    def dashboard(self, session: OperatorSession) -> Dashboard:
        """The status of every requirement now."""
        self._access.require(session, Permission.VIEW_COMPLIANCE)
        now = self._clock()
        with self._db.reading() as uow:
            profile = load_profile(uow)
            pia = pia_status(uow)
            due = len(purge_plan(uow, now))
            audit = uow.audit_log
            chain = verify_chain(audit.iter_all())
            alerts = len(uow.alerts.open_alerts())
            people = uow.statistics.counts().people_with_face_data
            filings = uow.compliance.filing_tasks()
            sign_printed = audit.last_id_of((AuditAction.SIGNAGE_GENERATED.value,))
            details_changed = audit.last_id_of((AuditAction.SETUP_COMPLETED.value, AuditAction.BUSINESS_UPDATED.value))
        rows: dict[str, RequirementStatus] = {rid: RequirementStatus(rid, True, Reason.CODE_RULE) for rid in CODE_RULES}
        for rid, paths in REQUIREMENT_PATHS.items():
            missing = tuple(path for path in paths if path not in PATHS_IN_THIS_BUILD)
            rows[rid] = (
                RequirementStatus(rid, False, Reason.MISSING_IN_BUILD, paths=missing)
                if missing
                else RequirementStatus(rid, True, Reason.AVAILABLE, paths=paths)
            )
        rows["R1"] = RequirementStatus(
            "R1", True, Reason.PURPOSES_RECORDED if profile.purposes else Reason.FACE_OFF, len(profile.purposes)
        )
        if pia.current:
            rows["R2"] = RequirementStatus("R2", True, Reason.PIA_CURRENT)
        else:
            reason = Reason.PIA_MISSING if pia.record is None else Reason.PIA_STALE
            rows["R2"] = RequirementStatus("R2", False, reason, len(pia.stale_reasons))
        rows["R13"] = (
            RequirementStatus("R13", True, Reason.RETENTION_CLEAR)
            if due == 0
            else RequirementStatus("R13", False, Reason.RETENTION_BACKLOG, due)
        )
        rows["R17"] = (
            RequirementStatus("R17", True, Reason.AUDIT_INTACT, chain.events_checked)
            if chain.intact
            else RequirementStatus("R17", False, Reason.AUDIT_BROKEN, chain.first_broken_id or 0)
        )
        rows["R18"] = (
            RequirementStatus("R18", True, Reason.NO_ALERTS)
            if alerts == 0
            else RequirementStatus("R18", False, Reason.OPEN_ALERTS, alerts)
        )
        owed = sum(task.open for task in filings)
        if owed:
            rows["R21"] = RequirementStatus("R21", False, Reason.FILINGS_OWED, owed)
        elif any(task.kind == "filing" for task in filings):
            rows["R21"] = RequirementStatus("R21", True, Reason.FILED, people)
        elif people >= FILING_THRESHOLD:
            rows["R21"] = RequirementStatus("R21", False, Reason.FILING_DUE, people)
        elif people >= min(WARNING_LEVELS):
            rows["R21"] = RequirementStatus("R21", False, Reason.FILING_APPROACHING, people)
        else:
            rows["R21"] = RequirementStatus("R21", True, Reason.BELOW_FILING_LEVELS, people)
        rows["R22"] = (
            RequirementStatus("R22", True, Reason.SIGN_CURRENT)
            if sign_printed > details_changed
            else RequirementStatus("R22", False, Reason.SIGN_NEEDED)
        )
        return Dashboard(
            requirements=tuple(rows[rid] for rid in REQUIREMENT_IDS),
            people_with_face_data=people,
            filing_threshold=FILING_THRESHOLD,
            retention_due=due,
            pia_stale_reasons=pia.stale_reasons if pia.record is not None else (),
        )

    def open_alerts(self, session: OperatorSession) -> list[SecurityAlert]:
        """The security alerts no manager has marked read yet, newest first (R18)."""
        self._access.require(session, Permission.VIEW_COMPLIANCE)
        with self._db.reading() as uow:
            return uow.alerts.open_alerts()

    def acknowledge_alerts(self, session: OperatorSession) -> int:
        """Mark the open security alerts as seen by this manager (audited); return how many."""
        manager = self._access.require(session, Permission.VIEW_COMPLIANCE)
        now = self._clock()
        with self._db.unit() as uow:
            count = uow.alerts.acknowledge_all(by_operator=manager.id, at=now)
            if count:
                uow.audit(
                    AuditAction.SECURITY_ALERTS_ACKNOWLEDGED,
                    operator_actor(manager.id),
                    at=now,
                    details={"alerts": count},
                )
        return count
