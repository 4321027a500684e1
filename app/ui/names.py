"""Names of domain values (documents, roles, settings, audit events) in the desk's language, declared once."""

from PySide6.QtCore import QCoreApplication

from app.config.settings import SettingSpec
from app.domain.audit import AuditAction
from app.domain.people import IdDocumentType
from app.domain.roles import Role
from app.domain.translatable import QT_TRANSLATE_NOOP

_DOCUMENTS = {
    IdDocumentType.RESIDENT_ID: QT_TRANSLATE_NOOP("Names", "Resident ID card"),
    IdDocumentType.PASSPORT: QT_TRANSLATE_NOOP("Names", "Passport"),
    IdDocumentType.HK_MACAO_PERMIT: QT_TRANSLATE_NOOP("Names", "Hong Kong and Macao permit"),
    IdDocumentType.TAIWAN_PERMIT: QT_TRANSLATE_NOOP("Names", "Taiwan permit"),
    IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID: QT_TRANSLATE_NOOP("Names", "Foreign permanent resident ID"),
    IdDocumentType.HMT_RESIDENCE_PERMIT: QT_TRANSLATE_NOOP("Names", "Hong Kong, Macao or Taiwan residence permit"),
    IdDocumentType.OTHER: QT_TRANSLATE_NOOP("Names", "Other document"),
}

