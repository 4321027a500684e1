"""``facedesk doctor`` checks the door relay chosen in Settings (the simulated board on a pty)."""

import json
from pathlib import Path

from app.config.device_settings import DeviceSettings
from app.config.paths import DataPaths
from tests.conftest import FaceDeskCli
from tests.helpers.relay_sim import RelayFaults, SimulatedRelay
from tests.integration.test_cli import INIT_ARGS, INIT_ENV, PASSPHRASE


def choose_relay(data_dir: Path, port: Path, board: str = "lcus_status") -> None:
    device = DeviceSettings(DataPaths(data_dir).device_settings)
    device.set("door/port", str(port))
    device.set("door/board", board)


def test_doctor_checks_the_relay_by_locking_and_says_when_it_is_wrong_or_gone(
    cli: FaceDeskCli, relay_board: SimulatedRelay
) -> None:
    assert cli(*INIT_ARGS, env=INIT_ENV).returncode == 0
    env = {"FACEDESK_PASSPHRASE": PASSPHRASE}
    result = cli("doctor", env=env)
    assert "Door relay:    none chosen (no door is opened; choose one in Settings)" in result.stdout
    choose_relay(cli.data_dir, relay_board.path)
    result = cli("doctor", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Door relay:    {relay_board.path} (lcus_status): answers (the door was sent 'lock')" in result.stdout
    assert relay_board.switched() == [False], "doctor only ever locks"
    relay_board.faults = RelayFaults(garbage=True)
    report = json.loads(cli("doctor", "--json", env=env).stdout)
    assert report["door_relay"] == {
        "port": str(relay_board.path),
        "ok": False,
        "outcome": "no_answer",
        "board": "lcus_status",
    }
    relay_board.unplug()
    result = cli("doctor", env=env)
    assert result.returncode == 1
    assert "PROBLEM: cannot be opened (unplugged, or in use by another program such as the open desk)" in result.stdout
    choose_relay(cli.data_dir, relay_board.path, board="generic")  # no bytes typed for the generic board
    assert "PROBLEM: the bytes set in Settings for this board are not valid" in cli("doctor", env=env).stdout
