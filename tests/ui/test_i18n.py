"""Switching the interface language."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.i18n import Translators
from app.ui.login_window import LoginWindow


@pytest.fixture
def translators(qapp: QApplication, tmp_path: Path) -> Iterator[Translators]:
    chosen = Translators(qapp, tmp_path)
    yield chosen
    chosen.remove()


@pytest.mark.req("R23")
def test_chinese_replaces_the_interface_text(translators: Translators, desk) -> None:
    assert translators.use("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "登录"
    login = LoginWindow(desk.operators, "Lotus Inn")
    assert login.sign_in_button.text() == "登录"
    login.deleteLater()


@pytest.mark.req("R23")
def test_switching_back_to_english_removes_the_chinese_text(translators: Translators) -> None:
    translators.use("zh_CN")
    assert translators.use("en") == "en"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "Sign in"
    assert translators.language == "en"


def test_an_unknown_language_falls_back_to_english(
    translators: Translators, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("Unsupported language 'fr'")
    assert translators.use("fr") == "en"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "Sign in"
