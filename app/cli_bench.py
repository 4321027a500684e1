"""``facedesk bench``: speed and accuracy of the face engine, measured (docs/PERFORMANCE.md).

The benchmark modules load dlib and Qt, so they are imported only when a benchmark runs.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.application import run_preview_benchmark
from app.cli_arguments import OneLineParser, count
from app.domain.errors import InvalidInputError
from app.recognition.encoder_engines import EncoderEngine
from app.recognition.liveness import LivenessRules
from app.services.installation_service import InstallationService

EXIT_OK = 0


def add_bench_commands(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``bench pipeline|lfw|fusion|liveness|search|preview|cli`` to the command-line grammar."""
    bench = commands.add_parser("bench", help="measure speed and accuracy of the face engine")
    bench_commands = bench.add_subparsers(dest="bench_command", metavar="BENCHMARK", parser_class=OneLineParser)
    bench_commands.required = True
    pipeline = bench_commands.add_parser(
        "pipeline", help="per-frame latency, ours vs the face_recognition package, on the same frames"
    )
    pipeline.add_argument("images", nargs="+", metavar="IMAGE", type=Path)
    pipeline.add_argument("--reference", type=Path, metavar="IMAGE", help="decide 'same person?' against this photo")
    pipeline.add_argument("--repeats", type=count, default=5, help="timed runs per frame (default 5)")
    pipeline.add_argument("--json", action="store_true", help="print JSON")
    lfw = bench_commands.add_parser("lfw", help="accuracy, FAR and FRR on LFW-format pairs")
    lfw.add_argument("--pairs", required=True, type=Path, metavar="FILE")
    lfw.add_argument("--root", required=True, type=Path, metavar="DIR")
    lfw.add_argument("--workers", type=count, help="parallel encoders (default: one per core, at most 4)")
    lfw.add_argument("--limit", type=count, help="use only the first N pairs of each kind per fold")
    lfw.add_argument("--peer", action="store_true", help="also run face_recognition's pipeline on the same pairs")
    lfw.add_argument("--json", action="store_true", help="print JSON")
    fusion = bench_commands.add_parser(
        "fusion", help="1:1 error rates of fused multi-frame decisions against single frames (a clip and LFW)"
    )
    fusion.add_argument("video", metavar="VIDEO", type=Path, help="a video of the genuine person")
    fusion.add_argument("--genuine", required=True, type=Path, metavar="IMAGE", help="a photo of the person in VIDEO")
    fusion.add_argument("--impostor", required=True, type=Path, metavar="IMAGE", help="a photo of somebody else")
    fusion.add_argument("--lfw-root", type=Path, metavar="DIR", help="LFW folders: people with 6+ photos are used")
    fusion.add_argument("--json", action="store_true", help="print JSON")
    liveness = bench_commands.add_parser(
        "liveness", help="how often the liveness challenge passes a replayed video, a photo, a print and a real person"
    )
    liveness.add_argument("video", metavar="VIDEO", type=Path, help="a video of a real person (replayed, and genuine)")
    liveness.add_argument("--photo", required=True, type=Path, metavar="IMAGE", help="a photo for the photo and print")
    liveness.add_argument("--sequences", type=count, default=200, help="seeded challenges per attack (default 200)")
    liveness.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    liveness.add_argument("--prompts", type=count, default=3, help="head turns per challenge (default 3, the policy's)")
    liveness.add_argument("--json", action="store_true", help="print JSON")
    search = bench_commands.add_parser("search", help="1:N search latency over N templates")
    search.add_argument("--n", required=True, type=count)
    search.add_argument("--queries", type=count, default=100)
    search.add_argument("--json", action="store_true", help="print JSON")
    preview = bench_commands.add_parser(
        "preview", help="preview frames shown per second and the longest window stall while recognition runs"
    )
    preview.add_argument("video", metavar="VIDEO", help="a video file, played in real time and looped")
    preview.add_argument("--seconds", type=float, default=20.0, help="measured time per run (default 20)")
    preview.add_argument("--peer", action="store_true", help="also run recognition on the GUI thread, for comparison")
    preview.add_argument("--json", action="store_true", help="print JSON")
    cli = bench_commands.add_parser(
        "cli",
        help="whole-process wall time of a command (default: stats), and of the same with the face engine loaded",
        description="Start COMMAND (default: stats) as a new process RUNS times and time each from start to exit. "
        "Give the data folder with --data-dir before 'bench' and its passphrase in FACEDESK_PASSPHRASE.",
    )
    cli.add_argument("--runs", type=count, default=5, help="processes per variant (default 5)")
    cli.add_argument("--peer", action="store_true", help="also time the command with OpenCV and dlib imported first")
    cli.add_argument("--json", action="store_true", help="print JSON")
    cli.add_argument(
        "measured",
        nargs=argparse.REMAINDER,
        metavar="COMMAND",
        help="the command and its arguments, after the options (default: stats)",
    )


