"""The audit log's details in plain words: each stored key and the values the desk writes, translated.

The log stores details as compact JSON with fixed keys (``{"result": "document_checked"}``); the
desk shows "Result: ID document checked". A key or value not listed here is shown as stored, so
nothing is ever hidden; tests/ui/test_audit_words.py checks that the keys the services write are
all listed.
"""

import json

from PySide6.QtCore import QCoreApplication

from app.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "AuditWords"

KEYS = {
    "reason": QT_TRANSLATE_NOOP("AuditWords", "Why"),
    "templates_deleted": QT_TRANSLATE_NOOP("AuditWords", "Face templates deleted"),
    "templates_kept": QT_TRANSLATE_NOOP("AuditWords", "Face templates kept"),
    "templates": QT_TRANSLATE_NOOP("AuditWords", "Face templates"),
    "consent_id": QT_TRANSLATE_NOOP("AuditWords", "Consent"),
    "consents": QT_TRANSLATE_NOOP("AuditWords", "Consents"),
    "request_id": QT_TRANSLATE_NOOP("AuditWords", "Request"),
    "status": QT_TRANSLATE_NOOP("AuditWords", "Status"),
    "role": QT_TRANSLATE_NOOP("AuditWords", "Role"),
    "result": QT_TRANSLATE_NOOP("AuditWords", "Result"),
    "replacement_event": QT_TRANSLATE_NOOP("AuditWords", "Corrected by event"),
    "method": QT_TRANSLATE_NOOP("AuditWords", "How"),
    "export": QT_TRANSLATE_NOOP("AuditWords", "Export"),
    "deadline": QT_TRANSLATE_NOOP("AuditWords", "Deadline"),
    "backup": QT_TRANSLATE_NOOP("AuditWords", "Backup"),
    "alert_id": QT_TRANSLATE_NOOP("AuditWords", "Alert"),
    "alert": QT_TRANSLATE_NOOP("AuditWords", "Alert"),
    "alerts": QT_TRANSLATE_NOOP("AuditWords", "Alerts"),
    "to_version": QT_TRANSLATE_NOOP("AuditWords", "To version"),
    "from_version": QT_TRANSLATE_NOOP("AuditWords", "From version"),
    "schema_version": QT_TRANSLATE_NOOP("AuditWords", "Database version"),
    "threshold": QT_TRANSLATE_NOOP("AuditWords", "Threshold"),
    "stay_id": QT_TRANSLATE_NOOP("AuditWords", "Stay"),
    "setting": QT_TRANSLATE_NOOP("AuditWords", "Setting"),
    "rotated_out": QT_TRANSLATE_NOOP("AuditWords", "Old backups deleted"),
    "returning": QT_TRANSLATE_NOOP("AuditWords", "Returning guest"),
    "purpose": QT_TRANSLATE_NOOP("AuditWords", "Purpose"),
    "purposes": QT_TRANSLATE_NOOP("AuditWords", "Purposes"),
    "permission": QT_TRANSLATE_NOOP("AuditWords", "Permission"),
    "period": QT_TRANSLATE_NOOP("AuditWords", "Period"),
    "people_last_hour": QT_TRANSLATE_NOOP("AuditWords", "People in the last hour"),
    "exports_last_hour": QT_TRANSLATE_NOOP("AuditWords", "Exports in the last hour"),
    "old": QT_TRANSLATE_NOOP("AuditWords", "Before"),
    "new": QT_TRANSLATE_NOOP("AuditWords", "After"),
    "notice_version": QT_TRANSLATE_NOOP("AuditWords", "Notice version"),
    "last_day": QT_TRANSLATE_NOOP("AuditWords", "Last working day"),
    "kind": QT_TRANSLATE_NOOP("AuditWords", "Kind"),
    "key_protection": QT_TRANSLATE_NOOP("AuditWords", "Key protection"),
    "first_admin": QT_TRANSLATE_NOOP("AuditWords", "First administrator"),
    "filing": QT_TRANSLATE_NOOP("AuditWords", "Filing"),
    "field": QT_TRANSLATE_NOOP("AuditWords", "Field"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditWords", "Failed attempts"),
    "attempts": QT_TRANSLATE_NOOP("AuditWords", "Attempts"),
    "event_id": QT_TRANSLATE_NOOP("AuditWords", "Event"),
    "document_check": QT_TRANSLATE_NOOP("AuditWords", "Document"),
    "direction": QT_TRANSLATE_NOOP("AuditWords", "In or out"),
    "data_kinds": QT_TRANSLATE_NOOP("AuditWords", "Data involved"),
    "location_type": QT_TRANSLATE_NOOP("AuditWords", "Where the camera is"),
    "registrations_erased": QT_TRANSLATE_NOOP("AuditWords", "Registrations erased"),
    "languages": QT_TRANSLATE_NOOP("AuditWords", "Languages"),
    "changed": QT_TRANSLATE_NOOP("AuditWords", "Changed"),
    "consents_ended": QT_TRANSLATE_NOOP("AuditWords", "Consents ended"),
    "consenter": QT_TRANSLATE_NOOP("AuditWords", "Agreed by"),
    "nights_added": QT_TRANSLATE_NOOP("AuditWords", "Nights added"),
    "consents_moved": QT_TRANSLATE_NOOP("AuditWords", "Consents moved"),
    "consents_to_reconfirm": QT_TRANSLATE_NOOP("AuditWords", "Consents to confirm again"),
    "face_entry": QT_TRANSLATE_NOOP("AuditWords", "Face entry"),
    "people_enrolled": QT_TRANSLATE_NOOP("AuditWords", "People with face entry"),
    "renewal_needed": QT_TRANSLATE_NOOP("AuditWords", "Waiting to agree again"),
    "own_hours": QT_TRANSLATE_NOOP("AuditWords", "Own hours"),
    "temporary": QT_TRANSLATE_NOOP("AuditWords", "Temporary access"),
}
VALUES = {
    "true": QT_TRANSLATE_NOOP("AuditWords", "yes"),
    "false": QT_TRANSLATE_NOOP("AuditWords", "no"),
    "match": QT_TRANSLATE_NOOP("AuditWords", "face matches"),
    "no_match": QT_TRANSLATE_NOOP("AuditWords", "face does not match"),
    "uncertain": QT_TRANSLATE_NOOP("AuditWords", "no clear picture"),
    "document_checked": QT_TRANSLATE_NOOP("AuditWords", "ID document checked"),
    "document_mismatch": QT_TRANSLATE_NOOP("AuditWords", "ID document does not match"),
    "looked_at": QT_TRANSLATE_NOOP("AuditWords", "looked at"),
    "card_read": QT_TRANSLATE_NOOP("AuditWords", "card read by the reader"),
    "face": QT_TRANSLATE_NOOP("AuditWords", "face"),
    "manual": QT_TRANSLATE_NOOP("AuditWords", "ID document"),
    "pin": QT_TRANSLATE_NOOP("AuditWords", "PIN"),
    "in": QT_TRANSLATE_NOOP("AuditWords", "in"),
    "out": QT_TRANSLATE_NOOP("AuditWords", "out"),
    "guest_verification": QT_TRANSLATE_NOOP("AuditWords", "verifying guests"),
    "staff_entry": QT_TRANSLATE_NOOP("AuditWords", "staff entry"),
    "passphrase": QT_TRANSLATE_NOOP("AuditWords", "passphrase"),
    "keyring": QT_TRANSLATE_NOOP("AuditWords", "system keyring"),
    "admin": QT_TRANSLATE_NOOP("AuditWords", "Admin"),
    "manager": QT_TRANSLATE_NOOP("AuditWords", "Manager"),
    "desk": QT_TRANSLATE_NOOP("AuditWords", "Desk"),
    "stopped": QT_TRANSLATE_NOOP("AuditWords", "the person stopped"),
    "capture_failed": QT_TRANSLATE_NOOP("AuditWords", "the capture could not go on"),
    "camera_lost": QT_TRANSLATE_NOOP("AuditWords", "the camera went away"),
    "closed": QT_TRANSLATE_NOOP("AuditWords", "closed"),
    "lock": QT_TRANSLATE_NOOP("AuditWords", "the desk was locked"),
    "idle_lock": QT_TRANSLATE_NOOP("AuditWords", "the desk locked itself"),
    "switch_operator": QT_TRANSLATE_NOOP("AuditWords", "another operator signed in"),
    "application_closed": QT_TRANSLATE_NOOP("AuditWords", "FaceDesk was closed"),
    "hotel_front_desk": QT_TRANSLATE_NOOP("AuditWords", "hotel front desk"),
    "shop_counter": QT_TRANSLATE_NOOP("AuditWords", "shop counter"),
    "staff_entrance": QT_TRANSLATE_NOOP("AuditWords", "staff entrance"),
    "office_reception": QT_TRANSLATE_NOOP("AuditWords", "office reception"),
    "self": QT_TRANSLATE_NOOP("AuditWords", "the person themself"),
    "guardian": QT_TRANSLATE_NOOP("AuditWords", "a parent or guardian"),
    "sign_out": QT_TRANSLATE_NOOP("AuditWords", "signed out"),
    "withdrawn": QT_TRANSLATE_NOOP("AuditWords", "the person withdrew"),
    "declined_new_notice": QT_TRANSLATE_NOOP("AuditWords", "the person did not agree to the changed notice"),
    "unknown_account": QT_TRANSLATE_NOOP("AuditWords", "no such user name"),
    "wrong_password": QT_TRANSLATE_NOOP("AuditWords", "wrong user name or password"),
    "cli": QT_TRANSLATE_NOOP("AuditWords", "command line"),
    "cli_export": QT_TRANSLATE_NOOP("AuditWords", "data export from the command line"),
    "setup": QT_TRANSLATE_NOOP("AuditWords", "setup finished"),
    "rights_request": QT_TRANSLATE_NOOP("AuditWords", "a person's request"),
    "ended_by_manager": QT_TRANSLATE_NOOP("AuditWords", "ended by a manager"),
    "deletion_request": QT_TRANSLATE_NOOP("AuditWords", "the person asked for deletion"),
    "guest_register_period_ended": QT_TRANSLATE_NOOP("AuditWords", "the guest register period ended"),
    "checked_out": QT_TRANSLATE_NOOP("AuditWords", "the guest checked out"),
    "retention_date": QT_TRANSLATE_NOOP("AuditWords", "the keeping period ended"),
    "employment_ended": QT_TRANSLATE_NOOP("AuditWords", "the employment ended"),
    "unused_three_years": QT_TRANSLATE_NOOP("AuditWords", "not used for three years"),
    "wrong_person": QT_TRANSLATE_NOOP("AuditWords", "wrong person"),
    "wrong_direction": QT_TRANSLATE_NOOP("AuditWords", "in and out mixed up"),
    "wrong_time": QT_TRANSLATE_NOOP("AuditWords", "wrong time"),
    "duplicate": QT_TRANSLATE_NOOP("AuditWords", "recorded twice"),
    "missing": QT_TRANSLATE_NOOP("AuditWords", "not recorded"),
    "filing": QT_TRANSLATE_NOOP("AuditWords", "filing"),
    "cancellation": QT_TRANSLATE_NOOP("AuditWords", "cancelling the filing"),
    "change": QT_TRANSLATE_NOOP("AuditWords", "changing the filing"),
    "threshold_reached": QT_TRANSLATE_NOOP("AuditWords", "the filing threshold was reached"),
    "switched_off": QT_TRANSLATE_NOOP("AuditWords", "face recognition was switched off"),
    "purposes_changed": QT_TRANSLATE_NOOP("AuditWords", "the purposes changed"),
    "details_changed": QT_TRANSLATE_NOOP("AuditWords", "the business details changed"),
    "fulfilled": QT_TRANSLATE_NOOP("AuditWords", "done"),
    "refused": QT_TRANSLATE_NOOP("AuditWords", "refused"),
    "nothing": QT_TRANSLATE_NOOP("AuditWords", "nothing"),
    "en": QT_TRANSLATE_NOOP("AuditWords", "English"),
    "zh_CN": QT_TRANSLATE_NOOP("AuditWords", "Chinese"),
}
SEPARATOR = " · "


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def detail_pairs(details: str) -> list[tuple[str, str]]:
    """The stored details as (label, value) in the desk's language; unknown keys and values as stored."""
    try:
        values = json.loads(details)
    except ValueError:
        return [("", details)] if details else []
    if not isinstance(values, dict):
        return [("", details)]
    pairs = []
    for key, value in values.items():
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        shown = ", ".join(_t(VALUES[part]) if part in VALUES else part for part in text.split(","))
        pairs.append((_t(KEYS[key]) if key in KEYS else key, shown))
    return pairs


def readable_details(details: str) -> str:
    """The details on one line: "Result: ID document checked · How: card read by the reader"."""
    return SEPARATOR.join(f"{label}: {value}" if label else value for label, value in detail_pairs(details))
