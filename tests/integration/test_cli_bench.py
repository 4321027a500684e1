"""``facedesk bench`` and ``--camera`` from the command line (JSON contracts, bad input)."""

import json
from pathlib import Path

import pytest

from tests.conftest import FaceDeskCli
from tests.integration.conftest import CLI_ENV


def test_bench_search_prints_the_agreed_json(cli: FaceDeskCli) -> None:
    result = cli("bench", "search", "--n", "3000", "--queries", "10", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["n"] == 3000
    assert report["median_ms"] > 0


@pytest.mark.slow  # runs the benchmark and its peer for real
def test_bench_pipeline_compares_with_face_recognition_on_the_same_frames(
    cli: FaceDeskCli, shared_datasets: Path
) -> None:
    images = shared_datasets / "images"
    result = cli(
        "bench", "pipeline", str(images / "obama-480p.jpg"), str(images / "biden.jpg"),
        "--reference", str(images / "obama.jpg"), "--repeats", "1", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["ours_ms"] > 0 and report["face_recognition_ms"] > 0
    assert report["speedup"] == pytest.approx(report["face_recognition_ms"] / report["ours_ms"], rel=0.01)
    assert report["same_decisions"] is True
    assert [f["ours_decision"] for f in report["per_frame"]] == ["match", "no_match"]
    assert report["engine"] == "opencv"
    assert report["encode_ms"] > 0 and report["dlib_encode_ms"] > 0
    assert report["max_descriptor_difference"] <= 1e-3


@pytest.mark.slow  # runs the benchmark for real
def test_bench_lfw_reports_accuracy_far_frr_and_failures(cli: FaceDeskCli, shared_datasets: Path) -> None:
    lfw = shared_datasets / "lfw-dev"
    result = cli(
        "bench", "lfw", "--pairs", str(lfw / "pairs.txt"), "--root", str(lfw), "--limit", "4", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pairs"] == 16
    for key in ("threshold", "accuracy", "far", "frr", "detection_failures"):
        assert key in report
    assert report["threshold"] == 0.41
    assert len(report["folds"]) == 2
    assert report["identification"]["threshold"] == 0.34
    reference = report["reference"]  # every chip also through dlib's own engine
    assert reference["engine"] == "dlib" and reference["max_descriptor_difference"] <= 1e-3
    assert reference["pair_decisions_differing"] == 0 and reference["identification_decisions_differing"] == 0


def test_bench_fusion_compares_fused_and_single_frame_decisions_on_the_clip(
    cli: FaceDeskCli, shared_datasets: Path
) -> None:
    images = shared_datasets / "images"
    result = cli(
        "bench", "fusion", str(shared_datasets / "clips" / "short_hamilton_clip.mp4"),
        "--genuine", str(images / "lin-manuel-miranda.png"), "--impostor", str(images / "alex-lacamoire.png"),
        "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    clip = json.loads(result.stdout)["clip"]
    assert clip["frames"] == 275 and clip["usable_frames"] > 100
    assert clip["single"]["genuine_decisions"] == clip["usable_frames"]
    assert clip["fused"]["genuine_decisions"] == clip["usable_frames"] // 5
    # the speaker is himself in every fused decision, and never the other person
    assert clip["fused"]["false_rejects"] == 0 and clip["fused"]["false_accepts"] == 0


def test_bench_liveness_prints_replay_photo_print_and_genuine_pass_rates(
    cli: FaceDeskCli, shared_datasets: Path
) -> None:
    result = cli(
        "bench", "liveness", str(shared_datasets / "clips" / "short_hamilton_clip.mp4"),
        "--photo", str(shared_datasets / "images" / "lin-manuel-miranda.png"), "--sequences", "20", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["challenge"], report["prompts"]) == ("prompt_sequence", 3)
    assert report["replay"]["challenges"] == 20 and report["replay"]["pass_rate"] <= 0.05
    assert report["photo_attack"]["passed"] == 0 and report["print_attack"]["passed"] == 0
    assert report["genuine"]["turns"] == ["right at 3.34 s", "right at 6.07 s"]
    assert report["genuine"]["pass_rate"] >= 0.8


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("bench", "pipeline", "README.md"), "not an image"),
        (("bench", "lfw", "--pairs", "nope.txt", "--root", "."), "could not be read"),
        (("bench", "search", "--n", "0"), "at least 1"),
        (("bench", "fusion", "nope.mp4", "--genuine", "a.png", "--impostor", "b.png"), "no such file"),
        (("bench", "liveness", "nope.mp4", "--photo", "a.png"), "no such file"),
        (("--camera", "no-such-camera.mp4", "doctor"), "camera number"),
    ],
)
def test_bad_benchmark_input_gets_one_clear_line(cli: FaceDeskCli, args: tuple[str, ...], phrase: str) -> None:
    result = cli(*args)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and phrase in lines[0], result.stderr


def test_doctor_tries_a_camera_stand_in(cli: FaceDeskCli, shared_datasets: Path) -> None:
    clip = shared_datasets / "clips" / "short_hamilton_clip.mp4"
    result = cli("--camera", str(clip), "doctor", "--json")
    report = json.loads(result.stdout)
    expected = {"spec": str(clip), "name": "short_hamilton_clip.mp4", "ok": True, "width": 640, "height": 360}
    assert report["camera_source"] == {**expected, "fps": 29.97}
    assert isinstance(report["cameras"], list)


@pytest.mark.slow  # plays the clip in real time for both designs
def test_bench_preview_reports_frames_shown_and_stalls_for_both_designs(
    cli: FaceDeskCli, shared_datasets: Path
) -> None:
    clip = shared_datasets / "clips" / "short_hamilton_clip.mp4"
    result = cli(
        "bench", "preview", str(clip), "--seconds", "2", "--peer", "--json", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["video"] == "short_hamilton_clip.mp4"
    threads, peer = report["runs"]
    assert threads["mode"] == "worker threads" and peer["mode"] == "recognition on the GUI thread"
    for run in (threads, peer):
        assert run["frames_shown"] > 0 and run["frames_recognised"] > 0  # both really ran; speed is not asserted
        assert run["longest_stall_ms"] >= run["p99_stall_ms"] >= 0
        assert run["source_fps"] == pytest.approx(30.0, abs=0.1)


def test_bench_preview_explains_a_missing_video(cli: FaceDeskCli, tmp_path: Path) -> None:
    result = cli("bench", "preview", str(tmp_path / "none.mp4"), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "no such video file" in result.stderr


@pytest.mark.slow  # starts four whole processes
def test_bench_cli_times_whole_processes_of_a_command_and_its_peer(
    cli: FaceDeskCli, passphrase_desk, data_dir: Path
) -> None:
    passphrase_desk.close()
    result = cli("bench", "cli", "--runs", "2", "--peer", "--json", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["command"] == "facedesk stats" and report["runs"] == 2
    ours, peer = report["results"]
    assert ours["variant"] == "facedesk" and peer["variant"] == "with_face_engine_imported"
    for variant in (ours, peer):
        assert len(variant["seconds"]) == 2 and variant["min_s"] <= variant["median_s"] <= variant["max_s"]


def test_bench_cli_names_a_failing_command_in_one_line(cli: FaceDeskCli, passphrase_desk) -> None:
    passphrase_desk.close()
    result = cli("bench", "cli", "--runs", "1", "audit", "show", "--operator", "nobody", env=CLI_ENV)
    assert result.returncode == 2
    assert result.stderr.startswith("facedesk: The measured command failed:") and result.stderr.count("\n") == 1
