"""The storage fault matrix of docs/RELIABILITY.md: every fault x every command, counted (issue 14).

    uv run python -m tests.helpers.fault_matrix WORK_DIR        # prints the Markdown table

A populated installation (a desk day: a guest checked in and verified by face, a staff member
clocked in at the kiosk) with a verified backup is copied once per case; the case's fault is made
for real (bytes changed on disk, an older copy put back, another key file, a full tmpfs or a
read-only bind mount in a private mount namespace, links planted at output paths) and each
command runs as its own ``facedesk`` process. Each run is classified:

- ``ok``: it did its work (only where the fault does not touch what it needs);
- ``refused``: one line on stderr, starting ``facedesk:``, exit 1-4, and nothing half-written;
- ``silent success``: exit 0 although the fault was in what it used (a defect);
- ``traceback``: a traceback or exit 70 (a defect).

"Records lost" is checked after each case by the way out the refusal names: the damaged file is
byte-for-byte unchanged and restoring the backup brings back every record; on a full disk, every
record is there once space is freed.
"""

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.desk_day import PASSPHRASE
from tests.helpers.disk_faults import run_in_namespace, unavailable_reason

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096
BIT_FLIP_PAGES = 20
FREE_BYTES = [0, 16 * 1024, 64 * 1024, 160 * 1024, 320 * 1024, 640 * 1024]

COMMANDS: dict[str, list[str]] = {
    "stats": ["stats", "--json"],
    "audit verify": ["audit", "verify"],
    "doctor": ["doctor"],
    "purge": ["purge"],
    "backup": ["backup"],
    "export-person": ["export-person", "1", "--out", "{out}/export.json", "--operator", "boss"],
    "signage": ["signage", "--out", "{out}/sign.pdf"],
}


@dataclass
class Run:
    """One command under one fault."""

    fault: str
    command: str
    outcome: str
    exit: int
    line: str


@dataclass
class Matrix:
    """Every run, and the records-lost checks."""

    runs: list[Run] = field(default_factory=list)
    records_lost: int = 0
    cases: int = 0
    notes: list[str] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        """Runs per outcome."""
        return Counter(run.outcome for run in self.runs)

    def table(self) -> str:
        """The Markdown table for docs/RELIABILITY.md: faults down, commands across, outcome counts."""
        faults = list(dict.fromkeys(_family(run.fault) for run in self.runs))
        commands = list(dict.fromkeys(run.command for run in self.runs))
        lines = ["| Fault | " + " | ".join(commands) + " |", "|---|" + "---|" * len(commands)]
        for fault in faults:
            cells = []
            for command in commands:
                found = Counter(r.outcome for r in self.runs if _family(r.fault) == fault and r.command == command)
                cells.append(", ".join(f"{n} {outcome}" for outcome, n in sorted(found.items())) or "—")
            lines.append(f"| {fault} | " + " | ".join(cells) + " |")
        total = self.counts()
        lines.append("")
        lines.append(
            f"{len(self.runs)} runs in {self.cases} cases: {total['ok']} ok, {total['refused']} refused with one "
            f"clear line, {total['silent success']} silent successes, {total['traceback']} tracebacks; "
            f"records lost: {self.records_lost}."
        )
        return "\n".join(lines)


def _family(fault: str) -> str:
    return fault.split(" #", 1)[0]


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACEDESK_")}
    env |= {
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "FACEDESK_PASSPHRASE": PASSPHRASE,
        "FACEDESK_OPERATOR_PASSWORD": "boss-password-1",
    }
    return env | (extra or {})


