"""Face data is used for the stated purpose only: no profiling, no scoring, no open search (R24)."""

import inspect
import re
from pathlib import Path

import pytest

from app.services.desk_services import DeskServices
from tests.conftest import REPO_ROOT

PROFILING = re.compile(
    r"\b(age|gender|emotion|ethnicity|race|attractiveness|mood)_?(estimat|predict|classif|detect)", re.I
)


@pytest.mark.req("R24")
def test_no_code_estimates_age_gender_emotion_or_similar() -> None:
    offenders = [
        f"{path.relative_to(REPO_ROOT)}:{number}"
        for path in (REPO_ROOT / "app").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PROFILING.search(line)
    ]
    assert offenders == []


@pytest.mark.req("R24")
def test_no_service_hands_out_template_values_or_a_search_across_people(face_ready: DeskServices) -> None:
    for name in DeskServices.__dataclass_fields__:
        service = getattr(face_ready, name)
        if name in {"database", "access"}:
            continue
        for method_name, method in inspect.getmembers(service, inspect.ismethod):
            if method_name.startswith("_"):
                continue
            signature = inspect.signature(method)
            text = f"{method_name} {signature}"
            assert "ndarray" not in text, f"{name}.{method_name} exposes template arrays"
            assert not re.search(r"identify|search_faces|find_face", method_name), (
                f"{name}.{method_name} searches faces"
            )


@pytest.mark.req("R24")
def test_the_only_one_to_many_search_is_inside_the_kiosk_session() -> None:
    """1:N search happens in exactly one place: a kiosk session, which only a Manager can start."""
    users = [
        path.relative_to(REPO_ROOT)
        for path in (REPO_ROOT / "app").rglob("*.py")
        if ".identify(" in path.read_text(encoding="utf-8") and "benchmarks" not in path.parts
    ]
    assert users == [Path("app/services/kiosk_session.py")]
    source = (REPO_ROOT / "app" / "services" / "kiosk_session.py").read_text(encoding="utf-8")
    session_class = source[source.index("class KioskSession") :]
    assert source.count(".identify(") == session_class.count(".identify(") == 2
    starters = [
        path.relative_to(REPO_ROOT)
        for path in (REPO_ROOT / "app").rglob("*.py")
        if "KioskSession(" in path.read_text(encoding="utf-8")
    ]
    assert starters == [Path("app/services/kiosk_service.py")], "only the kiosk service creates sessions"
    service = (REPO_ROOT / "app" / "services" / "kiosk_service.py").read_text(encoding="utf-8")
    starter = service[service.index("class KioskService") :]
    assert "self._access.require(session, Permission.RUN_KIOSK)" in starter
