"""Settings: the staff door's relay board, how the lock behaves without power, and a door test."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.config.device_settings import DeviceSettings
from app.config.settings import setting_spec
from app.domain.door import DoorOpenResult, DoorReport
from app.domain.errors import InvalidInputError
from app.services.door_service import validate_door
from app.ui.labels import error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.names import setting_choice_name
from app.workers.door_worker import DoorRelayThread

DOOR_KEYS = ("door/port", "door/board", "door/channel", "door/open_bytes", "door/close_bytes", "door/lock_type",
             "door/open_seconds")  # fmt: skip


class DoorBox(QGroupBox):
    """The relay's port, board, relay number, lock type and seconds open; Save and Test the door.

    Signals:
        door_changed(): the door set-up was saved (the desk restarts the relay with it).
    """

    door_changed = Signal()

    def __init__(
        self,
        device: DeviceSettings,
        list_ports: Callable[[], list[tuple[str, str]]],
        door: Callable[[], DoorRelayThread | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Staff door"), parent)
        self._device = device
        self._list_ports = list_ports
        self._door = door
        self._test_request: int | None = None
        self._watched: DoorRelayThread | None = None
        self.port = QComboBox()
        self.port.setAccessibleName(self.tr("Door relay port"))
        self.board = self._choices("door/board")
        self.board.setAccessibleName(self.tr("Relay board"))
        self.channel = QSpinBox()
        self.channel.setRange(1, 8)
        self.channel.setAccessibleName(self.tr("Relay number on the board"))
        self.open_bytes = QLineEdit()
        self.open_bytes.setPlaceholderText("A0 01 01 A2")
        self.open_bytes.setAccessibleName(self.tr("Bytes that switch the relay on"))
        self.close_bytes = QLineEdit()
        self.close_bytes.setPlaceholderText("A0 01 00 A1")
        self.close_bytes.setAccessibleName(self.tr("Bytes that switch the relay off"))
        self.lock_type = self._choices("door/lock_type")
        self.lock_type.setAccessibleName(self.tr("Door lock without power"))
        self.seconds = QSpinBox()
        self.seconds.setRange(1, 30)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setAccessibleName(self.tr("Seconds the door stays open"))
        self.save_button = QPushButton(self.tr("Save door settings"))
        self.test_button = QPushButton(self.tr("Test the door"))
        self.test_button.setAccessibleName(self.tr("Test the door: open it once"))
        self.error = error_line()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Door test result"))
        self.form = QFormLayout(self)
        self.form.addRow(
            hint(
                self.tr(
                    "A USB relay board wired to the staff door's lock opens the door when the kiosk lets "
                    "a staff member in, and locks it again after the seconds below. Refused entries never "
                    "open it. Without power a fail-secure lock (an electric strike) stays locked and a "
                    "fail-safe lock (a magnetic lock) opens: choose what your lock does, so FaceDesk "
                    "switches the relay the right way."
                )
            )
        )
        self.form.addRow(self.tr("Relay port"), self.port)
        self.form.addRow(self.tr("Relay board"), self.board)
        self.form.addRow(self.tr("Relay number"), self.channel)
        self.form.addRow(self.tr("Bytes to switch on"), self.open_bytes)
        self.form.addRow(self.tr("Bytes to switch off"), self.close_bytes)
        self.form.addRow(self.tr("Lock without power"), self.lock_type)
        self.form.addRow(self.tr("Door stays open"), self.seconds)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        self.form.addRow(self.error)
        self.form.addRow(buttons)
        self.form.addRow(self.result)
        self.result.hide()
        self.board.activated.connect(lambda _: self._show_board_fields())
        self.save_button.clicked.connect(self._save)
        self.test_button.clicked.connect(self._test)

    def refresh(self) -> None:
        """Show the saved set-up."""
        device = self._device
        current = str(device.value("door/port"))
        self.port.clear()
        self.port.addItem(self.tr("No door: nothing is opened"), "")
        for port, description in self._list_ports():
            self.port.addItem(f"{port} ({description})" if description else port, port)
        if current and self.port.findData(current) < 0:
            self.port.addItem(current, current)  # a fixed link such as /dev/serial/by-id/... not listed
        self.port.setCurrentIndex(max(0, self.port.findData(current)))
        self.board.setCurrentIndex(max(0, self.board.findData(str(device.value("door/board")))))
        self.channel.setValue(int(str(device.value("door/channel"))))
        self.open_bytes.setText(str(device.value("door/open_bytes")))
        self.close_bytes.setText(str(device.value("door/close_bytes")))
        self.lock_type.setCurrentIndex(max(0, self.lock_type.findData(str(device.value("door/lock_type")))))
        self.seconds.setValue(int(str(device.value("door/open_seconds"))))
        self._show_board_fields()
        self.test_button.setEnabled(self._door() is not None)
        show_error(self.error, "")
        self._say("")

    def values(self) -> dict[str, object]:
        """The set-up as shown."""
        return {
            "door/port": str(self.port.currentData() or ""),
            "door/board": str(self.board.currentData()),
            "door/channel": self.channel.value(),
            "door/open_bytes": self.open_bytes.text().strip(),
            "door/close_bytes": self.close_bytes.text().strip(),
            "door/lock_type": str(self.lock_type.currentData()),
            "door/open_seconds": self.seconds.value(),
        }

    def _choices(self, key: str) -> QComboBox:
        box = QComboBox()
        for choice in setting_spec(key).choices or ():
            box.addItem(setting_choice_name(choice), choice)
        return box

    def _show_board_fields(self) -> None:
        generic = self.board.currentData() == "generic"
        for widget in (self.open_bytes, self.close_bytes):
            widget.setVisible(generic)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(generic)
        self.channel.setEnabled(not generic)

    def _save(self) -> None:
        values = self.values()
        try:
            validate_door(values)
        except InvalidInputError as exc:
            show_error(self.error, user_message(exc))
            return
        for key in DOOR_KEYS:
            self._device.set(key, values[key])
        show_error(self.error, "")
        self._say(self.tr("Saved. The door follows these settings now."))
        self.door_changed.emit()
        self.test_button.setEnabled(self._door() is not None)

    def _test(self) -> None:
        door = self._door()
        if door is None or self._test_request is not None:
            return
        if self._watched is not door:
            door.reported.connect(self._reported)
            self._watched = door
        self.test_button.setEnabled(False)
        self._say(self.tr("Opening the door…"))
        self._test_request = door.open_door()

    def _reported(self, report: object) -> None:
        assert isinstance(report, DoorReport)  # noqa: S101 - what the relay thread emits
        if self._test_request is None or report.request_id != self._test_request:
            return
        self._test_request = None
        self.test_button.setEnabled(True)
        if report.result is DoorOpenResult.OPENED:
            self._say(self.tr("The door opened, and locks again by itself in a few seconds."))
        else:
            self._say(
                self.tr(
                    "The door could not be opened: check the relay's cable and port, the board type, "
                    "and that no other program uses the port."
                )
            )

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))
