"""Reading and verifying the audit log (R17)."""

from collections.abc import Sequence

from app.domain.audit import AuditHead, AuditRecord, AuditVerdict, ChainVerdict, check_checkpoint, verify_chain
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.storage.database import Database


class AuditService:
    """Chain verification and the audit log view."""

    def __init__(self, database: Database, access: AccessControl) -> None:
        self._db = database
        self._access = access

    def verify_chain(self) -> ChainVerdict:
        """Check every event's content hash and link, in one consistent read."""
        with self._db.reading() as uow:
            return verify_chain(uow.audit_log.iter_all())

    def verify(self, checkpoints: Sequence[AuditHead] = ()) -> AuditVerdict:
        """The chain, the append-only triggers' exact definitions, and printed checkpoints, in one read."""
        with self._db.reading() as uow:
            chain = verify_chain(uow.audit_log.iter_all())
            results = tuple(check_checkpoint(c, uow.audit_log.at(c.sequence)) for c in checkpoints)
        return AuditVerdict(chain, tuple(self._db.trigger_problems()), results)

    def operator_names(self, session: OperatorSession) -> dict[int, str]:
        """Every operator account's display name by id, so the log can say who acted (Managers and Admins)."""
        self._access.require(session, Permission.VIEW_AUDIT_LOG)
        with self._db.reading() as uow:
            return {operator.id: operator.display_name for operator in uow.operators.list_all()}

    def recent_events(self, session: OperatorSession, limit: int = 200) -> list[AuditRecord]:
        """The newest events, newest first (Managers and Admins)."""
        self._access.require(session, Permission.VIEW_AUDIT_LOG)
        with self._db.reading() as uow:
            return uow.audit_log.recent(limit)
