"""Signing operators in and out, lockout after repeated failures, and account management.

R16: named accounts with Argon2id password hashes and roles. R18: after the configured number
of failed sign-ins (5 by default) the account locks for a while and a security alert is raised.
Every outcome is audited; failed attempts never record the user name that was typed, because
people sometimes type a password into that field.
"""

import logging
from datetime import datetime, timedelta

from app.config.settings import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES
from app.domain.audit import SYSTEM_ACTOR, Actor, ActorKind, AuditAction, DetailValue, operator_actor
from app.domain.clock import Clock
from app.domain.errors import AccountLockedError, AuthenticationError, InvalidInputError
from app.domain.operators import Operator, OperatorSession, validate_password, validate_username
from app.domain.roles import Permission, Role
from app.domain.text import printable_field
from app.services.access_control import AccessControl
from app.services.passwords import PasswordHashing
from app.storage.database import Database
from app.storage.operator_repository import StoredCredentials
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

ANONYMOUS_ACTOR = Actor(ActorKind.ANONYMOUS)
_WRONG_CREDENTIALS = "Wrong user name or password."


class OperatorService:
    """Operator accounts and sessions."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, hashing: PasswordHashing) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._hashing = hashing

    def sign_in(self, username: str, password: str) -> OperatorSession:
        """Check credentials and open a session.

        Raises:
            AuthenticationError: wrong user name or password, or an inactive account.
            AccountLockedError: the account is locked (now, or by this very attempt).
        """
        now = self._clock()
        stored = self._claim_attempt(username.strip(), now)
        if stored is None:
            self._hashing.verify_decoy(password)
            self._audit_anonymous_failure("unknown_account", now)
            raise AuthenticationError(_WRONG_CREDENTIALS)
        operator = stored.operator
        if not self._hashing.verify(stored.password_hash, password) or not operator.active:
            raise self._record_failure(operator, now)
        with self._db.unit() as uow:
            repo = uow.operators
            current = repo.credentials(operator.username)
            if current is not None and _is_locked(current.operator, now):
                # Parallel wrong guesses locked the account while this password was being checked.
                self._audit(uow, operator.id, AuditAction.LOGIN_REFUSED_LOCKED, now)
                locked_until = current.operator.locked_until
                assert locked_until is not None  # noqa: S101 - _is_locked checked it
                refused = AccountLockedError(_locked_message(locked_until - now))
            else:
                refused = None
                repo.record_successful_login(operator.id, at=now)
                if self._hashing.needs_rehash(stored.password_hash):
                    repo.set_password_hash(operator.id, self._hashing.hash(password))
                self._audit(uow, operator.id, AuditAction.LOGIN_SUCCEEDED, now)
        if refused is not None:
            raise refused
        logger.info("Operator #%d signed in.", operator.id)
        return self._access.issue(operator)

    def sign_out(self, session: OperatorSession, *, reason: str = "sign_out") -> None:
        """End a session (sign-out, idle lock or operator switch); audited once."""
        if self._access.end(session):
            with self._db.unit() as uow:
                self._audit(uow, session.operator_id, AuditAction.SESSION_ENDED, self._clock(), reason=reason)

    def confirm_password(self, session: OperatorSession, password: str) -> None:
        """Check the signed-in operator's password again (ending a kiosk session, for example).

        Raises:
            AuthenticationError: wrong password (counted towards the lockout like a failed sign-in).
            AccountLockedError: this attempt locked the account.
        """
        operator = self._access.current_operator(session)
        now = self._clock()
        stored = self._claim_attempt(session.username, now)
        if stored is None or not self._hashing.verify(stored.password_hash, password):
            raise self._record_failure(operator, now)
        with self._db.unit() as uow:
            uow.operators.clear_failed_logins(operator.id)

    def create_operator(
        self, session: OperatorSession, *, username: str, display_name: str, role: Role, password: str
    ) -> Operator:
        """Add a named operator account (Admins only).

        Raises:
            PermissionDeniedError, InvalidInputError.
        """
        admin = self._access.require(session, Permission.MANAGE_OPERATORS)
        name, shown, secret = _validated_account(username, display_name, password)
        now = self._clock()
        password_hash = self._hashing.hash(secret)
        with self._db.unit() as uow:
            repo = uow.operators
            new_id = repo.add(username=name, display_name=shown, role=role, password_hash=password_hash, created_at=now)
            uow.audit(
                AuditAction.OPERATOR_CREATED,
                operator_actor(admin.id),
                at=now,
                subject=("operator", new_id),
                details={"role": role.value},
            )
            created = repo.get(new_id)
        assert created is not None  # noqa: S101 - inserted in the same transaction
        return created

    def unlock_operator(self, session: OperatorSession, operator_id: int) -> None:
        """Lift a lockout early (Managers and Admins)."""
        manager = self._access.require(session, Permission.UNLOCK_OPERATOR)
        with self._db.unit() as uow:
            repo = uow.operators
            if repo.get(operator_id) is None:
                raise InvalidInputError("There is no such operator.")
            repo.unlock(operator_id)
            uow.audit(
                AuditAction.OPERATOR_UNLOCKED,
                operator_actor(manager.id),
                at=self._clock(),
                subject=("operator", operator_id),
            )

    def change_password(self, session: OperatorSession, old_password: str, new_password: str) -> None:
        """Change the signed-in operator's own password.

        Raises:
            SessionExpiredError, AuthenticationError (old password wrong), InvalidInputError.
        """
        self._access.current_operator(session)
        try:
            validate_password(new_password)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from None
        with self._db.reading() as uow:
            stored = uow.operators.credentials(session.username)
        if stored is None or not self._hashing.verify(stored.password_hash, old_password):
            raise AuthenticationError("The current password is wrong; the password was not changed.")
        with self._db.unit() as uow:
            uow.operators.set_password_hash(session.operator_id, self._hashing.hash(new_password))
            self._audit(uow, session.operator_id, AuditAction.OPERATOR_PASSWORD_CHANGED, self._clock())

    def list_operators(self, session: OperatorSession) -> list[Operator]:
        """All operator accounts (Admins only)."""
        self._access.require(session, Permission.MANAGE_OPERATORS)
        with self._db.reading() as uow:
            return uow.operators.list_all()

    def _claim_attempt(self, username: str, now: datetime) -> StoredCredentials | None:
        """Count this attempt as failed *before* its password is checked, in one write transaction.

        Counting first is what makes the lockout hold against parallel guesses: each attempt
        takes its place in the count under the database's write lock, so no more than the allowed
        number of passwords is ever checked before the account locks. A right password clears the
        count again afterwards.

        Returns:
            The stored credentials, or ``None`` for an unknown user name.

        Raises:
            AccountLockedError: the account is locked, or the allowed attempts are all in use.
        """
        with self._db.unit() as uow:
            repo = uow.operators
            stored = repo.credentials(username)
            if stored is None:
                return None
            operator = stored.operator
            if _is_locked(operator, now):
                self._audit(uow, operator.id, AuditAction.LOGIN_REFUSED_LOCKED, now)
                refused = operator.locked_until - now if operator.locked_until else timedelta(0)
            elif stored.failed_logins >= uow.policy(LOCKOUT_ATTEMPTS):
                refused = self._lock(uow, operator, stored.failed_logins, now)
                self._audit(uow, operator.id, AuditAction.LOGIN_REFUSED_LOCKED, now)
            else:
                repo.record_failed_login(operator.id, failed_logins=stored.failed_logins + 1, locked_until=None)
                return stored
        raise AccountLockedError(_locked_message(refused))

    def _record_failure(self, operator: Operator, now: datetime) -> AuthenticationError:
        """Audit a wrong password (already counted) and lock at the limit; return the error to raise."""
        with self._db.unit() as uow:
            repo = uow.operators
            stored = repo.credentials(operator.username)
            failures = stored.failed_logins if stored else 0
            self._audit(uow, operator.id, AuditAction.LOGIN_FAILED, now, reason="wrong_password")
            if stored is None or _is_locked(stored.operator, now) or failures < uow.policy(LOCKOUT_ATTEMPTS):
                return AuthenticationError(_WRONG_CREDENTIALS)
            remaining = self._lock(uow, operator, failures, now)
        return AccountLockedError(_locked_message(remaining))

    def _lock(self, uow: UnitOfWork, operator: Operator, failures: int, now: datetime) -> timedelta:
        """Lock the account now (audited, with a security alert); return how long it stays locked."""
        lock_for = timedelta(minutes=uow.policy(LOCKOUT_MINUTES))
        uow.operators.record_failed_login(operator.id, failed_logins=0, locked_until=now + lock_for)
        self._audit(uow, operator.id, AuditAction.OPERATOR_LOCKED, now, failed_attempts=failures)
        alert_id = uow.alerts.raise_alert(
            "account_locked", at=now, subject_id=operator.id, details={"failed_attempts": failures}
        )
        uow.audit(
            AuditAction.SECURITY_ALERT,
            SYSTEM_ACTOR,
            at=now,
            subject=("operator", operator.id),
            details={"alert": "account_locked", "alert_id": alert_id},
        )
        logger.warning("Operator #%d locked after %d failed sign-ins.", operator.id, failures)
        return lock_for

    def _audit_anonymous_failure(self, reason: str, now: datetime) -> None:
        with self._db.unit() as uow:
            uow.audit(AuditAction.LOGIN_FAILED, ANONYMOUS_ACTOR, at=now, details={"reason": reason})

    def _audit(
        self, uow: UnitOfWork, operator_id: int, action: AuditAction, now: datetime, **details: DetailValue
    ) -> None:
        uow.audit(action, operator_actor(operator_id), at=now, subject=("operator", operator_id), details=details)


def _validated_account(username: str, display_name: str, password: str) -> tuple[str, str, str]:
    try:
        name = validate_username(username)
        secret = validate_password(password)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from None
    shown = printable_field(display_name, "display name", max_length=100) if display_name.strip() else name
    return name, shown, secret


def _is_locked(operator: Operator, now: datetime) -> bool:
    return operator.locked_until is not None and operator.locked_until > now


def _locked_message(remaining: timedelta) -> str:
    minutes = max(1, -(-int(remaining.total_seconds()) // 60))
    return (
        f"This account is locked after too many failed sign-ins. Try again in {minutes} "
        f"minute{'s' if minutes != 1 else ''}, or ask a manager to unlock it."
    )
