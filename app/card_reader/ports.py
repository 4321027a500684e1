"""Serial and USB-CDC ports on this computer, where ID card readers appear."""

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True)
class SerialPort:
    """One port: its device path and what the system says it is."""

    device: str
    description: str


def serial_ports() -> list[SerialPort]:
    """Every serial port the system lists, USB ones first (readers are USB devices today)."""
    ports = [SerialPort(info.device, info.description or "") for info in list_ports.comports()]
    return sorted(ports, key=lambda port: ("USB" not in port.device.upper() and "ACM" not in port.device, port.device))
