"""The permission matrix, exhaustively (R16, issue 9): every permission for every role through the
real access control, and every public service call that takes an operator's session checks it."""

import ast
from collections.abc import Callable

import pytest

from app.domain.errors import PermissionDeniedError
from app.domain.operators import OperatorSession
from app.domain.roles import ROLE_PERMISSIONS, Permission, Role
from app.services.desk_services import DeskServices
from app.storage.audit_repository import AuditRepository
from tests.conftest import REPO_ROOT

# Calls that take a session but need no permission of their own: any signed-in operator may end
# their own session, change their own password or re-enter it (the kiosk's end check).
OWN_ACCOUNT = {("OperatorService", "sign_out"), ("OperatorService", "change_password"),
               ("OperatorService", "confirm_password")}  # fmt: skip


@pytest.mark.req("R16")
def test_every_permission_for_every_role_is_allowed_or_refused_and_audited(
    desk: DeskServices, admin: OperatorSession, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("was refused")
    sessions = {Role.ADMIN: admin}
    for role, name in ((Role.MANAGER, "laozhang"), (Role.DESK, "xiaoli")):
        desk.operators.create_operator(admin, username=name, display_name=name, role=role, password=f"{name}-pass-1")
        sessions[role] = desk.operators.sign_in(name, f"{name}-pass-1")
    refusals = 0
    for role, session in sessions.items():
        for permission in Permission:
            allowed = permission in ROLE_PERMISSIONS[role]
            try:
                desk.access.require(session, permission)
            except PermissionDeniedError:
                assert not allowed, f"{role} was refused {permission}"
                refusals += 1
            else:
                assert allowed, f"{role} was allowed {permission}"
    assert refusals == sum(len(Permission) - len(ROLE_PERMISSIONS[role]) for role in sessions)
    with desk.database.snapshot() as conn:
        denied = [r for r in AuditRepository(conn).iter_all() if r.action == "access.denied"]
    assert len(denied) == refusals  # every refusal is in the audit log


def _session_methods() -> list[tuple[str, str, ast.FunctionDef, ast.ClassDef]]:
    found = []
    for path in sorted((REPO_ROOT / "app" / "services").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    names = [a.arg for a in item.args.args + item.args.kwonlyargs]
                    annotated = [ast.unparse(a.annotation) for a in item.args.args if a.annotation is not None]
                    if "session" in names and any("OperatorSession" in text for text in annotated):
                        found.append((path.name, node.name, item, node))
    return found


def _checks_access(method: ast.FunctionDef, cls: ast.ClassDef, seen: set[str] | None = None) -> bool:
    """Whether the method (or a method of its class it calls with the session) asks access control."""
    seen = seen or set()
    source = ast.unparse(method)
    if "_access.require(" in source or "_access.current_operator(" in source or ".require(session" in source:
        return True
    if "access" in [a.arg for a in method.args.args] and ".end(" in source:
        return True
    for call in ast.walk(method):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr not in seen:
            target = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == call.func.attr), None)
            if target is not None and isinstance(call.func.value, ast.Name) and call.func.value.id == "self":
                seen.add(call.func.attr)
                if _checks_access(target, cls, seen):
                    return True
    return False


@pytest.mark.req("R16")
def test_every_service_call_that_takes_a_session_checks_a_permission() -> None:
    methods = _session_methods()
    assert len(methods) >= 50  # the whole services layer is covered, not a handful
    unchecked = [
        f"{module}:{cls.name}.{method.name}"
        for module, _, method, cls in methods
        if cls.name != "AccessControl"
        and (cls.name, method.name) not in OWN_ACCOUNT
        and not _checks_access(method, cls)
    ]
    assert unchecked == []


def test_the_check_notices_a_service_call_that_forgets_the_permission() -> None:
    module = ast.parse(
        "class LeakyService:\n"
        "    def export_everything(self, session: OperatorSession) -> None:\n"
        "        return self._db.dump()\n"
        "    def careful(self, session: OperatorSession) -> None:\n"
        "        self._helper(session)\n"
        "    def _helper(self, session):\n"
        "        self._access.require(session, Permission.VIEW_PEOPLE)\n"
    )
    cls = module.body[0]
    assert isinstance(cls, ast.ClassDef)
    leaky, careful = cls.body[0], cls.body[1]
    assert isinstance(leaky, ast.FunctionDef) and isinstance(careful, ast.FunctionDef)
    assert not _checks_access(leaky, cls)
    assert _checks_access(careful, cls)
