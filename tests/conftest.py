"""Shared fixtures: a fresh data folder per test, real SQLCipher installations, the shared datasets.

Tests run Qt offscreen, fail on any unexpected WARNING log record (like qutebrowser's logfail),
and every ``req`` marker must name a requirement R1-R24 (docs/COMPLIANCE.md).
"""

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from argon2 import PasswordHasher

from app.camera.frames import load_image
from app.config.paths import DataPaths, resource_path
from app.domain.business import LocationType
from app.keystore import KdfParams, KeyManager, MemorySecretStore
from app.keystore.recovery_code import RecoveryCode
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.models import FaceModels
from app.services.capture_session import LocalFaceEngine
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.notice_service import NoticeCatalog
from app.services.passwords import PasswordHashing
from app.services.setup_service import SetupRequest
from tests.helpers.card_reader_sim import SimulatedCardReader
from tests.helpers.clock import FakeClock
from tests.helpers.relay_sim import SimulatedRelay
from tests.helpers.system_components import NEED_EVERYTHING_ENV, missing_cjk_fonts, skip_without

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATASETS = REPO_ROOT.parent / "shared" / "datasets"
REQUIREMENT_IDS = frozenset(f"R{number}" for number in range(1, 25))

# Cheap Argon2id costs keep hundreds of set-ups fast; tests of the production parameters use
# the defaults explicitly (tests/unit/keystore/test_kdf.py, tests/integration/test_cli.py).
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)

ADMIN_USER = "boss"
ADMIN_PASSWORD = "boss-password-1"
STANDARD_SETUP = SetupRequest(
    business_name="Lotus Inn",
    contact="+86 10 1234 5678",
    location_type=LocationType.HOTEL_FRONT_DESK,
    admin_username=ADMIN_USER,
    admin_password=ADMIN_PASSWORD,
    admin_display_name="Wang Fang",
)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``.ci/run`` (everything installed) a skipped test fails: CI never passes by skipping."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get(NEED_EVERYTHING_ENV) == "1" and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but {NEED_EVERYTHING_ENV}=1 says everything is installed: {reason}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse ``req`` markers that do not name a requirement R1-R24."""
    for item in items:
        for marker in item.iter_markers("req"):
            if not marker.args or any(arg not in REQUIREMENT_IDS for arg in marker.args):
                raise pytest.UsageError(f"{item.nodeid}: req marker {marker.args!r} must name R1-R24")


# --- logging: unexpected warnings fail the test ------------------------------------------------

_ALLOWED_WARNINGS = pytest.StashKey[list[re.Pattern[str]]]()


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that logs a WARNING or worse it did not declare with ``expect_warnings``."""
    collector = _WarningCollector()
    allowed: list[re.Pattern[str]] = []
    request.node.stash[_ALLOWED_WARNINGS] = allowed
    root = logging.getLogger()
    root.addHandler(collector)
    yield
    root.removeHandler(collector)
    unexpected = [r for r in collector.records if not any(p.search(r.getMessage()) for p in allowed)]
    if unexpected:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"unexpected log records:\n{lines}")


@pytest.fixture
def expect_warnings(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Declare a WARNING the test expects, by regular expression on the message."""
    return lambda pattern: request.node.stash[_ALLOWED_WARNINGS].append(re.compile(pattern))


# --- data and installations -------------------------------------------------------------------


@pytest.fixture
def cjk_fonts(qapp: object) -> None:
    """Skip, saying what to install, where no font can draw Chinese (PDF text, text widths)."""
    skip_without(missing_cjk_fonts())


@pytest.fixture(scope="session")
def shared_datasets() -> Path:
    """``../shared/datasets`` beside the repository; fails loudly when it is missing."""
    if not SHARED_DATASETS.is_dir():
        pytest.fail(f"test data missing: expected {SHARED_DATASETS} (see DESIGN.md section 7)")
    return SHARED_DATASETS


@pytest.fixture
def clock() -> FakeClock:
    """A controllable UTC clock."""
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, not yet existing data folder."""
    return tmp_path / "facedesk-data"


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    """The data folder's file layout."""
    return DataPaths.for_data_dir(data_dir)


