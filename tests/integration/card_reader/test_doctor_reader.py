"""``facedesk doctor`` lists the serial ports and tries the ID card reader (the simulated device on a pty)."""

import json

from tests.conftest import FaceDeskCli
from tests.helpers.card_reader_sim import SimulatedCardReader
from tests.integration.test_cli import INIT_ARGS, INIT_ENV, PASSPHRASE


def test_doctor_tries_the_reader_and_says_when_it_is_gone(cli: FaceDeskCli, card_reader: SimulatedCardReader) -> None:
    assert cli(*INIT_ARGS, env=INIT_ENV).returncode == 0
    env = {"FACEDESK_PASSPHRASE": PASSPHRASE}
    result = cli("doctor", "--card-reader", str(card_reader.path), env=env)
    assert result.returncode == 0, result.stderr
    assert f"ID card reader: {card_reader.path}: answers, no card on it" in result.stdout
    assert "Serial ports:" in result.stdout
    card_reader.lay()
    report = json.loads(cli("doctor", "--json", "--card-reader", str(card_reader.path), env=env).stdout)
    assert report["card_reader"] == {"port": str(card_reader.path), "ok": True, "outcome": "card_on_reader"}
    assert isinstance(report["serial_ports"], list)
    card_reader.unplug()
    result = cli("doctor", "--card-reader", str(card_reader.path), env=env)
    assert result.returncode == 1  # a check found a problem
    assert "PROBLEM: cannot be opened (unplugged, or in use by another program)" in result.stdout


def test_doctor_without_a_reader_says_documents_are_typed(cli: FaceDeskCli) -> None:
    assert cli(*INIT_ARGS, env=INIT_ENV).returncode == 0
    result = cli("doctor", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert "ID card reader: none chosen (documents are typed; choose one in Settings)" in result.stdout
