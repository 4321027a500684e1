"""SQLite errors become FaceDesk errors by result code, and disk faults by the folder itself."""

from pathlib import Path

from sqlcipher3 import dbapi2

from app.domain.errors import DiskFullError, ReadOnlyError
from app.storage.errors import translate_error


def test_errors_are_classified_by_sqlite_result_code_not_by_message_words() -> None:
    def error(code: int, message: str) -> dbapi2.Error:
        exc = dbapi2.OperationalError(message)
        exc.sqlite_errorcode = code
        return exc

    full = translate_error(error(dbapi2.SQLITE_FULL, "some wording"))
    assert full is not None and "disk is full" in str(full)
    busy = translate_error(error(dbapi2.SQLITE_BUSY | (1 << 8), "database is locked"))  # an extended code
    assert busy is not None and "busy" in str(busy)
    assert translate_error(error(dbapi2.SQLITE_ERROR, "database or disk is full")) is None  # words decide nothing


def test_an_io_error_in_a_read_only_folder_is_named_as_read_only(tmp_path: Path) -> None:
    exc = dbapi2.OperationalError("disk I/O error")
    exc.sqlite_errorcode = dbapi2.SQLITE_READONLY
    assert isinstance(translate_error(exc, tmp_path), ReadOnlyError)
    exc.sqlite_errorcode = dbapi2.SQLITE_FULL
    translated = translate_error(exc, tmp_path)
    assert isinstance(translated, DiskFullError) and str(tmp_path) in str(translated)