@pytest.fixture
def fast_hashing() -> PasswordHashing:
    """Argon2id password hashing with cheap test parameters."""
    return PasswordHashing(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture
def secret_store() -> MemorySecretStore:
    """The in-memory stand-in for the OS keyring."""
    return MemorySecretStore()


@pytest.fixture
def key_manager(paths: DataPaths, secret_store: MemorySecretStore, clock: FakeClock) -> KeyManager:
    """A key manager on the test data folder with the in-memory secret store."""
    paths.ensure_root()
    return KeyManager(paths.key_file, secret_store, kdf=FAST_KDF, clock=clock)


SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def notices_dir(tmp_path: Path) -> Path:
    """This test's own copy of the notice templates (a test may install a new version in it)."""
    copy = tmp_path / "notices"
    shutil.copytree(resource_path("notices"), copy)
    return copy


@pytest.fixture
def installation(
    notices_dir: Path,
    paths: DataPaths,
    key_manager: KeyManager,
    clock: FakeClock,
    fast_hashing: PasswordHashing,
    analyzer: FaceAnalyzer,
    encoder: EncoderProcess,
) -> InstallationService:
    """An installation service for the test data folder (not yet set up), desk time zone Shanghai."""
    return InstallationService(
        paths,
        key_manager,
        clock,
        fast_hashing,
        local_zone=SHANGHAI,
        catalog=NoticeCatalog(notices_dir),
        engine=LocalFaceEngine(analyzer, encoder),
    )


@dataclass
class SetUpDesk:
    """A set-up installation: its services and the recovery code shown at setup."""

    services: DeskServices
    recovery_code: RecoveryCode


@pytest.fixture
def set_up(installation: InstallationService) -> Iterator[SetUpDesk]:
    """A real encrypted installation for Lotus Inn with Admin ``boss`` (key in the memory store)."""
    services, code = installation.create_desk(STANDARD_SETUP, passphrase=None)
    yield SetUpDesk(services, code)
    services.close()


@pytest.fixture
def desk(set_up: SetUpDesk) -> DeskServices:
    """The services of the set-up installation."""
    return set_up.services


# --- the command line as a separate process --------------------------------------------------


@dataclass(frozen=True)
class CliResult:
    """What a ``facedesk`` process did."""

    returncode: int
    stdout: str
    stderr: str


class FaceDeskCli:
    """Runs ``python -m app`` in a subprocess, as a user would run ``facedesk``."""

    def __init__(
        self, data_dir: Path, base_env: dict[str, str], program: tuple[str, ...] = (sys.executable, "-m", "app")
    ) -> None:
        self.data_dir = data_dir
        self.base_env = base_env
        self.program = program  # how FaceDesk is started (a test may start it with extra rules)

    def __call__(self, *args: str, env: dict[str, str] | None = None, data_dir: bool = True) -> CliResult:
        command = list(self.program)
        if data_dir:
            command += ["--data-dir", str(self.data_dir)]
        completed = subprocess.run(
            [*command, *args],
            env={**self.base_env, **(env or {})},
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        return CliResult(completed.returncode, completed.stdout, completed.stderr)


def clean_environment() -> dict[str, str]:
    """The test process environment without FaceDesk variables and without any OS keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACEDESK_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.fixture
def cli(data_dir: Path) -> FaceDeskCli:
    """The CLI on the test data folder, with no OS keyring (as on headless Linux and CI)."""
    return FaceDeskCli(data_dir, clean_environment())


# --- the face engine (real dlib models), shared by the whole run ---------------------------------


@pytest.fixture(scope="session")
def face_models() -> FaceModels:
    """dlib's detector and 5-point predictor, loaded once."""
    return FaceModels()


@pytest.fixture(scope="session")
def analyzer(face_models: FaceModels) -> FaceAnalyzer:
    """Detection, alignment and the quality gate with default settings."""
    return FaceAnalyzer(face_models)


@pytest.fixture(scope="session")
def encoder() -> Iterator[EncoderProcess]:
    """The real encoder process, started once and stopped at the end of the run."""
    process = EncoderProcess()
    process.start()
    yield process
    process.close()


@pytest.fixture(scope="session")
def dataset_image(shared_datasets: Path) -> Callable[[str], np.ndarray]:
    """Load ``../shared/datasets/images/<name>`` as a BGR frame."""
    return lambda name: load_image(shared_datasets / "images" / name)


@pytest.fixture
def card_reader(tmp_path: Path) -> Iterator[SimulatedCardReader]:
    """A simulated ID card reader on a pseudo-terminal, plugged in at ``tmp_path/ttyIDREADER``, no card on it."""
    device = SimulatedCardReader(tmp_path / "ttyIDREADER").plug()
    yield device
    device.unplug()


@pytest.fixture
def relay_board(tmp_path: Path) -> Iterator[SimulatedRelay]:
    """A simulated LCUS relay board on a pseudo-terminal at ``tmp_path/ttyRELAY``, answering status queries."""
    device = SimulatedRelay(tmp_path / "ttyRELAY").plug()
    yield device
    device.unplug()
