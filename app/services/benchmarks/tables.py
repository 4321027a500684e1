"""Plain-text tables for the benchmark reports (``--json`` prints the reports themselves)."""

from typing import Any


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _pairs(count: int) -> str:
    return f"{count} pair" if count == 1 else f"{count} pairs"


def pipeline_table(report: dict[str, Any]) -> str:
    """Per-frame medians, then the summary."""
    rows = [
        [
            f["image"],
            f"{f['width']}x{f['height']}",
            f"{f['ours_ms']:.1f}",
            f"{f['face_recognition_ms']:.1f}",
            f"{f['face_recognition_ms'] / f['ours_ms']:.1f}x",
            "-" if f["encode_ms"] is None else f"{f['encode_ms']:.1f}",
            "-" if f["dlib_encode_ms"] is None else f"{f['dlib_encode_ms']:.1f}",
            f["ours_decision"],
            f["face_recognition_decision"],
        ]
        for f in report["per_frame"]
    ]
    header = ["frame", "size", "ours ms", "face_recognition ms", "speedup", "encode ms", "dlib encode ms"]
    table = _table([*header, "ours", "face_recognition"], rows)
    encode = (
        f"encode alone: {report['engine']} {report['encode_ms']:.1f} ms, dlib {report['dlib_encode_ms']:.1f} ms, "
        f"{report['encode_speedup']:.1f}x faster; largest descriptor difference from dlib "
        f"{report['max_descriptor_difference']:.1e}"
        if report["encode_ms"]
        else "encode alone: no face in any frame"
    )
    return (
        f"{table}\n\nengine: {report['engine']} ({report['engine_description']})\n"
        f"median over {report['frames']} frames ({report['repeats']} timed runs each): "
        f"ours {report['ours_ms']:.1f} ms, face_recognition {report['face_recognition_ms']:.1f} ms, "
        f"{report['speedup']:.1f}x faster; same decisions: {'yes' if report['same_decisions'] else 'NO'}\n{encode}"
    )


def lfw_table(report: dict[str, Any]) -> str:
    """Accuracy at the default threshold, per fold, and the 1:N false accept rate."""
    rows = [
        [
            str(f["fold"]),
            str(f["pairs"]),
            f"{f['accuracy_at_default'] * 100:.2f}%",
            f"{f['best_threshold']:.4f}",
            f"{f['best_accuracy'] * 100:.2f}%",
            f"{f['threshold_from_other_folds']:.4f}" if "threshold_from_other_folds" in f else "-",
            f"{f['held_out_accuracy'] * 100:.2f}%" if "held_out_accuracy" in f else "-",
        ]
        for f in report["folds"]
    ]
    identification = report["identification"]
    table = _table(["fold", "pairs", "acc@default", "best t", "acc@best", "t from other folds", "held-out acc"], rows)
    return (
        f"{report['pairs']} pairs, {report['photos']} photos, 1:1 threshold {report['threshold']}:\n"
        f"  accuracy {report['accuracy'] * 100:.2f}%  "
        f"FAR {report['far'] * 100:.2f}% ({_pairs(report['false_accepts'])})  "
        f"FRR {report['frr'] * 100:.2f}% ({_pairs(report['false_rejects'])})\n"
        f"  detection failures {report['detection_failures']} photos "
        f"({report['failed_pairs']} pairs counted as errors)\n\n"
        f"{table}\n\n"
        f"1:N threshold {identification['threshold']}: FAR {identification['far'] * 100:.4f}% of "
        f"{identification['impostor_pairs']} impostor pairs; genuine accepted "
        f"{(identification['genuine_accept_rate'] or 0) * 100:.1f}% of {identification['genuine_pairs']}\n"
        f"{report['images_per_second']} photos/s with {report['workers']} encoders ({report['seconds']} s), "
        f"engine {report['engine']}"
        + _reference_line(report.get("reference"))
        + (
            f"\npeer face_recognition (defaults, tolerance {report['peer']['threshold']}): "
            f"accuracy {report['peer']['accuracy'] * 100:.2f}%  FAR {report['peer']['far'] * 100:.2f}%  "
            f"FRR {report['peer']['frr'] * 100:.2f}%  "
            f"detection failures {report['peer']['detection_failures']}"
            if "peer" in report
            else ""
        )
    )


def _reference_line(reference: dict[str, Any] | None) -> str:
    if not reference:
        return ""
    return (
        f"\nagainst dlib's own engine on the same chips: largest descriptor difference "
        f"{reference['max_descriptor_difference']:.1e}; 1:1 decisions differing: "
        f"{reference['pair_decisions_differing']}; 1:N decisions differing: "
        f"{reference['identification_decisions_differing']} of {reference['identification_decisions']}"
    )


