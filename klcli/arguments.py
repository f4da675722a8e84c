"""What the command line means: its options, their checks, and what they ask for.

Imports no Qt: ``--report`` runs where Qt cannot be loaded.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence

BASES = {"2": 2.0, "e": None, "10": 10.0}
#: --values: the kind of values a .npy of per-sample distributions holds (core's names).
VALUE_KINDS = {
    "probs": "probabilities",
    "logprobs": "log_probabilities",
    "logits": "logits",
    "counts": "counts",
}
#: The most bootstrap resamples --resamples accepts.
MAX_RESAMPLES = 100_000


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, status 2
        self.exit(2, f"{self.prog}: error: {message}\n")


def _window_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, not {text!r}")
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 10000 and 150 <= height <= 10000):
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is out of range (200x150 to 10000x10000)"
        )
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="klgui",
        description="KL Explorer: compare models' predicted class distributions with the truth.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="distribution tables, sessions or prediction files (CSV, Parquet, .npz, .npy)",
    )
    parser.add_argument(
        "--report", action="store_true", help="print the comparison and exit (no window, no Qt)"
    )
    parser.add_argument("--json", action="store_true", help="with --report: print JSON")
    parser.add_argument(
        "--base",
        choices=sorted(BASES),
        help="logarithm base: 2 (bits), e (nats, the default) or 10 (bans)",
    )
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit"
    )
    parser.add_argument(
        "--language",
        choices=["en", "ko"],
        help="the interface language (default: the one chosen before, or the system's)",
    )
    parser.add_argument(
        "--theme",
        choices=["light", "dark"],
        help="the window's theme for this run (default: the one chosen before)",
    )
    parser.add_argument(
        "--presentation",
        action="store_true",
        help="start in presentation mode: large type and heavy lines (full screen, but for "
        "--screenshot)",
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        metavar="WxH",
        help="window size for --screenshot (default 1280x800)",
    )
    predictions = parser.add_argument_group("prediction files")
    predictions.add_argument(
        "--labels", metavar="FILE", help="the true labels for a .npy of probabilities"
    )
    predictions.add_argument(
        "--label-column",
        metavar="NAME",
        help="the true-label column (default: label, y_true, target)",
    )
    # No defaults here: an option given with distribution tables is an error (it would do
    # nothing); bootstrap_options() fills in the defaults.
    predictions.add_argument(
        "--resamples",
        type=_resample_count,
        help=f"bootstrap resamples (1000, at most {MAX_RESAMPLES:,}), here and with --reference",
    )
    predictions.add_argument("--seed", type=_seed, help="bootstrap seed: a whole number from 0 (0)")
    samples = parser.add_argument_group(
        "per-sample distributions (with --report): --reference REF CAND [CAND ...]"
    )
    samples.add_argument(
        "--reference",
        metavar="REF",
        help="the reference's per-sample distributions (.npy, .npz, .csv, .tsv, .parquet, "
        "llama.cpp's .kld); the FILEs are candidates, or llama-perplexity logs (.log, .txt) of "
        "published results",
    )
    samples.add_argument(
        "--values",
        choices=sorted(VALUE_KINDS),
        help="what a .npy, CSV, TSV or Parquet file holds: probs (the default), logprobs, "
        "logits or counts (a .npz says it by its member's name)",
    )
    samples.add_argument(
        "--temperature",
        type=_temperature,
        metavar="T",
        help="divide logits by T before the softmax (1)",
    )
    return parser


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, not {value}")
    return value


def _temperature(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(f"must be a finite number above 0, not {text!r}")
    return value


def _seed(text: str) -> int:
    """numpy's generators take any whole number from 0 as a seed, however large."""
    return _whole_number(text, 0)


def _resample_count(text: str) -> int:
    value = _whole_number(text, 1)
    if value > MAX_RESAMPLES:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_RESAMPLES:,}, not {value:,}: each resample draws every sample again, "
            "so more takes long and gigabytes of memory without changing the interval visibly"
        )
    return value


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.json and not args.report:
        parser.error("--json only goes with --report")
    if args.report and args.screenshot:
        parser.error("--report and --screenshot cannot be combined")
    if args.size and not args.screenshot:
        parser.error("--size only goes with --screenshot")
    window_options = [  # those given of the options only the window uses
        option
        for option, given in (("--theme", args.theme), ("--presentation", args.presentation))
        if given
    ]
    if args.report and window_options:
        parser.error(
            f"{' and '.join(window_options)} {'is' if len(window_options) == 1 else 'are'} "
            "for the window, not --report"
        )
    if args.labels and not args.files:
        parser.error("--labels goes with a .npy file of probabilities")
    if args.screenshot and not args.screenshot.lower().endswith(".png"):
        parser.error(f"the screenshot must be a .png file, not {args.screenshot!r}")
    _check_reference(parser, args)
    return args


