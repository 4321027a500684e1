"""Settings: which ID card reader this desk uses, and a test that it answers."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.config.device_settings import DeviceSettings
from app.services.card_reader_service import ReaderTest, ReaderTestOutcome
from app.ui.labels import hint
from app.workers.background_task import BackgroundTask, run_in_background

READER_KEY = "card_reader/port"


class CardReaderBox(QGroupBox):
    """The reader's port (or none) and a Test button.

    Signals:
        reader_changed(str): the port to use from now on ("" for no reader).
        test_started(): a test is about to open the port (the desk releases it first).
    """

    reader_changed = Signal(str)
    test_started = Signal()

    def __init__(
        self,
        device: DeviceSettings,
        list_ports: Callable[[], list[tuple[str, str]]],
        test: Callable[[str], ReaderTest],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("ID card reader"), parent)
        self._device = device
        self._list_ports = list_ports
        self._test = test
        self._task: BackgroundTask | None = None
        self.port = QComboBox()
        self.port.setAccessibleName(self.tr("ID card reader port"))
        self.test_button = QPushButton(self.tr("Test the reader"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Reader test result"))
        row = QHBoxLayout()
        row.addWidget(self.port, 1)
        row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.addRow(
            hint(
                self.tr(
                    "A resident ID card reader on a USB or serial port fills the guest's details when their "
                    "card is laid on it. Only the text on the card is read: the photo stored on the card's "
                    "chip is never read into FaceDesk."
                )
            )
        )
        form.addRow(self.tr("Port"), row)
        form.addRow(self.result)
        self.result.hide()
        self.port.activated.connect(self._chosen)
        self.test_button.clicked.connect(self._run_test)

    def refresh(self) -> None:
        """List the ports, with the one in use selected."""
        current = str(self._device.value(READER_KEY))
        self.port.clear()
        self.port.addItem(self.tr("No reader: documents are typed"), "")
        for device, description in self._list_ports():
            self.port.addItem(f"{device} ({description})" if description else device, device)
        if current and self.port.findData(current) < 0:
            self.port.addItem(current, current)  # a fixed link such as /dev/serial/by-id/... not listed
        self.port.setCurrentIndex(max(0, self.port.findData(current)))
        self.test_button.setEnabled(bool(current))
        self._say("")

    def _chosen(self) -> None:
        port = str(self.port.currentData())
        self._device.set(READER_KEY, port)
        self.test_button.setEnabled(bool(port))
        self._say("")
        self.reader_changed.emit(port)

    def _run_test(self) -> None:
        port = str(self.port.currentData())
        if not port or self._task is not None:
            return
        self.test_started.emit()
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing…"))
        self._task = run_in_background(lambda: self._test(port), self._tested, self._test_failed)

    def _tested(self, test: object) -> None:
        self._task = None
        assert isinstance(test, ReaderTest)  # noqa: S101 - what the job returns
        self._say(
            {
                ReaderTestOutcome.READY: self.tr("The reader answers. Lay a card on it to check in a guest."),
                ReaderTestOutcome.CARD_ON_READER: self.tr("The reader answers, and a card lies on it."),
                ReaderTestOutcome.NO_ANSWER: self.tr(
                    "The port opens, but no ID card reader answers on it: choose the reader's port."
                ),
                ReaderTestOutcome.CANNOT_OPEN: self.tr(
                    "The port cannot be opened: check the reader's cable, or close the program using it."
                ),
            }[test.outcome]
        )
        self._finish()

    def _test_failed(self, error: object) -> None:
        self._task = None
        self._say(str(error))
        self._finish()

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def _finish(self) -> None:
        self.test_button.setEnabled(True)
        self.reader_changed.emit(str(self._device.value(READER_KEY)))  # the desk takes the port back
