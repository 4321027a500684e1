"""Compliance at a glance: R1-R24, the documents, the impact assessment, filing, retention, alerts."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config.settings import setting_spec
from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.domain.roles import Permission, role_allows
from app.services.dashboard_service import ComplianceDashboardService
from app.services.document_service import DocumentService
from app.services.filing_service import FilingService
from app.services.pia_service import MIN_ANSWER_LENGTH, PiaAnswers, PiaService
from app.services.records_service import ProcessingRecordService
from app.services.retention_service import RetentionService
from app.services.statistics_service import StatisticsService
from app.ui.compliance_dashboard import needing_action_first, requirements_model
from app.ui.compliance_documents import DocumentActions
from app.ui.filing_box import FilingBox
from app.ui.labels import error_line, hint, page_title, set_state, show_error
from app.ui.messages import user_message
from app.ui.names import setting_label


class PiaForm(QWidget):
    """The four items of the impact assessment, and who assessed (used by setup and Compliance)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessor = QLineEdit()
        self.assessor.setAccessibleName(self.tr("Assessed by"))
        self.items: dict[str, QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("Assessed by"), self.assessor)
        for key, label, placeholder in (
            (
                "lawful",
                self.tr("Is it lawful and necessary?"),
                self.tr("The purpose, and why face verification is needed for it."),
            ),
            (
                "impact",
                self.tr("Impact on people, and how it is reduced"),
                self.tr("Who is affected, and the safeguards for them."),
            ),
            (
                "risks",
                self.tr("Risks of leak, tampering or loss"),
                self.tr("What could go wrong with the data, and how it is prevented."),
            ),
            ("safeguards", self.tr("Are the safeguards proportionate?"), self.tr("Why these measures fit the risks.")),
        ):
            field = QPlainTextEdit()
            field.setAccessibleName(label)
            field.setPlaceholderText(placeholder)
            field.setTabChangesFocus(True)
            field.setFixedHeight(72)
            self.items[key] = field
            form.addRow(label, field)

    def problem(self) -> str:
        """What to fix before the answers can be recorded, in the desk's language ("" when fine)."""
        if not self.assessor.text().strip():
            return self.tr("Enter who carried out the assessment.")
        for field in self.items.values():
            if len(field.toPlainText().strip()) < MIN_ANSWER_LENGTH:
                field.setFocus()
                return (
                    self.tr('Answer "%1" in at least %2 characters.')
                    .replace("%1", field.accessibleName())
                    .replace("%2", str(MIN_ANSWER_LENGTH))
                )
        return ""

    def answers(self, today: date) -> PiaAnswers:
        """The answers as typed."""
        return PiaAnswers(
            assessor=self.assessor.text(),
            assessed_on=today,
            lawful_and_necessary=self.items["lawful"].toPlainText(),
            impact_and_mitigation=self.items["impact"].toPlainText(),
            risks_leak_tamper_loss=self.items["risks"].toPlainText(),
            safeguards_proportionate=self.items["safeguards"].toPlainText(),
        )


class PiaDialog(QDialog):
    """Record an impact assessment."""

    def __init__(
        self, pia: PiaService, today: Callable[[], date], session: OperatorSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pia = pia
        self._today = today
        self._session = session
        self.setWindowTitle(self.tr("Impact assessment"))
        self.form = PiaForm()
        self.error = error_line()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(self.tr("Answer each question for how FaceDesk is used here. The record is kept for three years."))
        )
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.resize(760, 560)

    def _save(self) -> None:
        problem = self.form.problem()
        if problem:
            show_error(self.error, problem)
            return
        try:
            self._pia.record(self._session, self.form.answers(self._today()))
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.accept()


