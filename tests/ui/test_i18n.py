"""Switching the interface language."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.i18n import install_translators
from app.ui.login_window import LoginWindow


@pytest.fixture
def restore_translators(qapp: QApplication) -> Iterator[None]:
    yield
    for translator in qapp.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"]).QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


@pytest.mark.req("R23")
@pytest.mark.usefixtures("restore_translators")
def test_chinese_replaces_the_interface_text(qapp: QApplication, tmp_path: Path, desk) -> None:
    assert install_translators(qapp, "zh_CN", tmp_path) == "zh_CN"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "登录"
    login = LoginWindow(desk.operators, "Lotus Inn")
    assert login.sign_in_button.text() == "登录"
    login.deleteLater()


@pytest.mark.usefixtures("restore_translators")
def test_an_unknown_language_falls_back_to_english(
    qapp: QApplication, tmp_path: Path, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("Unsupported language 'fr'")
    assert install_translators(qapp, "fr", tmp_path) == "en"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "Sign in"
