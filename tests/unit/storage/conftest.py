"""Storage fixtures: bare encrypted databases without the services on top."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.secrets import DatabaseKey
from app.storage.database import Database


@pytest.fixture
def db_key() -> DatabaseKey:
    """A fresh random key."""
    return DatabaseKey.generate()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test database goes."""
    return tmp_path / "facedesk.db"


@pytest.fixture
def database(db_path: Path, db_key: DatabaseKey) -> Iterator[Database]:
    """A new database at the latest schema."""
    db = Database.create(db_path, db_key)
    yield db
    db.close()
