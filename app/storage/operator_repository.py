"""SQL for operator accounts. Password hashes stay in this layer and the operator service."""

from dataclasses import dataclass
from datetime import datetime

from sqlcipher3 import dbapi2

from app.domain.clock import from_utc_text, to_utc_text
from app.domain.errors import InvalidInputError
from app.domain.operators import Operator
from app.domain.roles import Role
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection

_COLUMNS = "id, username, display_name, role, active, locked_until, last_login_at"


@dataclass(frozen=True)
class StoredCredentials:
    """What a sign-in check needs."""

    operator: Operator
    password_hash: str
    failed_logins: int


class OperatorRepository:
    """Reads and writes operator rows on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, *, username: str, display_name: str, role: Role, password_hash: str, created_at: datetime) -> int:
        """Insert an operator and return its id.

        Raises:
            InvalidInputError: the user name is taken (compared case-insensitively).
        """
        try:
            cursor = self._conn.execute(
                "INSERT INTO operators (username, display_name, role, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (username, display_name, role.value, password_hash, to_utc_text(created_at)),
            )
        except dbapi2.IntegrityError:
            raise InvalidInputError("That user name is already taken; choose another.") from None
        return inserted_id(cursor)

    def get(self, operator_id: int) -> Operator | None:
        """The operator with this id, or ``None``."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM operators WHERE id = ?", (operator_id,)).fetchone()
        return _operator(row) if row else None

    def credentials(self, username: str) -> StoredCredentials | None:
        """Hash and failure count for ``username`` (case-insensitive), or ``None``."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS}, password_hash, failed_logins FROM operators WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None:
            return None
        return StoredCredentials(_operator(row[:7]), row[7], int(row[8]))

    def list_all(self) -> list[Operator]:
        """All operators by user name."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM operators ORDER BY username").fetchall()
        return [_operator(row) for row in rows]

    def count(self) -> int:
        """Number of operator accounts."""
        return int(self._conn.execute("SELECT count(*) FROM operators").fetchone()[0])

    def record_failed_login(self, operator_id: int, *, failed_logins: int, locked_until: datetime | None) -> None:
        """Store the failure count and, when the limit was reached, the lock expiry."""
        self._conn.execute(
            "UPDATE operators SET failed_logins = ?, locked_until = ? WHERE id = ?",
            (failed_logins, to_utc_text(locked_until) if locked_until else None, operator_id),
        )

    def record_successful_login(self, operator_id: int, *, at: datetime) -> None:
        """Reset failures and lock, and stamp the sign-in time."""
        self._conn.execute(
            "UPDATE operators SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?",
            (to_utc_text(at), operator_id),
        )

    def clear_failed_logins(self, operator_id: int) -> None:
        """Forget counted attempts (a password was confirmed)."""
        self._conn.execute("UPDATE operators SET failed_logins = 0 WHERE id = ?", (operator_id,))

    def unlock(self, operator_id: int) -> None:
        """Clear a lock and the failure count."""
        self._conn.execute("UPDATE operators SET failed_logins = 0, locked_until = NULL WHERE id = ?", (operator_id,))

    def set_password_hash(self, operator_id: int, password_hash: str) -> None:
        """Replace the password hash (after a change or a parameter upgrade)."""
        self._conn.execute("UPDATE operators SET password_hash = ? WHERE id = ?", (password_hash, operator_id))


def _operator(row: Row) -> Operator:
    return Operator(
        id=int(row[0]),
        username=row[1],
        display_name=row[2],
        role=Role(row[3]),
        active=bool(row[4]),
        locked_until=from_utc_text(row[5]) if row[5] else None,
        last_login_at=from_utc_text(row[6]) if row[6] else None,
    )
