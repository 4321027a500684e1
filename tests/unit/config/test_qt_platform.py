"""The window platform check: which plug-in Qt will use, and one install line kept the same everywhere."""

import re
from pathlib import Path

from app.config.qt_platform import DEBIAN_PACKAGES, FEDORA_PACKAGES, chosen_platform, platform_problem
from tests.conftest import REPO_ROOT


def test_the_platform_qt_will_try_first() -> None:
    assert chosen_platform({}) == "xcb"
    assert chosen_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert chosen_platform({"QT_QPA_PLATFORM": "xcb:dpi=96;wayland"}) == "xcb"
    assert chosen_platform({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"


def test_a_missing_plug_in_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "platforms").mkdir()
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, tmp_path)
    assert (
        problem
        == "FaceDesk cannot open its window: Qt has no platform plug-in 'xcb' (QT_QPA_PLATFORM); available: none."
    )


def test_the_readme_and_ci_install_the_same_libraries_the_message_names() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"sudo apt install {DEBIAN_PACKAGES}   # Debian, Ubuntu" in readme
    assert f"sudo dnf install {FEDORA_PACKAGES}   # Fedora" in readme
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"packages=\((.*?)\)", ci, re.S)
    assert match is not None
    listed = set(match.group(1).split())
    assert set(DEBIAN_PACKAGES.split()) <= listed