_ROLES = {
    Role.DESK: QT_TRANSLATE_NOOP("Names", "Desk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Names", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Names", "Admin"),
}


def document_type_names() -> dict[IdDocumentType, str]:
    """Every identity document type, in display order, by its translated name."""
    return {kind: QCoreApplication.translate("Names", text) for kind, text in _DOCUMENTS.items()}


def role_names() -> dict[Role, str]:
    """Every operator role by its translated name."""
    return {role: QCoreApplication.translate("Names", text) for role, text in _ROLES.items()}


def setting_label(spec: SettingSpec) -> str:
    """A setting's label (declared in app/config/settings.py, context "Settings") in the desk's language."""
    return QCoreApplication.translate("Settings", spec.label)


_SETTING_CHOICES = {
    "prompt_sequence": QT_TRANSLATE_NOOP("Names", "A random sequence of head turns, each in its own time"),
    "head_turn": QT_TRANSLATE_NOOP("Names", "Turn the head slightly, to either side"),
    "head_turn_prompted": QT_TRANSLATE_NOOP("Names", "Turn the head to the side the kiosk names (chosen at random)"),
    "lcus": QT_TRANSLATE_NOOP("Names", "USB relay (LCUS type, A0 01 01 A2)"),
    "lcus_status": QT_TRANSLATE_NOOP("Names", "USB relay (LCUS type) that reports its state"),
    "generic": QT_TRANSLATE_NOOP("Names", "Other board: the bytes below"),
    "fail_secure": QT_TRANSLATE_NOOP("Names", "Stays locked (electric strike, fail-secure)"),
    "fail_safe": QT_TRANSLATE_NOOP("Names", "Opens (magnetic lock, fail-safe)"),
    "every_day": QT_TRANSLATE_NOOP("Names", "Every day"),
    "mon_sat": QT_TRANSLATE_NOOP("Names", "Monday to Saturday"),
    "mon_fri": QT_TRANSLATE_NOOP("Names", "Monday to Friday"),
}


def setting_choice_name(value: str) -> str:
    """A readable name for one choice of a setting with a fixed list of values."""
    text = _SETTING_CHOICES.get(value)
    return QCoreApplication.translate("Names", text) if text else value


_AUDIT_ACTIONS = {
    AuditAction.DATABASE_CREATED: QT_TRANSLATE_NOOP("Names", "Database created"),
    AuditAction.DATABASE_MIGRATED: QT_TRANSLATE_NOOP("Names", "Database upgraded"),
    AuditAction.SETUP_COMPLETED: QT_TRANSLATE_NOOP("Names", "Setup completed"),
    AuditAction.KEY_RECOVERED: QT_TRANSLATE_NOOP("Names", "Key recovered with the recovery code"),
    AuditAction.KEY_PASSPHRASE_CHANGED: QT_TRANSLATE_NOOP("Names", "Passphrase changed"),
    AuditAction.OPERATOR_CREATED: QT_TRANSLATE_NOOP("Names", "Operator account created"),
    AuditAction.OPERATOR_LOCKED: QT_TRANSLATE_NOOP("Names", "Operator account locked"),
    AuditAction.OPERATOR_UNLOCKED: QT_TRANSLATE_NOOP("Names", "Operator account unlocked"),
    AuditAction.OPERATOR_PASSWORD_CHANGED: QT_TRANSLATE_NOOP("Names", "Operator password changed"),
    AuditAction.LOGIN_SUCCEEDED: QT_TRANSLATE_NOOP("Names", "Signed in"),
    AuditAction.LOGIN_FAILED: QT_TRANSLATE_NOOP("Names", "Sign-in failed"),
    AuditAction.LOGIN_REFUSED_LOCKED: QT_TRANSLATE_NOOP("Names", "Sign-in refused (account locked)"),
    AuditAction.SESSION_ENDED: QT_TRANSLATE_NOOP("Names", "Session ended"),
    AuditAction.ACCESS_DENIED: QT_TRANSLATE_NOOP("Names", "Access denied"),
    AuditAction.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("Names", "Setting changed"),
    AuditAction.SECURITY_ALERT: QT_TRANSLATE_NOOP("Names", "Security alert"),
    AuditAction.BUSINESS_UPDATED: QT_TRANSLATE_NOOP("Names", "Business profile changed"),
    AuditAction.PIA_RECORDED: QT_TRANSLATE_NOOP("Names", "Impact assessment recorded"),
    AuditAction.GUEST_REGISTERED: QT_TRANSLATE_NOOP("Names", "Guest registered"),
    AuditAction.FACE_DECLINED: QT_TRANSLATE_NOOP("Names", "Face verification declined"),
    AuditAction.CHECK_IN_COMPLETED: QT_TRANSLATE_NOOP("Names", "Check-in completed"),
    AuditAction.CHECKED_OUT: QT_TRANSLATE_NOOP("Names", "Guest checked out"),
    AuditAction.STAY_EXTENDED: QT_TRANSLATE_NOOP("Names", "Departure date changed"),
    AuditAction.ROOM_CHANGED: QT_TRANSLATE_NOOP("Names", "Room changed"),
    AuditAction.CONSENT_GIVEN: QT_TRANSLATE_NOOP("Names", "Consent given"),
    AuditAction.CONSENT_RENEWED: QT_TRANSLATE_NOOP("Names", "Consent renewed"),
    AuditAction.CONSENT_WITHDRAWN: QT_TRANSLATE_NOOP("Names", "Consent withdrawn"),
    AuditAction.CONSENT_EXPIRED: QT_TRANSLATE_NOOP("Names", "Consent ended (retention)"),
    AuditAction.FACE_ENROLLED: QT_TRANSLATE_NOOP("Names", "Face templates stored"),
    AuditAction.FACE_CAPTURE_ENDED: QT_TRANSLATE_NOOP("Names", "Face capture stopped, nothing kept"),
    AuditAction.FACE_VERIFIED: QT_TRANSLATE_NOOP("Names", "Face verification"),
    AuditAction.MANUAL_CHECKED: QT_TRANSLATE_NOOP("Names", "ID document check"),
    AuditAction.RETENTION_PURGED: QT_TRANSLATE_NOOP("Names", "Retention job ran"),
    AuditAction.STAFF_REGISTERED: QT_TRANSLATE_NOOP("Names", "Staff member registered"),
    AuditAction.EMPLOYMENT_ENDED: QT_TRANSLATE_NOOP("Names", "Employment ended"),
    AuditAction.STAFF_PIN_SET: QT_TRANSLATE_NOOP("Names", "Staff PIN set"),
    AuditAction.STAFF_PIN_PAUSED: QT_TRANSLATE_NOOP("Names", "Staff PIN paused after wrong attempts"),
    AuditAction.KIOSK_STARTED: QT_TRANSLATE_NOOP("Names", "Staff entry kiosk started"),
    AuditAction.KIOSK_ENDED: QT_TRANSLATE_NOOP("Names", "Staff entry kiosk ended"),
    AuditAction.CLOCKED: QT_TRANSLATE_NOOP("Names", "Staff clocked in or out"),
    AuditAction.ATTENDANCE_CORRECTED: QT_TRANSLATE_NOOP("Names", "Attendance corrected"),
    AuditAction.ATTENDANCE_EXPORTED: QT_TRANSLATE_NOOP("Names", "Attendance exported"),
    AuditAction.ACCESS_RULE_SET: QT_TRANSLATE_NOOP("Names", "Door access changed"),
    AuditAction.DOOR_OPENED_REMOTELY: QT_TRANSLATE_NOOP("Names", "Door opened from the desk"),
    AuditAction.ENTRY_LOG_EXPORTED: QT_TRANSLATE_NOOP("Names", "Entry log exported"),
    AuditAction.SIGNAGE_GENERATED: QT_TRANSLATE_NOOP("Names", "Sign generated"),
    AuditAction.PIA_REPORT_GENERATED: QT_TRANSLATE_NOOP("Names", "Impact assessment report generated"),
    AuditAction.FILING_DATA_EXPORTED: QT_TRANSLATE_NOOP("Names", "Filing data exported"),
    AuditAction.PROCESSING_RECORD_KEPT: QT_TRANSLATE_NOOP("Names", "Processing record kept for a month"),
    AuditAction.SECURITY_ALERTS_ACKNOWLEDGED: QT_TRANSLATE_NOOP("Names", "Security alerts acknowledged"),
    AuditAction.BACKUP_TAKEN: QT_TRANSLATE_NOOP("Names", "Encrypted backup taken"),
    AuditAction.BACKUP_RESTORED: QT_TRANSLATE_NOOP("Names", "Restored from a backup"),
    AuditAction.PERSON_EXPORTED: QT_TRANSLATE_NOOP("Names", "Personal data exported"),
    AuditAction.PERSON_CORRECTED: QT_TRANSLATE_NOOP("Names", "Personal data corrected"),
    AuditAction.PERSON_ERASED: QT_TRANSLATE_NOOP("Names", "Name, ID document and birth date deleted"),
    AuditAction.RIGHTS_REQUEST_OPENED: QT_TRANSLATE_NOOP("Names", "Rights request opened"),
    AuditAction.RIGHTS_REQUEST_CLOSED: QT_TRANSLATE_NOOP("Names", "Rights request closed"),
    AuditAction.INCIDENT_RECORDED: QT_TRANSLATE_NOOP("Names", "Incident recorded"),
    AuditAction.INCIDENT_LETTERS_WRITTEN: QT_TRANSLATE_NOOP("Names", "Incident letters written"),
    AuditAction.INCIDENT_REPORT_WRITTEN: QT_TRANSLATE_NOOP("Names", "Incident report for the authority written"),
    AuditAction.INCIDENT_PEOPLE_NOTIFIED: QT_TRANSLATE_NOOP("Names", "People affected by an incident notified"),
    AuditAction.FILING_MILESTONE: QT_TRANSLATE_NOOP("Names", "Filing milestone reached"),
    AuditAction.FILING_TASK_OPENED: QT_TRANSLATE_NOOP("Names", "A change or cancellation filing is owed"),
    AuditAction.FILING_SUBMITTED: QT_TRANSLATE_NOOP("Names", "Filing recorded as submitted"),
}


def audit_action_name(action: str) -> str:
    """An audit event's kind in plain words (the stored code itself for an unknown kind)."""
    try:
        text = _AUDIT_ACTIONS[AuditAction(action)]
    except (ValueError, KeyError):
        return action
    return QCoreApplication.translate("Names", text)