def _cmd_bench(args: argparse.Namespace, installation: InstallationService) -> int:
    from app.services.benchmarks import tables  # benchmarks load dlib: keep other commands light

    if args.bench_command == "pipeline":
        from app.services.benchmarks.pipeline_bench import run_pipeline_benchmark

        if args.repeats < 1:
            raise InvalidInputError("--repeats must be at least 1.")
        report = run_pipeline_benchmark(
            args.images, reference=args.reference, repeats=args.repeats, engine=EncoderEngine(args.engine)
        )
        text = tables.pipeline_table(report)
    elif args.bench_command == "lfw":
        from app.services.benchmarks.lfw_bench import run_lfw_benchmark

        report = run_lfw_benchmark(
            args.pairs,
            args.root,
            workers=args.workers,
            limit=args.limit,
            peer=args.peer,
            engine=EncoderEngine(args.engine),
            progress=_progress_on_terminal,
        )
        text = tables.lfw_table(report)
    elif args.bench_command == "fusion":
        from app.services.benchmarks.fusion_bench import run_fusion_benchmark

        report = run_fusion_benchmark(
            args.video, args.genuine, args.impostor, args.lfw_root, engine=EncoderEngine(args.engine)
        )
        text = tables.fusion_table(report)
    elif args.bench_command == "liveness":
        from app.services.benchmarks.liveness_bench import run_liveness_benchmark

        if args.prompts < 1:
            raise InvalidInputError("--prompts must be at least 1.")
        rules = LivenessRules(prompts=args.prompts)
        report = run_liveness_benchmark(args.video, args.photo, sequences=args.sequences, seed=args.seed, rules=rules)
        text = tables.liveness_table(report)
    elif args.bench_command == "cli":
        from app.services.benchmarks.cli_bench import run_cli_benchmark

        if args.runs < 1:
            raise InvalidInputError("--runs must be at least 1.")
        report = run_cli_benchmark(installation.paths.root, args.measured or ["stats"], runs=args.runs, peer=args.peer)
        text = tables.cli_table(report)
    elif args.bench_command == "preview":
        report = run_preview_benchmark(
            args.video, seconds=args.seconds, peer=args.peer, engine=EncoderEngine(args.engine)
        )
        text = tables.preview_table(report)
    else:
        from app.services.benchmarks.search_bench import run_search_benchmark

        if args.n < 1 or args.queries < 1:
            raise InvalidInputError("--n and --queries must be at least 1.")
        report = run_search_benchmark(args.n, queries=args.queries)
        text = tables.search_table(report)
    print(json.dumps(report, indent=2) if args.json else text)
    return EXIT_OK


def _progress_on_terminal(done: int, total: int) -> None:
    if sys.stderr.isatty() and (done == total or done % 50 == 0):
        print(f"\r  {done}/{total} photos", end="\n" if done == total else "", file=sys.stderr, flush=True)


BENCH_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {"bench": _cmd_bench}
