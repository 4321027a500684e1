"""The service messages translated for the desk are still the ones the services raise."""

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.errors import (
    DatabaseDamagedError,
    DiskFullError,
    InvalidInputError,
    KeyFileDamagedError,
    KeyFileMismatchError,
    ReadOnlyError,
    RollbackError,
)
from app.ui.guest_language import GuestLanguage
from app.ui.i18n import Translators
from app.ui.messages import KNOWN_MESSAGES, user_message

APP = Path(__file__).resolve().parents[2] / "app"


def string_constants() -> set[str]:
    """Every string literal in app/ outside the UI (implicit concatenations joined, as Python does)."""
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_translated_message_is_still_raised_somewhere() -> None:
    constants = string_constants()
    stale = [message for message in KNOWN_MESSAGES if message not in constants]
    assert stale == []


@pytest.mark.req("R23")
def test_a_service_message_reaches_the_desk_in_chinese(qapp: QApplication, tmp_path: Path) -> None:
    translators = Translators(qapp, tmp_path)
    try:
        translators.use("zh_CN")
        error = InvalidInputError("The departure date cannot be before the arrival date.")
        assert user_message(error) == "离店日期不能早于入住日期。"
        unknown = InvalidInputError("A sentence nobody translated.")
        assert user_message(unknown) == "A sentence nobody translated."  # shown in English, never blank
    finally:
        translators.remove()


@pytest.mark.req("R23")
def test_a_storage_fault_reaches_the_desk_with_a_chinese_summary_of_its_kind(
    qapp: QApplication, tmp_path: Path
) -> None:
    translators = Translators(qapp, tmp_path)
    try:
        translators.use("zh_CN")
        detail = "The database facedesk.db is older than this installation's own record (audit event #42 is missing)."
        shown = user_message(RollbackError(detail))
        summary, details = shown.split("\n\n")
        assert summary.startswith("数据库") and detail == details
        for kind in (DiskFullError, ReadOnlyError, DatabaseDamagedError, KeyFileMismatchError, KeyFileDamagedError):
            assert not user_message(kind("details")).split("\n\n")[0].isascii()  # translated, with the details
    finally:
        translators.remove()


@pytest.mark.req("R23")
def test_a_guest_who_switched_to_chinese_reads_the_error_in_chinese_on_an_english_desk(
    qapp: QApplication, tmp_path: Path
) -> None:
    guest = GuestLanguage("en", tmp_path)
    error = InvalidInputError("The typed name must be the consenting person's own name.")
    assert guest.message(error) == "The typed name must be the consenting person's own name."
    guest.switch("zh_CN")
    assert guest.message(error) == "输入的姓名必须是表示同意者本人的姓名。"
    unknown = InvalidInputError("A sentence nobody translated.")
    assert guest.message(unknown) == "A sentence nobody translated."