def _check_reference(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """--reference's own rules: with --report, with candidates, without the options of
    prediction files; --values and --temperature only with it."""
    if args.reference is None:
        for option, value in (("--values", args.values), ("--temperature", args.temperature)):
            if value is not None:
                parser.error(f"{option} goes with --reference (per-sample distributions)")
        return
    if not args.report:
        parser.error("--reference goes with --report")
    if not args.files:
        parser.error("--reference REF needs candidate files after it: --reference REF CAND ...")
    if args.labels or args.label_column:
        parser.error(
            "--labels and --label-column are for prediction files, not --reference: a .npz "
            "gives its samples' true classes as 'labels', a table as its 'label' column, a "
            ".kld as its tokens"
        )


def bootstrap_options(args: argparse.Namespace) -> dict[str, int]:
    """The paired bootstrap's resamples and seed: those given, or the defaults."""
    from core.predictions.evaluation import DEFAULT_RESAMPLES, DEFAULT_SEED

    return {
        "resamples": DEFAULT_RESAMPLES if args.resamples is None else args.resamples,
        "seed": DEFAULT_SEED if args.seed is None else args.seed,
    }


def unused_option(args: argparse.Namespace) -> str | None:
    """Why an option given would go unused, if one would: --labels is for prediction files
    that have no labels of their own (.npy, .npz without 'labels'), --resamples and --seed
    for the paired bootstrap of prediction files. Looks at headers and archive directories
    only, before any data is read."""
    bootstrap = [
        option
        for option, value in (("--resamples", args.resamples), ("--seed", args.seed))
        if value is not None
    ]
    if args.reference is not None:
        return _unused_with_reference(args, bootstrap)
    if not args.labels and not bootstrap:
        return None
    if not all(os.path.isfile(path) for path in args.files):
        return None  # the reader says what is wrong with the file, which matters more
    from core.predictions.detection import is_prediction_file, needs_labels

    kinds = {is_prediction_file(path, args.label_column) for path in args.files}
    if bootstrap and not kinds:
        return f"{bootstrap[0]} sets the paired bootstrap of prediction files, but none are given"
    if bootstrap and kinds == {False}:
        return (
            f"{bootstrap[0]} sets the paired bootstrap of prediction files, but these are "
            "distribution tables"
        )
    if not args.labels:
        return None
    if kinds == {False}:
        return (
            f"{args.labels}: --labels gives the true labels of prediction files, but these are "
            "distribution tables"
        )
    if kinds == {True} and not any(needs_labels(path) for path in args.files):
        return (
            f"{args.labels}: --labels would not be used: every prediction file has true labels "
            "of its own"
        )
    return None


def _unused_with_reference(args: argparse.Namespace, bootstrap: list[str]) -> str | None:
    """Why an option given with --reference would go unused, by the files' extensions:
    --values is for files that do not say what they hold (.npy, CSV, TSV, Parquet),
    --temperature for logits in those or a .npz, --resamples and --seed for two candidate
    files or more (a log's figures have no per-sample values)."""
    from core.sample_distributions import KIND_GIVEN_SUFFIXES
    from core.sample_distributions.llama_logs import is_log_file

    suffixes = {os.path.splitext(path)[1].lower() for path in [args.reference, *args.files]}
    if args.values is not None and not suffixes & set(KIND_GIVEN_SUFFIXES):
        return (
            "--values says what a .npy, CSV, TSV or Parquet file holds, but none is given (a "
            ".npz names its values by its member, a .kld holds log-probabilities)"
        )
    if args.temperature is not None:
        if not suffixes & {*KIND_GIVEN_SUFFIXES, ".npz"}:
            return (
                "--temperature divides logits, but no .npy, .npz, CSV, TSV or Parquet file is given"
            )
        if ".npz" not in suffixes and args.values != "logits":
            return (
                f"--temperature divides logits, but --values is {args.values or 'probs'} "
                "(give --values logits)"
            )
    compared = [path for path in args.files if not is_log_file(path)]
    if bootstrap and len(compared) < 2:
        return (
            f"{bootstrap[0]} sets the paired bootstrap of candidate files, which needs two of "
            "them (a log's figures have no per-sample values)"
        )
    return None
