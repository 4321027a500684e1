"""Serial and USB-CDC ports on this computer, where ID card readers appear.

On Linux a USB reader is also reachable under /dev/serial/by-id/, a name that stays the same when
the reader is unplugged and plugged in again (where /dev/ttyACM0 may come back as ttyACM1): that
name is offered when it exists.
"""

from dataclasses import dataclass
from pathlib import Path

from serial.tools import list_ports

BY_ID = Path("/dev/serial/by-id")


@dataclass(frozen=True)
class SerialPort:
    """One port: its device path and what the system says it is."""

    device: str
    description: str


def serial_ports() -> list[SerialPort]:
    """Every serial port the system lists, USB ones first (readers are USB devices today)."""
    stable = _stable_names()
    ports = []
    for info in list_ports.comports():
        description = info.description if info.description and info.description != "n/a" else ""
        link = stable.get(str(Path(info.device).resolve()))
        if link is not None:
            ports.append(SerialPort(link, f"{description}, {info.device}" if description else info.device))
        else:
            ports.append(SerialPort(info.device, description))
    return sorted(ports, key=lambda port: (not _looks_usb(port.device), port.device))


def _looks_usb(device: str) -> bool:
    return any(part in device for part in ("USB", "ACM", "usb", "by-id"))


def _stable_names() -> dict[str, str]:
    """Device node -> its /dev/serial/by-id link (empty elsewhere)."""
    try:
        links = list(BY_ID.iterdir())
    except OSError:
        return {}
    return {str(link.resolve()): str(link) for link in links}
