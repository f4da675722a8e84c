"""Start the Qt application: the window, or an offscreen screenshot of it."""

from __future__ import annotations

import argparse
import os
import sys

QT_SYSTEM_PACKAGES = "libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
DEFAULT_SCREENSHOT_SIZE = (1280, 800)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_application(args: argparse.Namespace) -> int:
    if args.screenshot and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not _has_display():
        print(
            "klgui: error: no display to open a window on (DISPLAY is not set); "
            "use --report for a text report or --screenshot OUT.png for an image",
            file=sys.stderr,
        )
        return 2
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        print(
            f"klgui: error: Qt cannot be loaded ({error}). On Debian or Ubuntu install: "
            f"apt-get install {QT_SYSTEM_PACKAGES}",
            file=sys.stderr,
        )
        return 2

    from core import FormatError
    from core.formats.merged_files import files_or_example
    from core.predictions.detection import is_prediction_file
    from klcli.arguments import BASES, bootstrap_options
    from klcli.console import print_error

    predictions = None
    tables = None  # tables named on the command line, and what merging them did
    base = BASES[args.base] if args.base is not None else None
    bootstrap = bootstrap_options(args)
    prediction_files = bool(args.files) and all(
        is_prediction_file(f, args.label_column) for f in args.files
    )
    try:
        if prediction_files and args.screenshot:
            from klgui.files.prediction_loader import load_paths_now

            # A screenshot has no event loop to load in the background: read them now.
            workspace, predictions = load_paths_now(
                args.files,
                label_column=args.label_column,
                labels_path=args.labels,
                base=base,
                **bootstrap,
            )
        elif prediction_files:
            workspace = None  # the window opens at once and loads them in the background
        else:
            tables = files_or_example(args.files)
            workspace = tables.workspace
            if args.base is not None:  # the unit asked for, over a session's own
                workspace = workspace.with_base(base)
    except (FormatError, ValueError) as error:
        print_error(str(error))
        return 2

    from PySide6.QtCore import QTimer

    from klgui.window.error_dialog import install_excepthook
    from klgui.window.main_window import MainWindow
    from klgui.window.termination_signals import termination_signals_delivered

    _quiet_harmless_qt_warnings()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("KL Explorer")
    app.setApplicationName("KL Explorer")
    from klgui.window.language import install_language, preferred_language

    language = args.language or preferred_language()
    install_language(app, language)
    if workspace is None:
        from core import example_workspace

        # Until the files are loaded, in the unit they will be loaded in.
        window = MainWindow(example_workspace().with_base(base))
    elif args.files:
        from klgui.files.file_actions import opened_file

        path, title = opened_file(args.files)
        window = MainWindow(workspace, title=title, path=path)
    else:
        window = MainWindow(workspace)
    if predictions is not None:
        window.document.replace_workspace(workspace, predictions)
    install_excepthook(window)
    _follow_language_choices(app, window)
    if args.theme is not None:  # for this run: what the menu chose is kept for the next
        window.set_dark_theme(args.theme == "dark", remember=False)
    if args.presentation:
        window.presentation_action.setChecked(True)
    if args.screenshot:
        return _save_screenshot(app, window, args.screenshot, args.size or DEFAULT_SCREENSHOT_SIZE)
    window.show()

    def start() -> None:
        if tables is not None and args.files:  # what File ▸ Open says of them, said here too
            window.file_actions.show_opened(args.files, tables)
        offer_recovery(window)
        if workspace is None:  # after the recovery: opening asks first about restored work
            window.file_actions.open_predictions(
                args.files, label_column=args.label_column, labels_path=args.labels, **bootstrap
            )

    # The questions these may ask are asked inside the event loop, so a signal ends them too.
    QTimer.singleShot(0, start)
    with termination_signals_delivered(lambda number: _quit_keeping_work(app, number)):
        return app.exec()


def _quit_keeping_work(app, number: int) -> None:
    """Stop as Quit does, asking nothing; unsaved work stays in the autosave for the next
    start to offer. The status is the shell's for "ended by this signal"."""
    app.exit(128 + number)
    app.property("klguiMainWindow").close_keeping_work()


def _follow_language_choices(app, window) -> None:
    """When the user picks a language, rebuild the window in it (same document, same undo
    history); the application keeps a reference to whichever window is current. The first
    window in Korean (from the start or the menu) says so if no font can draw Hangul."""
    from PySide6.QtCore import QSettings

    from klgui.window.hangul_notice import HangulNotice
    from klgui.window.language import LANGUAGE_KEY, install_language, interface_language

    hangul_notice = HangulNotice()

    def on_language_chosen(code: str) -> None:
        QSettings().setValue(LANGUAGE_KEY, code)
        install_language(app, code)
        successor = app.property("klguiMainWindow").hand_over()
        app.setProperty("klguiMainWindow", successor)
        successor.languageChosen.connect(on_language_chosen)
        hangul_notice.follow(successor, interface_language())
        successor.show()

    app.setProperty("klguiMainWindow", window)
    window.languageChosen.connect(on_language_chosen)
    hangul_notice.follow(window, interface_language())


def offer_recovery(window) -> None:
    """After a crash, offer the newest unsaved work left behind. Older leftovers (from a
    second window that crashed too) stay on disk and are offered at the next start."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from klgui.document.autosave import find_recoverable
    from klgui.window.language import date_and_time

    recoverable = find_recoverable(window.autosave.directory)
    if not recoverable:
        return
    newest = recoverable[0]
    when = date_and_time(newest.saved_at)
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "Restore unsaved work?"),
        QCoreApplication.translate(
            "MainWindow",
            "KL Explorer did not close normally. Unsaved work on “%s” from %s was kept. "
            "Restore it?",
        )
        % (newest.title or QCoreApplication.translate("FileActions", "Untitled"), when),
        QMessageBox.Yes | QMessageBox.No,
        QMessageBox.Yes,
    )
    if answer == QMessageBox.Yes:
        window.document.apply(
            newest.workspace, QCoreApplication.translate("MainWindow", "Restore unsaved work")
        )
        # Save asks where, suggesting the session the work came from: the autosave names a
        # file, but the user has not chosen to write it in this run.
        window.file_actions.set_file(None, newest.title or None, newest.source)
        # The restored work is in this window's autosave once its file is set; only then
        # does the leftover go, so that a second crash still finds the work.
        if window.autosave.path.is_file():
            newest.path.unlink(missing_ok=True)
    elif answer == QMessageBox.No:
        newest.path.unlink(missing_ok=True)
    # Otherwise the question went unanswered (a signal ended the app): the work stays.


def _quiet_harmless_qt_warnings() -> None:
    """The offscreen platform warns on every window it shows; that says nothing to a user."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _save_screenshot(app, window, path: str, size: tuple[int, int]) -> int:
    window.showNormal()  # at the size asked for, presenting too
    window.resize(*size)
    window.show()
    app.processEvents()
    window.document.recompute_now()
    for _ in range(3):  # axes widen for their labels after a first paint: let them settle
        app.processEvents()
    from core.formats.atomic_write import write_atomically
    from klgui.charts.chart_export import png_bytes

    try:  # written by Python, not QImage.save, to say why it cannot be written
        write_atomically(path, png_bytes(window.grab().toImage()))
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"klgui: error: {path}: cannot write the screenshot: {reason}", file=sys.stderr)
        return 2
    print(path)
    return 0
