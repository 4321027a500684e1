"""Settings (Admins): display and language, camera, policy settings (audited), operator accounts."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config.device_settings import DeviceSettings
from app.config.settings import SETTING_SPECS, SettingScope, SettingSpec
from app.domain.documents import Paper
from app.domain.errors import FaceDeskError
from app.domain.operators import MIN_PASSWORD_LENGTH, OperatorSession
from app.domain.roles import Role
from app.services.business_service import BusinessService
from app.services.camera_service import available_cameras
from app.services.card_reader_service import available_readers, test_reader
from app.services.operator_service import OperatorService
from app.services.settings_service import SettingsService
from app.ui.card_reader_box import CardReaderBox
from app.ui.door_box import DoorBox
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.names import role_names, setting_choice_name, setting_label
from app.ui.purposes_box import PurposesBox
from app.ui.widgets.wheel_guard import guard_wheel
from app.workers.door_worker import DoorRelayThread


class SettingsPage(QWidget):
    """Every setting in one place.

    Signals:
        display_changed(): language, large text or contrast changed (the window redraws).
        card_reader_changed(str): the ID card reader's port to use now ("" for none).
        card_reader_test_started(): a reader test needs the port (the desk releases it).
        door_changed(): the staff door's set-up was saved (the desk restarts its relay).
    """

    display_changed = Signal()
    card_reader_changed = Signal(str)
    card_reader_test_started = Signal()
    door_changed = Signal()

    def __init__(
        self,
        settings: SettingsService,
        operators: OperatorService,
        session: OperatorSession,
        device: DeviceSettings,
        business: BusinessService,
        camera_override: str | None = None,
        parent: QWidget | None = None,
        door: Callable[[], DoorRelayThread | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._camera_override = camera_override  # the camera given on the command line, if any
        self.purposes = PurposesBox(business, session)
        self.card_reader = CardReaderBox(
            device, lambda: [(port.device, port.description) for port in available_readers()], test_reader
        )
        self.card_reader.reader_changed.connect(self.card_reader_changed)
        self.card_reader.test_started.connect(self.card_reader_test_started)
        self.door = DoorBox(device, lambda: [(port.device, port.description) for port in available_readers()], door)
        self.door.door_changed.connect(self.door_changed)
        self._settings = settings
        self._operators = operators
        self._session = session
        self._device = device
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("English", "en")
        self.language.addItem("中文（简体）", "zh_CN")
        self.large_text = QCheckBox(self.tr("Large text"))
        self.high_contrast = QCheckBox(self.tr("High contrast"))
        self.guest_screen = QCheckBox(self.tr("Show guest screens on a second monitor when one is connected"))
        self.camera = QComboBox()
        self.camera.setAccessibleName(self.tr("Camera"))
        self.receipt_paper = QComboBox()
        self.receipt_paper.setAccessibleName(self.tr("Receipt paper"))
        self.receipt_paper.addItem(self.tr("A4 sheet (office printer)"), Paper.A4.value)
        self.receipt_paper.addItem(self.tr("80 mm receipt roll (thermal printer)"), Paper.ROLL_80MM.value)
        self.policy_widgets: dict[str, QWidget] = {}
        self.policy_error = error_line()
        self.save_policy = QPushButton(self.tr("Save policy settings"))
        self.operators = QListWidget()
        self.operators.setAccessibleName(self.tr("Operator accounts"))
        self.new_username = QLineEdit()
        self.new_username.setAccessibleName(self.tr("New operator's user name"))
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("New operator's name"))
        self.new_role = QComboBox()
        self.new_role.setAccessibleName(self.tr("Role"))
        for role, label in role_names().items():
            self.new_role.addItem(label, role.value)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("New operator's password"))
        self.new_password.setPlaceholderText(self.tr("At least %n characters", "", MIN_PASSWORD_LENGTH))
        self.add_operator = QPushButton(self.tr("Add operator"))
        self.operator_error = error_line()

        display = QGroupBox(self.tr("Display"))
        display_form = QFormLayout(display)
        display_form.addRow(self.tr("Language"), self.language)
        display_form.addRow(self.large_text)
        display_form.addRow(self.high_contrast)
        display_form.addRow(self.guest_screen)
        display_form.addRow(self.tr("Camera"), self.camera)
        display_form.addRow(self.tr("Receipt paper"), self.receipt_paper)
        policy = QGroupBox(self.tr("Policy (changes are recorded in the audit log)"))
        policy_form = QFormLayout(policy)
        # a long label puts its field on the next line instead of widening the page
        policy_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.show_advanced = QPushButton(self.tr("Show advanced face matching settings"))
        self.show_advanced.setCheckable(True)
        self.show_advanced.setFlat(True)
        self.show_advanced.setObjectName("BackLink")
        self.advanced = QWidget()
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        advanced_form.addRow(
            hint(
                self.tr(
                    "Change these only on advice. Smaller numbers make face matching stricter: fewer mistaken "
                    "matches, and more people asked to use their ID document or PIN. The defaults were measured "
                    "on thousands of photos."
                )
            )
        )
        for spec in SETTING_SPECS:
            if spec.scope is SettingScope.POLICY:
                widget = self._policy_widget(spec)
                self.policy_widgets[spec.key] = widget
                (advanced_form if spec.advanced else policy_form).addRow(setting_label(spec), widget)
        self.advanced.hide()
        policy_form.addRow(self.show_advanced)
        policy_form.addRow(self.advanced)
        policy_form.addRow(self.policy_error)
        policy_form.addRow(self.save_policy)
        self.show_advanced.toggled.connect(self._toggle_advanced)
        accounts = QGroupBox(self.tr("Operator accounts"))
        operators_layout = QVBoxLayout(accounts)
        operators_layout.addWidget(self.operators)
        add = QFormLayout()
        add.addRow(self.tr("User name"), self.new_username)
        add.addRow(self.tr("Name"), self.new_name)
        add.addRow(self.tr("Role"), self.new_role)
        add.addRow(self.tr("Password"), self.new_password)
        operators_layout.addLayout(add)
        operators_layout.addWidget(self.operator_error)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.add_operator)
        operators_layout.addLayout(row)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(page_title(self.tr("Settings")))
        for box in (display, self.card_reader, self.door, self.purposes, policy, accounts):
            content_layout.addWidget(box)
        content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # the page wraps, never scrolls sideways
        self.scroll_area = scroll
        scroll.setAccessibleName(self.tr("Settings"))
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        guard_wheel(scroll)  # scrolling the page never turns a box it passes over

        self.language.activated.connect(lambda _: self._set_device("ui/language", self.language.currentData()))
        self.large_text.toggled.connect(lambda on: self._set_device("ui/large_font", on))
        self.high_contrast.toggled.connect(lambda on: self._set_device("ui/high_contrast", on))
        self.guest_screen.toggled.connect(lambda on: self._device.set("ui/guest_screen", on))
        self.camera.activated.connect(lambda _: self._device.set("camera/device", str(self.camera.currentData())))
        self.receipt_paper.activated.connect(
            lambda _: self._device.set("printing/receipt_paper", str(self.receipt_paper.currentData()))
        )
        self.save_policy.clicked.connect(self._save_policy)
        self.add_operator.clicked.connect(self._add_operator)

    def refresh(self) -> None:
        """Show the current values."""
        self.purposes.refresh()
        self.card_reader.refresh()
        self.door.refresh()
        device = self._device
        for widget, key in (
            (self.large_text, "ui/large_font"),
            (self.high_contrast, "ui/high_contrast"),
            (self.guest_screen, "ui/guest_screen"),
        ):
            widget.blockSignals(True)
            widget.setChecked(bool(device.value(key)))
            widget.blockSignals(False)
        self.language.setCurrentIndex(max(0, self.language.findData(device.value("ui/language"))))
        self.receipt_paper.setCurrentIndex(max(0, self.receipt_paper.findData(device.value("printing/receipt_paper"))))
        self.camera.clear()
        self.camera.setEnabled(self._camera_override is None)
        if self._camera_override is not None:
            self.camera.addItem(
                self.tr("%1 (given when FaceDesk was started)").replace("%1", self._camera_override),
                str(device.value("camera/device")),
            )
        for index, name in available_cameras() if self._camera_override is None else ():
            self.camera.addItem(f"{index}: {name}", str(index))
        if self.camera.count() == 0:
            self.camera.addItem(self.tr("No camera found"), str(device.value("camera/device")))
        for key, control in self.policy_widgets.items():
            value = self._settings.value(key)
            if isinstance(control, QCheckBox):
                control.setChecked(bool(value))
            elif isinstance(control, QComboBox):
                control.setCurrentIndex(max(0, control.findData(value)))
            elif isinstance(control, QSpinBox):
                control.setValue(int(value))
            elif isinstance(control, QDoubleSpinBox):
                control.setValue(float(value))
        self.operators.clear()
        for operator in self._operators.list_operators(self._session):
            self.operators.addItem(f"{operator.display_name} ({operator.username}) · {role_names()[operator.role]}")

    def _policy_widget(self, spec: SettingSpec) -> QWidget:
        widget: QWidget
        if spec.choices is not None:
            widget = QComboBox()
            for choice in spec.choices:
                widget.addItem(setting_choice_name(choice), choice)
        elif spec.type is bool:
            widget = QCheckBox()
        elif spec.type is int:
            widget = QSpinBox()
            widget.setRange(int(spec.minimum or 0), int(spec.maximum or 10_000))
        else:
            widget = QDoubleSpinBox()
            widget.setDecimals(3)
            widget.setSingleStep(0.005)
            widget.setRange(spec.minimum or 0.0, spec.maximum or 1.0)
        widget.setAccessibleName(setting_label(spec))
        return widget

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.show_advanced.setText(
            self.tr("Hide advanced face matching settings")
            if shown
            else self.tr("Show advanced face matching settings")
        )

    def _set_device(self, key: str, value: object) -> None:
        self._device.set(key, value)
        self.display_changed.emit()

    def _save_policy(self) -> None:
        show_error(self.policy_error, "")
        try:
            for key, widget in self.policy_widgets.items():
                value: object
                if isinstance(widget, QCheckBox):
                    value = widget.isChecked()
                elif isinstance(widget, QComboBox):
                    value = widget.currentData()
                elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                    value = widget.value()
                else:
                    continue
                if value != self._settings.value(key):
                    self._settings.change(self._session, key, value)
        except FaceDeskError as exc:
            show_error(self.policy_error, user_message(exc))
        self.refresh()

    def _add_operator(self) -> None:
        try:
            self._operators.create_operator(
                self._session,
                username=self.new_username.text(),
                display_name=self.new_name.text(),
                role=Role(self.new_role.currentData()),
                password=self.new_password.text(),
            )
        except FaceDeskError as exc:
            show_error(self.operator_error, user_message(exc))
            return
        show_error(self.operator_error, "")
        for field in (self.new_username, self.new_name, self.new_password):
            field.clear()
        self.refresh()
