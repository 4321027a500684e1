"""Operating-system components a few tests need, and how a test says it needs one.

``uv run pytest`` on a machine with only Python and uv passes: a test needing a component that
is not installed is skipped, and the skip says what is missing and how to install it. ``.ci/run``
installs everything and sets ``FACEDESK_TESTS_NEED_EVERYTHING=1``, under which any skip fails the
run (tests/conftest.py), so CI never passes by skipping.
"""

import shutil
from functools import cache

import pytest

NEED_EVERYTHING_ENV = "FACEDESK_TESTS_NEED_EVERYTHING"

SECRET_SERVICE_TOOLS = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon")
SECRET_SERVICE_PACKAGES = "dbus-daemon dbus-bin gnome-keyring"
CJK_FONT_PACKAGES = "fonts-noto-cjk"


def missing_secret_service() -> str | None:
    """Why the Secret Service keyring cannot be started here, or None when it can."""
    missing = [tool for tool in SECRET_SERVICE_TOOLS if shutil.which(tool) is None]
    if not missing:
        return None
    tools = ", ".join(missing)
    return f"the Secret Service keyring is not installed ({tools} missing): apt-get install {SECRET_SERVICE_PACKAGES}"


@cache
def missing_cjk_fonts() -> str | None:
    """Why Chinese text cannot be drawn here (no font covers Simplified Chinese), or None when it can.

    Without such a font Qt draws boxes, PDFs carry no Chinese glyphs and text widths are not the
    ones a desk sees, so the tests that read Chinese back or measure it need one.
    """
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if QGuiApplication.instance() is None:
        raise RuntimeError("ask for CJK fonts from a test that has the qapp fixture")
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    return f"no font for Simplified Chinese is installed: apt-get install {CJK_FONT_PACKAGES}"


def skip_without(reason: str | None) -> None:
    """Skip the running test, saying why, when ``reason`` names a missing component."""
    if reason is not None:
        pytest.skip(reason)
