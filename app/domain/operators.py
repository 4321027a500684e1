"""Operator accounts and sessions (R16, R18)."""

from dataclasses import dataclass
from datetime import datetime

from app.domain.roles import Role

MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 64


@dataclass(frozen=True)
class Operator:
    """A named operator account. The password hash never leaves the storage layer."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None


@dataclass(frozen=True)
class OperatorSession:
    """Proof of a successful sign-in, issued only by the operator service.

    The token is checked on every permission check, so a session built by hand, or one that
    was locked or signed out, authorises nothing.
    """

    token: str
    operator_id: int
    username: str
    display_name: str
    role: Role
    started_at: datetime

    def __repr__(self) -> str:
        return f"OperatorSession(operator_id={self.operator_id}, role={self.role.value})"


def validate_username(username: str) -> str:
    """Return the normalised user name or raise ``ValueError`` with a plain reason."""
    name = username.strip()
    if not name:
        raise ValueError("A user name is required.")
    if len(name) > MAX_USERNAME_LENGTH:
        raise ValueError(f"A user name has at most {MAX_USERNAME_LENGTH} characters.")
    if any(ch.isspace() for ch in name) or not name.isprintable():
        raise ValueError("A user name cannot contain spaces or invisible characters.")
    return name


def validate_password(password: str) -> str:
    """Return ``password`` if it is acceptable, else raise ``ValueError`` with a plain reason."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if password.strip() != password:
        raise ValueError("A password cannot start or end with a space.")
    return password
