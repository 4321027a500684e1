"""The reader's port is offered by its stable /dev/serial/by-id name when the system has one."""

from pathlib import Path

import pytest

from app.card_reader import ports


def test_a_by_id_link_names_its_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    device = tmp_path / "ttyACM0"
    device.touch()
    by_id = tmp_path / "by-id"
    by_id.mkdir()
    (by_id / "usb-SYNJONES_SS628_0001-if00").symlink_to(device)
    monkeypatch.setattr(ports, "BY_ID", by_id)
    assert ports._stable_names() == {str(device): str(by_id / "usb-SYNJONES_SS628_0001-if00")}


def test_no_by_id_folder_means_no_stable_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ports, "BY_ID", tmp_path / "missing")
    assert ports._stable_names() == {}
