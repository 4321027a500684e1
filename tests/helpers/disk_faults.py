"""Run ``facedesk`` commands on a full or read-only disk, for real, in a private mount namespace.

A full disk is a small tmpfs filled up to the chosen number of free bytes; a read-only disk is a
read-only bind mount. Both live in a mount namespace of their own (``unshare -m``), so nothing
outside the test sees them and nothing is left mounted. This needs root (as in CI); the callers
skip with that reason elsewhere.

Run as ``python -m tests.helpers.disk_faults SPEC.json`` inside ``unshare -m``; prints JSON.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
TMPFS_BYTES = 2 * 1024 * 1024


def unavailable_reason() -> str | None:
    """Why real disk faults cannot be made here (``None`` when they can)."""
    if not sys.platform.startswith("linux"):
        return "full and read-only disks are made with Linux mount namespaces"
    if os.geteuid() != 0:
        return "mounting a private tmpfs / read-only bind mount needs root (CI runs as root)"
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "unshare(1) and mount(8) from util-linux are needed"
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "this container does not allow new mount namespaces"
    return None


def run_in_namespace(spec: dict[str, Any], env: dict[str, str]) -> list[dict[str, Any]]:
    """Run the spec's cases in a new mount namespace; return one result per case.

    ``spec``: ``{"installation": DIR, "mount": DIR, "cases": [{"fault": "full"|"read-only",
    "free_bytes": N, "commands": [[...], ...]}]}``.
    """
    spec_file = Path(spec["mount"]).with_suffix(".json")
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    completed = subprocess.run(
        [
            "unshare",
            "-m",
            "--propagation",
            "private",
            sys.executable,
            "-m",
            "tests.helpers.disk_faults",
            str(spec_file),
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"disk fault run failed: {completed.stderr[-2000:]}")
    results: list[dict[str, Any]] = json.loads(completed.stdout)
    return results


def _mount_fault(fault: str, installation: Path, mount: Path, free_bytes: int) -> None:
    mount.mkdir(parents=True, exist_ok=True)
    if fault == "full":
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_BYTES}", "tmpfs", str(mount)], check=True)
        shutil.copytree(installation, mount, dirs_exist_ok=True)
        free = shutil.disk_usage(mount).free
        with (mount / "filler").open("wb") as handle, contextlib.suppress(OSError):
            handle.write(bytes(max(free - free_bytes, 0)))  # take everything but ``free_bytes``
    else:
        shutil.rmtree(mount, ignore_errors=True)
        shutil.copytree(installation, mount)
        subprocess.run(["mount", "--bind", str(mount), str(mount)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)


def _unmount(mount: Path) -> None:
    subprocess.run(["umount", str(mount)], check=True)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != "filler")


def main(spec_file: Path) -> int:
    """Run every case of the spec (inside the namespace) and print the results as JSON."""
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    installation, mount = Path(spec["installation"]), Path(spec["mount"])
    results = []
    for case in spec["cases"]:
        kind = case.get("kind", case["fault"])
        _mount_fault(kind, installation, mount, case.get("free_bytes", 0))
        try:
            outcomes = []
            for command in case["commands"]:
                args = [arg.replace("{mount}", str(mount)) for arg in command]
                program = [args[0][1:], str(mount)] if args[0].startswith("@") else ["app", "--data-dir", str(mount)]
                done = subprocess.run(
                    [sys.executable, "-m", *program, *args[1:]]
                    if args[0].startswith("@")
                    else [sys.executable, "-m", *program, *args],
                    cwd=REPO_ROOT,
                    capture_output=True,
                    text=True,
                    timeout=180,
                    check=False,
                )
                outcomes.append(
                    {"command": command, "exit": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
                )
            files_after = _files(mount)
            if kind == "full":
                (mount / "filler").unlink(missing_ok=True)  # space freed: is everything still there?
            after = [
                subprocess.run(
                    [sys.executable, "-m", "app", "--data-dir", str(mount), *command],
                    cwd=REPO_ROOT,
                    capture_output=True,
                    text=True,
                    timeout=180,
                    check=False,
                )
                for command in (case.get("after_freeing", []) if kind == "full" else [])
            ]
            results.append(
                {
                    **case,
                    "outcomes": outcomes,
                    "files_after": files_after,
                    "after_freeing": [{"exit": a.returncode, "stdout": a.stdout, "stderr": a.stderr} for a in after],
                }
            )
        finally:
            _unmount(mount)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
