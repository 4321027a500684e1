"""A real Secret Service keyring (gnome-keyring) on a private D-Bus session, for tests.

The keyring and its files live in a temporary home, so tests never touch a developer's own
keyring. ``.ci/run`` installs ``dbus-daemon``, ``dbus-bin`` and ``gnome-keyring``; where they are
missing the tests skip, saying so (tests/helpers/system_components.py).
"""

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def running_secret_service(home: Path, base_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """Start a session bus and an unlocked gnome-keyring; yield the environment that reaches them."""
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True)
    env = {
        **base_env,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("PYTHON_KEYRING_BACKEND", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert daemon.stdin is not None
        daemon.stdin.write(b"test-keyring-password")
        daemon.stdin.close()
        _wait_for_secrets_service(env)
        yield env
    finally:
        for process in (daemon, bus):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
        if bus.stdout is not None:
            bus.stdout.close()


def _wait_for_secrets_service(env: dict[str, str], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if "boolean true" in reply.stdout:
            return
        time.sleep(0.1)  # polling a daemon's start-up; not a test of timing
    raise RuntimeError("gnome-keyring did not start its Secret Service")
