"""The permission matrix (R16)."""

import pytest

from app.domain.roles import ROLE_PERMISSIONS, Permission, Role, role_allows

DESK_ONLY_WORK = {
    Permission.CHECK_IN_GUEST,
    Permission.ENROL_FACE,
    Permission.VERIFY_PERSON,
    Permission.MANUAL_ID_CHECK,
    Permission.WITHDRAW_CONSENT,
}


@pytest.mark.req("R16")
def test_each_role_includes_everything_the_role_below_may_do() -> None:
    assert ROLE_PERMISSIONS[Role.DESK] < ROLE_PERMISSIONS[Role.MANAGER] < ROLE_PERMISSIONS[Role.ADMIN]


@pytest.mark.req("R16")
def test_desk_staff_enrol_and_verify_but_cannot_delete_export_or_configure() -> None:
    assert all(role_allows(Role.DESK, p) for p in DESK_ONLY_WORK)
    for permission in (
        Permission.DELETE_PERSON,
        Permission.EXPORT_PERSONAL_DATA,
        Permission.HANDLE_RIGHTS_REQUEST,
        Permission.VIEW_AUDIT_LOG,
        Permission.CHANGE_SETTINGS,
        Permission.MANAGE_OPERATORS,
        Permission.RECORD_PIA,
    ):
        assert not role_allows(Role.DESK, permission), permission


@pytest.mark.req("R16")
def test_managers_delete_and_export_but_only_admins_configure() -> None:
    assert role_allows(Role.MANAGER, Permission.DELETE_PERSON)
    assert role_allows(Role.MANAGER, Permission.EXPORT_PERSONAL_DATA)
    assert role_allows(Role.MANAGER, Permission.HANDLE_RIGHTS_REQUEST)
    for admin_only in (Permission.CHANGE_SETTINGS, Permission.MANAGE_OPERATORS, Permission.RECORD_PIA):
        assert not role_allows(Role.MANAGER, admin_only)
        assert role_allows(Role.ADMIN, admin_only)


@pytest.mark.req("R16")
def test_no_permission_exists_that_could_reveal_template_bytes() -> None:
    for permission in Permission:
        assert not any(word in permission.value for word in ("template", "embedding", "biometric", "vector"))


@pytest.mark.req("R8")
def test_every_role_can_do_the_manual_id_check() -> None:
    assert all(role_allows(role, Permission.MANUAL_ID_CHECK) for role in Role)