def facedesk(data: Path, args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``facedesk --data-dir DATA ARGS`` as its own process."""
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO_ROOT, env=env or _env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def classify(exit_code: int, stderr: str, *, fault_hits_it: bool) -> tuple[str, str]:
    """(outcome, the stderr line) for one run; see the module docstring."""
    lines = stderr.strip().splitlines()
    if "Traceback" in stderr or "Logging error" in stderr or exit_code == 70 or exit_code < 0:
        return "traceback", lines[-1] if lines else ""
    if exit_code == 0:
        return ("silent success" if fault_hits_it else "ok"), ""
    if exit_code == 1 and not lines:  # doctor and audit verify report on stdout
        return "refused", "(reported on stdout)"
    if len(lines) == 1 and lines[0].startswith("facedesk: "):
        return "refused", lines[0]
    return "traceback", " / ".join(lines[-2:])


@dataclass(frozen=True)
class Template:
    """The populated installation every case starts from."""

    data: Path
    backup: Path
    older: Path
    recovery_code: str
    people: int
    templates: int


def build_template(work: Path) -> Template:
    """A desk day, a verified backup, an older copy of the database (for the rollback), then more work."""
    data = work / "template"
    day = subprocess.run(
        [sys.executable, "-m", "tests.helpers.desk_day", str(data), str(work / "template-recovery-code.txt")],
        cwd=REPO_ROOT, env=_env(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if day.returncode != 0:
        raise RuntimeError(day.stderr[-2000:])
    code = (work / "template-recovery-code.txt").read_text(encoding="utf-8").strip()
    older = work / "older"
    older.mkdir()
    for name in ("facedesk.db", "facedesk.db-wal"):
        if (data / name).exists():
            shutil.copy2(data / name, older / name)
    backup = facedesk(data, ["backup"])
    if backup.returncode != 0:
        raise RuntimeError(backup.stderr)
    backup_path = Path(backup.stdout.split("backup ", 1)[1].split(" (", 1)[0])
    stats = json.loads(facedesk(data, ["stats", "--json"]).stdout)
    people = stats["people"]["guests"] + stats["people"]["staff"]
    return Template(data, backup_path, older, code, people, stats["face_templates"])


def _hash(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name in ("facedesk.db", "facedesk.keys")
    }


# --- the data faults (made with ordinary file operations) ----------------------------------------


def _zero_length(data: Path, template: Template, rng: random.Random) -> None:
    (data / "facedesk.db").write_bytes(b"")


def _truncated(data: Path, template: Template, rng: random.Random) -> None:
    db = data / "facedesk.db"
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 2)


def _bit_flip(data: Path, template: Template, rng: random.Random) -> None:
    db = data / "facedesk.db"
    content = bytearray(db.read_bytes())
    page = rng.randrange(len(content) // PAGE)
    offset = page * PAGE + rng.randrange(PAGE)
    content[offset] ^= 1 << rng.randrange(8)
    db.write_bytes(bytes(content))


def _rollback(data: Path, template: Template, rng: random.Random) -> None:
    for name in ("facedesk.db", "facedesk.db-wal"):
        (data / name).unlink(missing_ok=True)
        if (template.older / name).exists():
            shutil.copy2(template.older / name, data / name)


def _wrong_key_file(data: Path, template: Template, rng: random.Random) -> None:
    other = data.parent / "other"
    made = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(other), "init", "--business-name", "Other Inn",
         "--contact", "+86 10 5555", "--admin", "boss"],
        cwd=REPO_ROOT, env=_env({"FACEDESK_ADMIN_PASSWORD": "boss-password-1"}), capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        raise RuntimeError(made.stderr)
    shutil.copy2(other / "facedesk.keys", data / "facedesk.keys")


def _damaged_key_file(data: Path, template: Template, rng: random.Random) -> None:
    keys = data / "facedesk.keys"
    text = keys.read_bytes()
    keys.write_bytes(text[: len(text) * 2 // 3])


DATA_FAULTS: dict[str, Callable[[Path, Template, random.Random], None]] = {
    "zero-length database": _zero_length,
    "truncated database": _truncated,
    **{f"bit flip in a random page #{n + 1}": _bit_flip for n in range(BIT_FLIP_PAGES)},
    "rollback to an older copy": _rollback,
    "key file of another installation": _wrong_key_file,
    "damaged key file": _damaged_key_file,
}


def _data_fault_case(work: Path, template: Template, fault: str, seed: int) -> tuple[list[Run], int]:
    case = work / f"case-{seed:03d}"
    data, out = case / "data", case / "out"
    shutil.copytree(template.data, data)
    out.mkdir()
    for wal in ("facedesk.db-wal", "facedesk.db-shm"):  # the template was closed cleanly; start from one file
        (data / wal).unlink(missing_ok=True)
    DATA_FAULTS[fault](data, template, random.Random(seed))  # noqa: S311 - reproducible damage, not a secret
    damaged = _hash(data)
    runs = []
    for name, args in COMMANDS.items():
        done = facedesk(data, [a.replace("{out}", str(out)) for a in args])
        outcome, line = classify(done.returncode, done.stderr, fault_hits_it=True)
        runs.append(Run(fault, name, outcome, done.returncode, line))
    # The way out every refusal names: the file is as it was, and the backup restores every record.
    lost = 0 if _hash(data) == damaged else 1
    restored = case / "restored"
    env = _env({"FACEDESK_RECOVERY_CODE": template.recovery_code})
    done = facedesk(restored, ["restore", str(template.backup)], env)
    outcome, line = classify(done.returncode, done.stderr, fault_hits_it=False)
    runs.append(Run(fault, "restore (the way out)", outcome, done.returncode, line))
    stats = facedesk(restored, ["stats", "--json"])
    if stats.returncode != 0:
        lost += 1
    else:
        counts = json.loads(stats.stdout)
        held = counts["people"]["guests"] + counts["people"]["staff"], counts["face_templates"]
        lost += held != (template.people, template.templates)
    shutil.rmtree(case, ignore_errors=True)
    return runs, lost


def _symlink_case(work: Path, template: Template) -> list[Run]:
    case = work / "case-links"
    data, out = case / "data", case / "out"
    shutil.copytree(template.data, data)
    out.mkdir()
    victim = case / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    runs = []
    for name, args, link in (
        ("signage", ["signage", "--out", str(out / "s.pdf")], out / "s.pdf"),
        ("export-person", ["export-person", "1", "--out", str(out / "e.json"), "--operator", "boss"], out / "e.json"),
        ("attendance", ["attendance", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out / "a.csv")],
         out / "a.csv"),
        ("filing", ["filing", "--out", str(out / "f.pdf"), "--json", str(out / "f.json")], out / "f.json"),
    ):  # fmt: skip
        link.symlink_to(victim)
        done = facedesk(data, args)
        outcome, line = classify(done.returncode, done.stderr, fault_hits_it=False)
        if victim.read_text(encoding="utf-8") != "precious":
            outcome = "silent success"  # it wrote through the link
        runs.append(Run("symlink planted at the output", name, outcome, done.returncode, line))
    shutil.rmtree(case, ignore_errors=True)
    return runs


def _namespace_cases(work: Path, template: Template) -> tuple[list[Run], int, int, str | None]:
    reason = unavailable_reason()
    if reason is not None:
        return [], 0, 0, reason
    source = work / "ns-template"
    shutil.copytree(template.data, source)
    shutil.copytree(template.backup, source / "restore-me")
    after = [["stats", "--json"], ["audit", "verify"]]
    cases: list[dict[str, Any]] = [
        {"fault": f"disk full ({free // 1024} KiB free)", "kind": "full", "free_bytes": free, "after_freeing": after,
         "commands": [["@tests.helpers.fault_enrol"], ["backup"], ["--data-dir", "{mount}/new", "restore",
                                                                   "{mount}/restore-me"]]}
        for free in FREE_BYTES
    ]  # fmt: skip
    cases.append(
        {"fault": "read-only data folder", "kind": "read-only", "commands": [COMMANDS[name] for name in COMMANDS]}
    )
    for case in cases[-1:]:
        case["commands"] = [[a.replace("{out}", "{mount}") for a in c] for c in case["commands"]]
    results = run_in_namespace(
        {"installation": str(source), "mount": str(work / "ns-disk"), "cases": cases},
        _env({"FACEDESK_RECOVERY_CODE": template.recovery_code}),
    )
    runs, lost = [], 0
    names = {"@tests.helpers.fault_enrol": "enrolment", "--data-dir": "restore"}
    names |= {args[0]: name for name, args in COMMANDS.items()}
    for result in results:
        full = result["fault"].startswith("disk full")
        for outcome in result["outcomes"]:
            command = names.get(outcome["command"][0], outcome["command"][0])
            label, line = classify(outcome["exit"], outcome["stderr"], fault_hits_it=False)
            if label == "refused" and full and "is full" not in line:
                label = "traceback"  # a refusal that does not name the full disk is not a clear line
            family = "disk full at each write" if full else result["fault"]
            runs.append(Run(f"{family} #{result.get('free_bytes', 0)}", command, label, outcome["exit"], line))
        if [f for f in result["files_after"] if "staging" in f or f.endswith(".part")]:
            lost += 1  # something half-written was left behind
        for check in result["after_freeing"]:
            if check["exit"] != 0:
                lost += 1
    return runs, lost, len(cases), None


def run_matrix(work: Path, *, workers: int = 2) -> Matrix:
    """Build the template, run every case, return the matrix."""
    work.mkdir(parents=True, exist_ok=True)
    template = build_template(work)
    matrix = Matrix()
    faults = list(DATA_FAULTS)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for runs, lost in pool.map(
            lambda item: _data_fault_case(work, template, *item), zip(faults, range(len(faults)), strict=True)
        ):
            matrix.runs += runs
            matrix.records_lost += lost
    matrix.cases += len(faults)
    matrix.runs += _symlink_case(work, template)
    matrix.cases += 1
    runs, lost, cases, skipped = _namespace_cases(work, template)
    matrix.runs += runs
    matrix.records_lost += lost
    matrix.cases += cases
    if skipped:
        matrix.notes.append(f"full and read-only disks not run: {skipped}")
    return matrix


if __name__ == "__main__":
    result = run_matrix(Path(sys.argv[1]))
    print(result.table())
    for run in result.runs:
        if run.outcome in ("traceback", "silent success"):
            print(f"DEFECT: {run.fault} / {run.command}: exit {run.exit}: {run.line}", file=sys.stderr)
    print("\n".join(result.notes), file=sys.stderr)
