"""The command line's front door: ``klgui`` / ``kl-explorer`` / ``python main.py`` /
``python -m klgui``. Parses the arguments before anything imports Qt, so ``--report`` runs
on a machine without Qt; the window is imported only when it is asked for.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

from klcli.arguments import parse_arguments, unused_option
from klcli.console import print_error


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`klgui --report | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        # Ctrl+C while a report is made or tables load before the window opens (the
        # window's event loop handles it itself): stop quietly, with the shell's status for
        # "ended by SIGINT", as Unix tools do.
        return 128 + signal.SIGINT
    finally:
        # Only the exit is left: a second Ctrl+C now must not end in a traceback.
        signal.signal(signal.SIGINT, _ignore_signal)


def _ignore_signal(_number: int, _frame: object) -> None:
    """A handler that does nothing (unlike SIG_IGN, it also takes a signal already caught)."""


def _main(argv: Sequence[str] | None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        # A terminal that cannot show "‖" gets "?" rather than a traceback.
        sys.stdout.reconfigure(errors="replace")
        sys.stderr.reconfigure(errors="replace")
    args = parse_arguments(argv)
    unused = unused_option(args)
    if unused:
        print_error(unused)
        return 2
    if args.report:
        from klcli.report import run_report

        return run_report(args)
    from klgui.window.application import run_application

    return run_application(args)

