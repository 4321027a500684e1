"""Operator sessions and the permission check every service call goes through (R16)."""

import logging
import secrets
import threading

from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import PermissionDeniedError, SessionExpiredError
from app.domain.operators import Operator, OperatorSession
from app.domain.roles import Permission, Role, role_allows
from app.storage.database import Database

logger = logging.getLogger(__name__)

ROLE_NAMES = {Role.DESK: "Desk", Role.MANAGER: "Manager", Role.ADMIN: "Admin"}


class AccessControl:
    """Issues sessions at sign-in and checks them, with the operator's current role, on every call.

    A session is honoured only while its token is registered here, so a session object built by
    hand, or one that was locked or signed out, authorises nothing. Roles are re-read from the
    database on each check, so demoting or deactivating an operator takes effect at once.
    """

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock
        self._active: dict[str, int] = {}
        self._lock = threading.Lock()

    def issue(self, operator: Operator) -> OperatorSession:
        """Register and return a new session for a signed-in operator."""
        session = OperatorSession(
            token=secrets.token_hex(16),
            operator_id=operator.id,
            username=operator.username,
            display_name=operator.display_name,
            role=operator.role,
            started_at=self._clock(),
        )
        with self._lock:
            self._active[session.token] = operator.id
        return session

    def end(self, session: OperatorSession) -> bool:
        """Forget a session; return whether it was active."""
        with self._lock:
            return self._active.pop(session.token, None) is not None

    def is_active(self, session: OperatorSession) -> bool:
        """Whether ``session`` is still honoured."""
        with self._lock:
            return self._active.get(session.token) == session.operator_id

    def current_operator(self, session: OperatorSession) -> Operator:
        """The operator behind a live session, as the database knows them now.

        Raises:
            SessionExpiredError: the session is unknown, ended, or its account was deactivated.
        """
        if not self.is_active(session):
            raise SessionExpiredError("Your session has ended: sign in again.")
        with self._db.reading() as uow:
            operator = uow.operators.get(session.operator_id)
        if operator is None or not operator.active:
            self.end(session)
            raise SessionExpiredError("This account is no longer active: sign in again.")
        return operator

    def require(self, session: OperatorSession, permission: Permission) -> Operator:
        """Return the acting operator if ``session`` may do ``permission``.

        Raises:
            SessionExpiredError: the session is unknown, ended, or its account was deactivated.
            PermissionDeniedError: the role does not allow it (the refusal is audited).
        """
        operator = self.current_operator(session)
        if not role_allows(operator.role, permission):
            with self._db.unit() as uow:
                uow.audit(
                    AuditAction.ACCESS_DENIED,
                    operator_actor(operator.id),
                    at=self._clock(),
                    details={"permission": permission.value, "role": operator.role.value},
                )
            logger.warning("Operator #%d (%s) was refused %s.", operator.id, operator.role.value, permission.value)
            raise PermissionDeniedError(
                f"Your role ({ROLE_NAMES[operator.role]}) does not allow this; ask a manager or an administrator."
            )
        return operator
