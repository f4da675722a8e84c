"""SIGINT (Ctrl+C in the terminal), SIGTERM and SIGHUP (the terminal closed) reach the window
app.

Python runs its signal handlers only when the interpreter gets control back, which it does
not while Qt's event loop waits in C++: the signals would wait for the next mouse move, or
forever. ``signal.set_wakeup_fd`` makes the low-level handler write the signal's number to a
socket, and a QSocketNotifier on the other end wakes the event loop, which then acts on it at
a quiet moment (never in the middle of an edit, as a Python handler could).
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable, Iterator

from PySide6.QtCore import QSocketNotifier

#: SIGHUP where the system has it (not on Windows).
TERMINATION_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _leave_it_to_the_event_loop(_number: int, _frame: object) -> None:
    """A Python handler must be installed for the wakeup socket to be written; the notifier
    does the work."""


@contextlib.contextmanager
def termination_signals_delivered(on_signal: Callable[[int], None]) -> Iterator[None]:
    """While inside, SIGINT, SIGTERM and SIGHUP call ``on_signal(number)`` from Qt's event
    loop instead of their default actions (a KeyboardInterrupt, or an end without a word)."""
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)

    def on_activated() -> None:
        with contextlib.suppress(BlockingIOError):
            for number in receiver.recv(64):
                if number in TERMINATION_SIGNALS:
                    on_signal(number)

    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Read)
    notifier.activated.connect(on_activated)
    previous_descriptor = signal.set_wakeup_fd(sender.fileno())
    previous_handlers = {
        number: signal.signal(number, _leave_it_to_the_event_loop) for number in TERMINATION_SIGNALS
    }
    try:
        yield
    finally:
        for number, handler in previous_handlers.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_descriptor)
        notifier.setEnabled(False)
        receiver.close()
        sender.close()
