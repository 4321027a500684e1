"""The service messages translated for the desk are still the ones the services raise."""

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.errors import (
    DatabaseDamagedError,
    DiskFullError,
    FaceDeskError,
    InvalidInputError,
    KeyFileDamagedError,
    KeyFileMismatchError,
    ReadOnlyError,
    RollbackError,
)
from app.domain.guests import clean_name
from app.domain.text import printable_field
from app.ui.guest_language import GuestLanguage
from app.ui.i18n import Translators
from app.ui.messages import KNOWN_MESSAGES, KNOWN_TEMPLATES, TERMS, user_message

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


# Errors that tell the person at the desk what to do (bad input, a refusal, a wrong secret):
# every sentence raised with one of them outside the UI must reach the desk in its language.
TELLS_THE_USER = {
    "InvalidInputError",
    "ComplianceBlockedError",
    "PermissionDeniedError",
    "SessionExpiredError",
    "AuthenticationError",
    "WrongRecoveryCodeError",
    "WrongPassphraseError",
}
# Sentences only the command line shows (it speaks English): the desk never builds these requests.
COMMAND_LINE_ONLY = {
    "--camera %1: give a camera number (0, 1, ...) or an existing video, photo or folder.",  # facedesk --camera
    "%1 is a file, not a folder: choose a folder with --data-dir.",
    "%1 cannot be a data folder (part of that path is a file): choose a folder with --data-dir.",
    "%1 inside a %2 folder, which would copy face data to the internet. Choose a folder on this computer that "
    "is not synchronised (for example the default).",  # --data-dir and 'facedesk backup --to'
    "Name a room, or a stay as #12.",  # facedesk desk checkout ROOM|#N
    "Room %1 has %2 open stays (%3): name one as #N.",
    "%1 is not a FaceDesk backup (it needs %2 and %3).",  # facedesk restore
    "This installation keeps its key in the OS keyring; it has no passphrase.",  # facedesk secrets
    "A request is one of: %1.",  # facedesk rights register --kind
    "%1 already exists; choose another file name.",  # facedesk rights answer --out (the desk's dialog asks first)
    "There is no policy setting called %1.",  # facedesk settings set KEY
    "Notices are available in %1, not %2.",  # facedesk notice --language
    "Guest consent belongs to one of the guest's stays.",  # a programming error: the desk always passes the stay
    # --camera PHOTO or FOLDER, a stand-in for a webcam chosen on the command line
    "This image has an unsupported pixel layout.",
    "Only 8-bit and 16-bit images can be used.",
    "The image %1 is empty.",
    "The image %1 could not be read.",
    "%1 is not an image FaceDesk can read, or it is damaged.",
    "The image %1 is too large (over 40 megapixels).",
}


def raised_sentences(kinds: set[str] | None = TELLS_THE_USER) -> dict[str, str]:
    """Each sentence raised outside the UI and the command line with an error of ``kinds`` (None:
    any), as a template (an f-string's values become %1, %2, ...), with where it is raised."""
    found: dict[str, str] = {}
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui") or path.is_relative_to(APP / "services" / "benchmarks"):
            continue  # the desk's own text; 'facedesk bench', a command only
        if path.name.startswith("cli") or path.name == "application.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            kind = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            sentence = node.exc.args[0]
            if kinds is not None and kind not in kinds:
                continue
            if isinstance(sentence, ast.Constant) and isinstance(sentence.value, str):
                found[sentence.value] = f"{path.relative_to(APP.parent)}:{node.lineno}"
            elif isinstance(sentence, ast.JoinedStr):
                values = iter(range(1, 100))
                template = "".join(
                    part.value if isinstance(part, ast.Constant) else f"%{next(values)}" for part in sentence.values
                )
                found[template] = f"{path.relative_to(APP.parent)}:{node.lineno}"
    return found


def test_every_translated_message_is_still_raised_somewhere() -> None:
    constants = string_constants()
    assert [message for message in KNOWN_MESSAGES + TERMS if message not in constants] == []
    raised = raised_sentences(kinds=None)
    assert [template for template in KNOWN_TEMPLATES if template not in raised] == []


@pytest.mark.req("R23")
def test_every_sentence_that_tells_the_user_what_to_do_reaches_the_desk_translated() -> None:
    """Seen in Chinese: "This document is on file under another name: ..." in English under the form."""
    known = set(KNOWN_MESSAGES) | set(KNOWN_TEMPLATES)
    untranslated = [f"{where}: {sentence}" for sentence, where in raised_sentences().items()
                    if sentence not in known and sentence not in COMMAND_LINE_ONLY]  # fmt: skip
    assert untranslated == [], "\n".join(untranslated)
    assert set(raised_sentences()) >= COMMAND_LINE_ONLY, "a command-line sentence changed: update the list"


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


def refusal(call: Callable[[], object]) -> FaceDeskError:
    with pytest.raises(FaceDeskError) as refused:
        call()
    return refused.value


@pytest.mark.req("R23")
def test_sentences_with_values_reach_the_desk_in_chinese_with_their_values(qapp: QApplication, tmp_path: Path) -> None:
    too_long = refusal(lambda: clean_name("李" * 101))
    no_business = refusal(lambda: printable_field(" ", "business name", max_length=200))
    translators = Translators(qapp, tmp_path)
    try:
        assert user_message(too_long) == "A name has at most 100 characters."  # English desk: as raised
        translators.use("zh_CN")
        assert user_message(too_long) == "姓名最多 100 个字符。"
        assert user_message(no_business) == "请输入商户名称。"  # the field's name translated too
        another_name = InvalidInputError(
            "This document is on file under another name: check the document, or have a manager correct the record."
        )
        assert user_message(another_name) == "此证件已以另一个姓名登记：请核对证件，或请经理更正记录。"
    finally:
        translators.remove()
