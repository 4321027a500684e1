"""Operator roles and the permission matrix (R16).

Desk staff enrol and verify, Managers also delete and handle rights requests and exports,
Admins also configure the installation and record impact assessments. Each role includes
everything the role below it may do. No permission anywhere lets anyone read template bytes:
there is deliberately no such permission to grant.
"""

from enum import StrEnum


class Role(StrEnum):
    """An operator's role, from least to most privileged."""

    DESK = "desk"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(StrEnum):
    """Actions the services layer checks before doing anything."""

    # Desk work
    CHECK_IN_GUEST = "check_in_guest"
    ENROL_FACE = "enrol_face"
    VERIFY_PERSON = "verify_person"
    MANUAL_ID_CHECK = "manual_id_check"
    WITHDRAW_CONSENT = "withdraw_consent"  # a guest's own withdrawal must be easy (R10)
    VIEW_PEOPLE = "view_people"
    # Manager work
    DELETE_PERSON = "delete_person"
    HANDLE_RIGHTS_REQUEST = "handle_rights_request"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    VIEW_AUDIT_LOG = "view_audit_log"
    RUN_KIOSK = "run_kiosk"
    VIEW_ATTENDANCE = "view_attendance"
    CORRECT_ATTENDANCE = "correct_attendance"
    RECORD_INCIDENT = "record_incident"
    MANAGE_STAFF = "manage_staff"
    UNLOCK_OPERATOR = "unlock_operator"
    RUN_PURGE = "run_purge"
    VIEW_COMPLIANCE = "view_compliance"
    # Admin work
    MANAGE_OPERATORS = "manage_operators"
    CHANGE_SETTINGS = "change_settings"
    EDIT_BUSINESS_PROFILE = "edit_business_profile"
    RECORD_PIA = "record_pia"
    MANAGE_KEYS = "manage_keys"


_DESK = frozenset(
    {
        Permission.CHECK_IN_GUEST,
        Permission.ENROL_FACE,
        Permission.VERIFY_PERSON,
        Permission.MANUAL_ID_CHECK,
        Permission.WITHDRAW_CONSENT,
        Permission.VIEW_PEOPLE,
    }
)
_MANAGER = _DESK | {
    Permission.DELETE_PERSON,
    Permission.HANDLE_RIGHTS_REQUEST,
    Permission.EXPORT_PERSONAL_DATA,
    Permission.VIEW_AUDIT_LOG,
    Permission.RUN_KIOSK,
    Permission.VIEW_ATTENDANCE,
    Permission.CORRECT_ATTENDANCE,
    Permission.RECORD_INCIDENT,
    Permission.MANAGE_STAFF,
    Permission.UNLOCK_OPERATOR,
    Permission.RUN_PURGE,
    Permission.VIEW_COMPLIANCE,
}
_ADMIN = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DESK: _DESK,
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: _ADMIN,
}


def role_allows(role: Role, permission: Permission) -> bool:
    """Return whether ``role`` may perform ``permission``."""
    return permission in ROLE_PERMISSIONS[role]
