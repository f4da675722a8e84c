"""Command-line entry point: ``klgui`` / ``python main.py``.

Parses the arguments before importing Qt, so ``--report`` runs on a machine without Qt.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence

BASES = {"2": 2.0, "e": None, "10": 10.0}


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
    parser.add_argument("files", nargs="*", metavar="FILE", help="distribution tables to open")
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
        "--size",
        type=_window_size,
        metavar="WxH",
        help="window size for --screenshot (default 1280x800)",
    )
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.json and not args.report:
        parser.error("--json only goes with --report")
    if args.report and args.screenshot:
        parser.error("--report and --screenshot cannot be combined")
    if args.size and not args.screenshot:
        parser.error("--size only goes with --screenshot")
    if args.screenshot and not args.screenshot.lower().endswith(".png"):
        parser.error(f"the screenshot must be a .png file, not {args.screenshot!r}")
    return args


def load_workspace(files: Sequence[str]):  # -> core.Workspace
    """The built-in example, or the files merged by class name. Raises FormatError."""
    from core import example_workspace
    from core.formats.merged_files import read_merged

    return read_merged(files) if files else example_workspace()


def run_report(args: argparse.Namespace) -> int:
    from core import FormatError, InvalidDistributionError
    from klgui.report import report_json, report_text

    try:
        workspace = load_workspace(args.files)
    except FormatError as error:
        print(f"klgui: error: {error}", file=sys.stderr)
        return 2
    if args.base is not None:
        workspace = workspace.with_base(BASES[args.base])
    try:
        comparison = workspace.compare()
    except InvalidDistributionError as error:
        source = ", ".join(args.files) if args.files else "the built-in example"
        print(f"klgui: error: {source}: {error}", file=sys.stderr)
        return 2
    source = ", ".join(args.files) if args.files else "built-in example (dog / cat / rabbit)"
    print(report_json(comparison) if args.json else report_text(comparison, source), end="")
    if args.json:
        print()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`klgui --report | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        # A terminal that cannot show "‖" gets "?" rather than a traceback.
        sys.stdout.reconfigure(errors="replace")
        sys.stderr.reconfigure(errors="replace")
    args = parse_arguments(argv)
    if args.report:
        return run_report(args)
    from klgui.application import run_application

    return run_application(args)


if __name__ == "__main__":
    sys.exit(main())
