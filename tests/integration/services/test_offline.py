"""No network, anywhere (Measures Art. 8, R11)."""

import ast
import socket
from collections.abc import Callable

import pytest

from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from tests.conftest import REPO_ROOT
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.integration.services.conftest import SourceSpy, adult

NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "xmlrpc",
    "websocket",
}


@pytest.mark.req("R11")
def test_no_application_module_imports_a_network_library() -> None:
    offenders = []
    for path in (REPO_ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.relative_to(REPO_ROOT)}: {n}" for n in names if n.split(".")[0] in NETWORK_MODULES]
    assert offenders == []


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Make any attempt to create an internet socket fail loudly (the encoder's pipe is not one)."""
    attempts: list[tuple] = []
    real_socket = socket.socket

    def guarded(family: int = socket.AF_INET, *args: object, **kwargs: object) -> socket.socket:
        if family in (socket.AF_INET, socket.AF_INET6):
            attempts.append((family, args))
            raise OSError("network access attempted")
        return real_socket(family, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "socket", guarded)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: guarded())
    return attempts


@pytest.mark.req("R11")
def test_a_full_check_in_verification_and_withdrawal_run_with_the_network_forbidden(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    no_sockets: list[tuple],
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    face_ready.check_in.complete_with_face(clerk, guest.stay_id)
    second = register(adult(clock, "Zhang San", serial="222"), room="1302")
    face_ready.check_in.complete_manual(
        clerk, second.stay_id, IdDocumentType.RESIDENT_ID, adult(clock, "Zhang San", serial="222").document.number
    )
    consents = face_ready.consents.consents_of(clerk, guest.person_id)
    face_ready.consents.withdraw(clerk, consents[0].id)
    face_ready.check_in.check_out(clerk, guest.stay_id)
    face_ready.retention.purge()
    assert no_sockets == []


def test_the_guard_would_catch_a_connection(no_sockets: list[tuple]) -> None:
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.com", 80))
    assert len(no_sockets) == 1


@pytest.mark.req("R11")
def test_no_module_or_dependency_opens_a_network_socket_at_import_or_in_the_self_test() -> None:
    """Every app module imported (so every dependency they pull in: Qt, OpenCV, dlib, SQLCipher,
    keyring, argon2) and the full self-test run, under an audit hook that reports Internet sockets,
    name lookups and connections. Local inter-process sockets of the encoder pipe are allowed."""
    import subprocess
    import sys

    from tests.conftest import clean_environment

    def watch(*extra: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "tests.helpers.import_watch", *extra],
            cwd=REPO_ROOT, env={**clean_environment(), "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    report = watch()
    assert "NETWORK" not in report, report
    assert report.strip().splitlines()[-1].endswith("; 0 network events")
    probed = watch("--probe")  # the watch itself: an Internet socket opened on purpose is reported
    assert "NETWORK socket.__new__" in probed
