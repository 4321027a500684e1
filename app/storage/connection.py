"""The part of a DB-API connection FaceDesk uses, as a checked type.

``sqlcipher3`` ships no type information, so ``sqlcipher3.dbapi2.Connection`` is ``Any`` to a type
checker and every ``conn: Connection`` would be unchecked. These protocols name what the storage
layer actually calls, so misuse (a wrong method, a missing ``fetchone``) is a type error.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

Row = tuple[Any, ...]  # a result row: column values in SELECT order
Parameters = Sequence[object] | Mapping[str, object]


class Cursor(Protocol):
    """The result of one statement."""

    @property
    def lastrowid(self) -> int | None:
        """Row id of the last inserted row."""

    @property
    def rowcount(self) -> int:
        """Rows changed by the last INSERT, UPDATE or DELETE."""

    def fetchone(self) -> Any:
        """The next row, or ``None``."""

    def fetchall(self) -> list[Any]:
        """All remaining rows."""

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """An open SQLCipher connection, as the storage layer uses it."""

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open."""

    def execute(self, sql: str, parameters: Parameters = ..., /) -> Cursor:
        """Run one statement."""

    def executescript(self, sql_script: str, /) -> Cursor:
        """Run several statements."""

    def backup(self, target: "Connection", /) -> None:
        """Copy the whole database into ``target``."""

    def close(self) -> None:
        """Close the connection."""


def inserted_id(cursor: Cursor) -> int:
    """The row id an INSERT just created.

    Raises:
        RuntimeError: the statement inserted nothing (a bug in the calling repository).
    """
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("the statement inserted no row")
    return row_id