def search_table(report: dict[str, Any]) -> str:
    """One line per figure."""
    return (
        f"1:N search over {report['n']} templates ({report['gallery_mb']} MB), {report['queries']} queries: "
        f"median {report['median_ms']:.2f} ms, p95 {report['p95_ms']:.2f} ms, max {report['max_ms']:.2f} ms "
        f"(built in {report['build_seconds']} s)"
        + (
            f"; face_recognition.face_distance median {report['face_recognition_median_ms']:.2f} ms"
            if report.get("face_recognition_median_ms") is not None
            else ""
        )
    )


def preview_table(report: dict[str, Any]) -> str:
    """One row per run: frames shown per second and the longest stall of the window."""
    rows = [
        [
            run["mode"],
            f"{run['source_fps']:.2f}",
            f"{run['fps_shown']:.1f}",
            f"{run['recognised_per_second']:.1f}",
            f"{run['longest_stall_ms']:.1f}",
            f"{run['p99_stall_ms']:.1f}",
        ]
        for run in report["runs"]
    ]
    table = _table(
        ["recognition", "source fps", "preview fps", "recognised/s", "longest stall ms", "p99 stall ms"], rows
    )
    seconds = report["runs"][0]["seconds"]
    return f"{report['video']}, {seconds:.0f} s per run, Qt platform {report['qt_platform']}:\n{table}"


def cli_table(report: dict[str, Any]) -> str:
    """Median, fastest and slowest whole-process time of each variant."""
    rows = [[r["variant"], f"{r['median_s']:.2f}", f"{r['min_s']:.2f}", f"{r['max_s']:.2f}"] for r in report["results"]]
    table = _table(["process", "median s", "fastest s", "slowest s"], rows)
    return f"{report['command']}, {report['runs']} runs of each, whole process from start to exit\n\n{table}"


def fusion_table(report: dict[str, Any]) -> str:
    """Single-frame and fused error rates per source."""

    def row(source: str, kind: str, rates: dict[str, Any]) -> list[str]:
        def percent(value: float | None) -> str:
            return "-" if value is None else f"{value * 100:.2f}%"

        return [
            source,
            kind,
            f"{rates['false_rejects']} of {rates['genuine_decisions']}",
            percent(rates["frr"]),
            f"{rates['false_accepts']} of {rates['impostor_decisions']}",
            percent(rates["far"]),
        ]

    clip, lfw = report["clip"], report["lfw"]
    kinds = (("single", "single frame"), ("fused", "fused (mean distance)"), ("fused_descriptor", "mean descriptor"))
    rows = [row("clip", label, clip[kind]) for kind, label in kinds]
    if lfw:
        rows += [row("LFW", label, lfw[kind]) for kind, label in kinds]
    table = _table(["source", "decision", "false rejects", "FRR", "false accepts", "FAR"], rows)
    lines = [
        f"1:1 threshold {report['threshold']}, fused decisions from {report['fused_frames']} usable frames",
        f"clip {clip['video']}: {clip['usable_frames']} usable frames of {clip['frames']}",
    ]
    if lfw:
        lines.append(f"LFW: {lfw['people']} people with 6+ photos, {lfw['probe_photos']} probe photos")
    return "\n".join(lines) + "\n\n" + table


def liveness_table(report: dict[str, Any]) -> str:
    """Pass rates of the attacks and of the real person."""

    def row(what: str, result: dict[str, Any] | None) -> list[str]:
        if result is None:
            return [what, "-", "-", "-"]
        return [what, str(result["challenges"]), str(result["passed"]), f"{result['pass_rate'] * 100:.1f}%"]

    rows = [
        row(f"replay of {report['video']}", report["replay"]),
        row(f"still photo {report['photo']}", report["photo_attack"]),
        row("print turned with the prompts", report["print_attack"]),
        row("genuine: the video's real turns", report["genuine"]),
    ]
    table = _table(["input", "challenges", "passed", "pass rate"], rows)
    genuine = report["genuine"]
    turns = ", ".join(genuine["turns"]) if genuine else "none found"
    return (
        f"challenge {report['challenge']}: {report['prompts']} prompts, {report['seconds_per_prompt']:g} s each, "
        f"turn {report['min_turn']}; seeds {report['seeds'][0]}-{report['seeds'][1]}\n"
        f"real turns in the video: {turns}\n\n{table}"
    )
