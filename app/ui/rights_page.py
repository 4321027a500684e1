"""The Rights requests page (R19): register a person's request, answer it, or refuse it with a reason.

A Manager checks the requester's ID document by hand, registers what they ask for, and answers
each request with the one action that fulfils it: their data saved to a file (access, copy), the
name corrected, their face data withdrawn, their personal data deleted, or an explanation marked as
given. A refusal needs a reason the person can understand. The register shows by when each
request must be answered (15 working days).
"""

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.domain.rights import DeletionOutcome, RightsRequestRow
from app.services.directory_service import DirectoryService, PersonRow
from app.services.rights_service import REQUEST_KINDS, RightsService
from app.ui.file_dialogs import ask_where_to_save
from app.ui.labels import error_line, hint, own_icon, page_title, show_error
from app.ui.messages import user_message
from app.ui.pdf_writer import write_pdf
from app.ui.people_search import PeopleSearch
from app.ui.records_pages import table_view
from app.ui.table_models import request_kind_name, rights_requests_model

Result = TypeVar("Result")


class RightsPage(QWidget):
    """The request register, and what a Manager does with each request."""

    def __init__(
        self,
        rights: RightsService,
        directory: DirectoryService,
        zone: tzinfo,
        session: OperatorSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rights = rights
        self._session = session
        self._person: PersonRow | None = None
        self.confirmation: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.text_dialog: QInputDialog | None = None

        self.search = PeopleSearch(directory, session, self.tr("Name or room of the person asking"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What they ask for"))
        for kind in REQUEST_KINDS:
            self.kind.addItem(request_kind_name(kind), kind)
        self.identity_checked = QCheckBox(self.tr("I checked their ID document in person"))
        self.register_button = QPushButton(self.tr("Register request"))
        self.register_button.setEnabled(False)
        new_request = QGroupBox(self.tr("New request"))
        choice = QVBoxLayout()
        choice.addWidget(QLabel(self.tr("They ask to:")))
        choice.addWidget(self.kind)
        choice.addWidget(self.identity_checked)
        choice.addWidget(self.register_button)
        choice.addStretch(1)
        request_row = QHBoxLayout(new_request)
        request_row.addWidget(self.search, 3)
        request_row.addLayout(choice, 2)

        self.model = rights_requests_model(zone)
        self.table = table_view(self.model, self.tr("Rights requests"))
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.refuse_button = QPushButton(self.tr("Refuse…"))
        self.answer_button.setEnabled(False)
        self.refuse_button.setEnabled(False)
        for button in (self.register_button, self.answer_button, self.refuse_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Outcome"))
        self.error = error_line()
        actions = QHBoxLayout()
        actions.addWidget(self.answer_button)
        actions.addWidget(self.refuse_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Rights requests")))
        layout.addWidget(
            hint(
                self.tr(
                    "People may ask to see, copy or correct their data, to have it deleted, to withdraw "
                    "consent, or for an explanation. Check their ID document in person, register the "
                    "request, and answer it by the date shown."
                )
            )
        )
        layout.addWidget(new_request)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

        self.search.selected.connect(self._person_chosen)
        self.identity_checked.toggled.connect(lambda _: self._update_register_button())
        self.register_button.clicked.connect(self.register_request)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.answer_button.clicked.connect(self.answer)
        self.refuse_button.clicked.connect(self._ask_refusal_reason)

    # --- the register -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the register (open requests first)."""
        try:
            rows = self._rights.requests(self._session)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.model.set_rows(rows)
        self._update_actions()

    def selected_request(self) -> RightsRequestRow | None:
        """The request selected in the register."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> None:
        """Select the request with this number (after registering it, or from a test)."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == request_id:
                self.table.selectRow(row)
                return

    def _person_chosen(self, person: PersonRow | None) -> None:
        self._person = person
        self._update_register_button()

    def _update_register_button(self) -> None:
        self.register_button.setEnabled(self._person is not None and self.identity_checked.isChecked())

    def _update_actions(self) -> None:
        request = self.selected_request()
        is_open = request is not None and request.status == "open"
        self.answer_button.setEnabled(is_open)
        self.refuse_button.setEnabled(is_open)
        self.answer_button.setText(self._answer_label(request.kind if request and is_open else None))

    def _answer_label(self, kind: str | None) -> str:
        """The answer button says what it will do for the selected request."""
        labels = {
            "access": self.tr("Save their data to a file…"),
            "copy": self.tr("Save their data to a file…"),
            "correction": self.tr("Correct the name…"),
            "deletion": self.tr("Delete their personal data…"),
            "withdrawal": self.tr("Delete their face data…"),
            "explanation": self.tr("Mark as explained…"),
        }
        return labels.get(kind or "", self.tr("Answer…"))

    def register_request(self) -> None:
        """Register the chosen person's request (their ID document was checked in person)."""
        if self._person is None or not self.identity_checked.isChecked():
            return
        try:
            request_id = self._rights.open_request(self._session, self._person.person_id, self.kind.currentData())
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.identity_checked.setChecked(False)
        self.refresh()
        self.select_request(request_id)
        registered = self.selected_request()  # selected just above
        due = registered.due_on.isoformat() if registered is not None else ""
        self.status.setText(self.tr("Request registered. Answer it by %1.").replace("%1", due))

    # --- answering ----------------------------------------------------------------------------

    def answer(self) -> None:
        """Start the one action that fulfils the selected request."""
        request = self.selected_request()
        if request is None or request.status != "open":
            return
        name = request.person_name or ""
        if request.kind in ("access", "copy"):
            self._ask_export_file(request)
        elif request.kind == "correction":
            self._ask_text(
                self.tr("Correct the name"),
                self.tr("The corrected full name, as on their ID document:"),
                name,
                lambda text: self.correct(request.id, text),
            )
        elif request.kind == "deletion":
            try:
                plan = self._rights.deletion_plan(self._session, request.id)
            except FaceDeskError as exc:
                show_error(self.error, user_message(exc))
                return
            self._confirm(
                self.tr("Delete the personal data of %1?").replace("%1", name),
                self._deletion_plan_text(plan),
                self.tr("Delete now"),
                lambda: self.delete(request.id),
            )
        elif request.kind == "withdrawal":
            self._confirm(
                self.tr("Withdraw the consent of %1 and delete their face data?").replace("%1", name),
                self.tr("This cannot be undone. They can still use the ID check."),
                self.tr("Delete now"),
                lambda: self.withdraw(request.id),
            )
        else:
            self._confirm(
                self.tr("Did you explain to %1 how their data is used?").replace("%1", name),
                self.tr(
                    "The notice they agreed to says what is kept, why and for how long; you can print it for them."
                ),
                self.tr("Mark as answered"),
                lambda: self.mark_answered(request.id),
            )

    def export_to(self, request_id: int, path: Path) -> None:
        """Answer an access or copy request: the person's data as a PDF at ``path``, and as JSON beside it."""
        self._run(
            lambda: self._rights.fulfil_with_export(self._session, request_id, path, write_pdf),
            lambda written: (
                self.tr("Their data was saved to %1 and %2. Give them the files; the request is answered.")
                .replace("%1", written[0].name)
                .replace("%2", written[1].name)
            ),
        )

    def correct(self, request_id: int, new_name: str) -> None:
        """Answer a correction request with the corrected name."""
        self._run(
            lambda: self._rights.fulfil_correction(self._session, request_id, new_name),
            lambda _: self.tr("The name was corrected; the request is answered."),
        )

    def delete(self, request_id: int) -> None:
        """Answer a deletion request (after the confirmation)."""
        self._run(lambda: self._rights.fulfil_deletion(self._session, request_id), self._deletion_text)

    def withdraw(self, request_id: int) -> None:
        """Answer a withdrawal request (after the confirmation)."""
        self._run(
            lambda: self._rights.fulfil_withdrawal(self._session, request_id),
            lambda templates: self.tr("Consent withdrawn; face templates deleted: %1.").replace("%1", str(templates)),
        )

    def mark_answered(self, request_id: int) -> None:
        """Close an explanation request as answered."""
        self._run(
            lambda: self._rights.fulfil_request(self._session, request_id),
            lambda _: self.tr("The request is answered."),
        )

    def refuse(self, request_id: int, reason: str) -> None:
        """Refuse the request with a reason the person can understand."""
        self._run(
            lambda: self._rights.refuse_request(self._session, request_id, reason),
            lambda _: self.tr("The request is refused; the reason is kept with it."),
        )

    def _face_data_text(self, templates: int) -> str:
        if templates == 0:
            return self.tr("No face data is held for them.")
        return self.tr("Their face data (%Ln face templates) is deleted at once.", "", templates)

    def _deletion_plan_text(self, plan: DeletionOutcome) -> str:
        if plan.register_kept_until is None:
            action = self.tr("Their name, ID document number, birth date and stays are deleted now.")
        else:
            action = self.tr(
                "The guest register must keep their registration (name, ID document, birth date, stays) until "
                "%1; it is deleted by itself that day."
            ).replace("%1", plan.register_kept_until.isoformat())
        return self._sentences(self._face_data_text(plan.templates_deleted), action, self.tr("This cannot be undone."))

    def _deletion_text(self, outcome: DeletionOutcome) -> str:
        if outcome.identity_erased:
            done = self.tr(
                "Deleted: their name, ID document number, birth date and stays. Backups that still hold them are "
                "deleted when the backup window ends."
            )
        else:
            assert outcome.register_kept_until is not None  # noqa: S101 - set whenever the identity is kept
            done = self.tr(
                "The guest register keeps their registration until %1; it is deleted by itself that day. Tell them "
                "that date."
            ).replace("%1", outcome.register_kept_until.isoformat())
        face = (
            self.tr("Face templates deleted: %1.").replace("%1", str(outcome.templates_deleted))
            if outcome.templates_deleted
            else self.tr("No face data was held.")
        )
        return self._sentences(face, done)

    def _sentences(self, *parts: str) -> str:
        """Sentences one after another, as the language writes them (Chinese puts no space between)."""
        text = parts[0]
        for part in parts[1:]:
            text = self.tr("%1 %2", "one sentence after another").replace("%1", text).replace("%2", part)
        return text

    def _run(self, action: Callable[[], Result], describe: Callable[[Result], str]) -> None:
        try:
            result = action()
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.status.setText(describe(result))
        self.refresh()

    # --- dialogs (opened, never exec'd: no nested event loop) -----------------------------------

    def _ask_export_file(self, request: RightsRequestRow) -> None:
        dialog = ask_where_to_save(self, self.tr("Save their data"), f"personal-data-{request.person_id}.pdf")
        dialog.fileSelected.connect(lambda name: self.export_to(request.id, Path(name)))
        self.file_dialog = dialog

    def _ask_refusal_reason(self) -> None:
        request = self.selected_request()
        if request is None or request.status != "open":
            return
        self._ask_text(
            self.tr("Refuse the request"),
            self.tr("Why is it refused? The person is told this reason:"),
            "",
            lambda text: self.refuse(request.id, text),
        )

    def _ask_text(self, title: str, label: str, value: str, then: Callable[[str], None]) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(then)
        dialog.finished.connect(lambda _: setattr(self, "text_dialog", None))
        self.text_dialog = dialog
        dialog.open()

    def _confirm(self, question: str, detail: str, yes: str, then: Callable[[], None]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Rights request"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        own_icon(box)
        box.setInformativeText(detail)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_: int) -> None:
            self.confirmation = None
            confirmed = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
            box.deleteLater()
            if confirmed:
                then()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()