class CompliancePage(QWidget):
    """What needs attention to stay compliant (Managers see it; Admins can act on all of it)."""

    def __init__(
        self,
        documents: DocumentService,
        dashboard: ComplianceDashboardService,
        pia: PiaService,
        records: ProcessingRecordService,
        retention: RetentionService,
        statistics: StatisticsService,
        filing: FilingService,
        today: Callable[[], date],
        session: OperatorSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._dashboard = dashboard
        self._pia = pia
        self._records = records
        self._retention = retention
        self._statistics = statistics
        self._today = today
        self._session = session
        self.pia_dialog: PiaDialog | None = None
        self.banner = QLabel()
        self.banner.setObjectName("ResultBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Attention"))
        self.requirements = requirements_model()
        self.requirements_view = QTableView()
        self.requirements_view.setModel(self.requirements)
        self.requirements_view.setAccessibleName(self.tr("Requirements R1 to R24"))
        self.requirements_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requirements_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requirements_view.setWordWrap(True)
        self.requirements_view.verticalHeader().hide()
        self.requirements_view.horizontalHeader().setStretchLastSection(True)
        self.requirements_view.setMinimumHeight(420)
        self.summary = hint("")
        self.documents = DocumentActions(self._documents, self._session)
        self.pia_status = QLabel()
        self.pia_status.setWordWrap(True)
        self.pia_button = QPushButton(self.tr("Record an impact assessment"))
        self.pia_button.setVisible(role_allows(self._session.role, Permission.RECORD_PIA))
        self.filing_box = FilingBox(filing, self._session)
        self.filing = self.filing_box.people
        self.retention = QLabel()
        self.retention.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Apply retention now"))
        self.alerts = QLabel()
        self.alerts.setWordWrap(True)
        self.acknowledge_button = QPushButton(self.tr("Mark the alerts as read"))
        self.records = QLabel()
        self.records.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(page_title(self.tr("Compliance")))
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.requirements_view)
        for title, widgets in (
            (self.tr("Documents"), (self.documents,)),
            (self.tr("Impact assessment"), (self.pia_status, self.pia_button)),
            ("", (self.filing_box,)),
            (self.tr("Retention"), (self.retention, self.purge_button)),
            (self.tr("Security alerts"), (self.alerts, self.acknowledge_button)),
            (self.tr("Processing records"), (self.records,)),
        ):
            if not title:  # a section that is its own group box
                layout.addWidget(widgets[0])
                continue
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            for widget in widgets:
                inner.addWidget(widget)
            layout.addWidget(box)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Compliance"))
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.documents.saved.connect(lambda _: self.refresh())
        self.filing_box.filed.connect(self.refresh)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.pia_button.clicked.connect(self._record_pia)
        self.purge_button.clicked.connect(self._purge)

    def refresh(self) -> None:
        """Read the current state."""
        dashboard = self._dashboard.dashboard(self._session)
        self.requirements.set_rows(needing_action_first(dashboard))
        self.requirements_view.resizeColumnsToContents()
        self.requirements_view.resizeRowsToContents()
        waiting = len(dashboard.needs_action)
        self.summary.setText(
            self.tr("All 24 requirements are met.")
            if waiting == 0
            else self.tr("%1 of 24 requirements need action; each row says what to do.").replace("%1", str(waiting))
        )
        status = self._pia.status()
        stale = status.record is not None and not status.current
        self.banner.setVisible(stale)
        if stale:
            self.banner.setText(
                self.tr("The impact assessment is out of date (%1): face enrolment is paused until a new one.").replace(
                    "%1", "; ".join(self._reason_text(reason) for reason in status.stale_reasons)
                )
            )
            set_state(self.banner, "attention")
        if status.current and status.record is not None:
            self.pia_status.setText(
                self.tr("Met: assessed on %1 by %2.")
                .replace("%1", status.record.assessed_on.isoformat())
                .replace("%2", status.record.assessor)
            )
        else:
            self.pia_status.setText(
                self.tr("Needs action: %1. Face enrolment is paused until a new assessment.").replace(
                    "%1", "; ".join(self._reason_text(reason) for reason in status.stale_reasons)
                )
            )
        summary = self._statistics.summary()
        self.filing_box.show_state(summary["filing"]["people_with_face_data"])
        due = len(self._retention.plan())
        self.retention.setText(
            self.tr("Nothing is waiting for deletion.")
            if due == 0
            else self.tr("Needs action: %Ln consents past their retention date.", "", due)
        )
        alerts = summary["open_security_alerts"]
        self.alerts.setText(self.tr("%Ln open security alerts.", "", alerts))
        self.acknowledge_button.setEnabled(alerts > 0)
        kept = self._records.records(self._session)
        month = self._records.current_month()
        self.records.setText(
            self.tr("%1 %2")
            .replace(
                "%1",
                self.tr("This month so far: enrolments %1, face checks %2, ID document checks %3, withdrawals %4.")
                .replace("%1", str(month["enrolments"]))
                .replace("%2", str(month["face_verifications"] + month["face_clock_events"]))
                .replace("%3", str(month["manual_id_checks"]))
                .replace("%4", str(month["withdrawals"])),
            )
            .replace("%2", self.tr("%Ln closed months on record, each kept three years.", "", len(kept)))
        )

    def _reason_text(self, reason: str) -> str:
        """A staleness reason from the assessment service, in the desk's language."""
        if reason == "no impact assessment recorded":
            return self.tr("no impact assessment recorded")
        if reason.startswith("incident #"):
            return self.tr("incident %1 recorded").replace("%1", reason.split()[1])
        key = reason.removesuffix(" changed")
        subject = {"purposes": self.tr("the purposes"), "location_type": self.tr("where the camera is")}.get(key)
        if subject is None:
            try:
                subject = setting_label(setting_spec(key))
            except KeyError:
                subject = key
        return self.tr("%1 changed").replace("%1", subject)

    def _record_pia(self) -> None:
        # open(), not exec(): no nested event loop, and the page stays responsive behind the dialog
        self.pia_dialog = PiaDialog(self._pia, self._today, self._session, self)
        self.pia_dialog.accepted.connect(self.refresh)
        self.pia_dialog.open()

    def _acknowledge(self) -> None:
        self._dashboard.acknowledge_alerts(self._session)
        self.refresh()

    def _purge(self) -> None:
        self._retention.purge(session=self._session)
        self.refresh()
