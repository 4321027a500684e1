"""Policy settings: declared defaults, Admin-only changes, audited (R16, R17)."""

from collections.abc import Callable

import pytest

from app.domain.errors import InvalidInputError, PermissionDeniedError
from app.domain.matching import MatchThresholds
from app.domain.roles import Role
from app.services.desk_services import DeskServices
from app.storage.audit_repository import AuditRepository
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER


def test_unchanged_settings_have_their_declared_defaults(desk: DeskServices) -> None:
    assert desk.settings.value("retention/guest_grace_hours") == 0
    assert desk.settings.value("consent/guardian_flow_enabled") is False
    assert desk.settings.value("security/lockout_attempts") == 5


@pytest.mark.req("R17")
def test_an_admin_change_is_stored_and_audited_with_old_and_new_values(desk: DeskServices) -> None:
    admin = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    assert desk.settings.change(admin, "retention/guest_grace_hours", "12") == 12
    assert desk.settings.value("retention/guest_grace_hours") == 12
    with desk.database.snapshot() as conn:
        last = AuditRepository(conn).recent(1)[0]
    assert last.action == "settings.changed"
    assert last.details == '{"new":12,"old":0,"setting":"retention/guest_grace_hours"}'


@pytest.mark.req("R16")
def test_only_admins_change_policy(desk: DeskServices, expect_warnings: Callable[[str], None]) -> None:
    expect_warnings("was refused change_settings")
    admin = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    desk.operators.create_operator(admin, username="mgr", display_name="", role=Role.MANAGER, password="manager-pass")
    manager = desk.operators.sign_in("mgr", "manager-pass")
    with pytest.raises(PermissionDeniedError):
        desk.settings.change(manager, "retention/guest_grace_hours", 48)
    assert desk.settings.value("retention/guest_grace_hours") == 0


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("retention/guest_grace_hours", 500, "at most 72"),
        ("retention/guest_grace_hours", "soon", "whole number"),
        ("security/lockout_attempts", 1, "at least 3"),
        ("ui/language", "fr", "no policy setting"),
        ("no/such", 1, "no policy setting"),
    ],
)
def test_out_of_range_values_are_refused_with_the_allowed_range(
    desk: DeskServices, key: str, value: object, message: str
) -> None:
    admin = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    with pytest.raises(InvalidInputError, match=message):
        desk.settings.change(admin, key, value)


def test_matching_uses_the_calibrated_thresholds_until_an_admin_changes_them(desk: DeskServices) -> None:
    assert desk.settings.match_thresholds() == MatchThresholds(verify=0.41, identify=0.34, identify_margin=0.04)
    admin = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    desk.settings.change(admin, "recognition/identify_threshold", 0.33)
    assert desk.settings.match_thresholds().identify == 0.33
    assert MatchThresholds() == MatchThresholds(verify=0.41, identify=0.34, identify_margin=0.04)
