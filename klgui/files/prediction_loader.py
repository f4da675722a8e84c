"""Reading and evaluating per-sample files in the background, with progress and Cancel:
prediction files (PredictionRequest) or per-sample distributions, a reference and its
candidates (SampleRequest). Each request knows its work (``load``); one loader runs them.

The work runs on a thread of Qt's pool; it reports through signals (queued to the window's
thread) and polls a flag to stop early. Each load has a generation number: results of a
load that was cancelled or replaced by a newer one are dropped, so the document only ever
changes with the newest, complete result.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core import Workspace
from core.errors import one_line
from core.predictions import Cancelled
from core.predictions.evaluation import DEFAULT_RESAMPLES, DEFAULT_SEED
from klgui.document.opened_samples import OpenedSamples


@dataclass(frozen=True)
class PredictionRequest:
    paths: tuple[str, ...]
    label_column: str | None = None
    labels_path: str | None = None
    base: float | None = None
    resamples: int = DEFAULT_RESAMPLES  # of the paired bootstrap
    seed: int = DEFAULT_SEED

    def load(self, progress, is_cancelled) -> tuple[Workspace, object]:
        return load_predictions(self, progress, is_cancelled)


@dataclass(frozen=True)
class SampleRequest:
    """A reference file and its candidates: each file's per-sample distributions."""

    reference: str
    candidates: tuple[str, ...]
    base: float | None = None
    kind: str = "probabilities"  # what a .npy or a table holds (an .npz or a .kld says it)

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.reference, *self.candidates)

    def load(self, progress, is_cancelled) -> OpenedSamples:
        """Read and compare: FormatError, ValueError or Cancelled (or, for a bug, anything)."""
        from core.sample_distributions import compare_samples, match_candidate, read_sample_file

        reference = read_sample_file(self.reference, kind=self.kind)
        candidates = tuple(  # in the reference's order of samples and classes, to be shown so
            match_candidate(reference, read_sample_file(path, kind=self.kind))
            for path in self.candidates
        )
        comparison = compare_samples(
            reference, candidates, base=self.base, progress=progress, is_cancelled=is_cancelled
        )
        return OpenedSamples(reference, candidates, comparison, self.base)


def load_predictions(request: PredictionRequest, progress, is_cancelled):
    """Read and evaluate: (workspace, report). Raises FormatError, ValueError or Cancelled
    (or, for a bug, anything)."""
    from core.predictions.evaluation import evaluate
    from core.predictions.prediction_workspace import workspace_from_predictions
    from core.predictions.readers import read_predictions

    models = []
    count = len(request.paths)
    for index, path in enumerate(request.paths):
        models.extend(
            read_predictions(
                path,
                label_column=request.label_column,
                labels_path=request.labels_path,
                progress=lambda f, i=index: progress(0.5 * (i + f) / count),
                is_cancelled=is_cancelled,
            )
        )
    report = evaluate(
        models,
        base=request.base,
        resamples=request.resamples,
        seed=request.seed,
        progress=lambda f: progress(0.5 + 0.5 * f),
        is_cancelled=is_cancelled,
    )
    return workspace_from_predictions(report), report


def _failure_text(error: Exception) -> str:
    """What a failed load says, on one line: a FormatError or ValueError names the file and
    the place; anything else (a bug, or a library's surprise) names its kind too."""
    if isinstance(error, ValueError):  # FormatError is one
        return one_line(str(error))
    return one_line(f"{type(error).__name__}: {error}")


class _Signals(QObject):
    progress = Signal(int, float)  # generation, fraction
    finished = Signal(int, object)  # generation, the request's result
    failed = Signal(int, str)  # generation, message
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, generation: int, request: PredictionRequest, signals: _Signals) -> None:
        super().__init__()
        self.generation = generation
        self.request = request
        self.signals = signals
        self.stop = threading.Event()

    def run(self) -> None:
        generation = self.generation
        try:
            result = self.request.load(
                lambda fraction: self.signals.progress.emit(generation, fraction),
                self.stop.is_set,
            )
        except Cancelled:
            self.signals.cancelled.emit(generation)
        except Exception as error:  # whatever went wrong, the load ends and says why
            self.signals.failed.emit(generation, _failure_text(error))
        else:
            self.signals.finished.emit(generation, result)


class PredictionLoader(QObject):
    """Starts loads, forwards progress, and delivers only the newest complete result."""

    #: Progress of the running load, 0 to 1.
    progress = Signal(float)
    #: The newest load finished: (result, request); a PredictionRequest's result is
    #: (workspace, report), a SampleRequest's OpenedSamples.
    loaded = Signal(object, object)
    #: The newest load failed; the message names the file and the place.
    failed = Signal(str)
    #: The newest load was cancelled; nothing changed.
    cancelled = Signal()
    #: The newest load ended, whatever its outcome: emitted before loaded, failed or
    #: cancelled, so that progress is gone before their slots show anything (a dialog).
    ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._job: _Job | None = None
        self._request: PredictionRequest | SampleRequest | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_job_progress)
        self._signals.finished.connect(self._on_job_finished)
        self._signals.failed.connect(self._on_job_failed)
        self._signals.cancelled.connect(self._on_job_cancelled)

    @property
    def request(self) -> PredictionRequest | SampleRequest | None:
        """The newest load's request (None before the first)."""
        return self._request

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, request: PredictionRequest | SampleRequest) -> None:
        """Start a load; a running one is cancelled and its result will be dropped."""
        from core.predictions.readers import import_libraries_for

        self.cancel()
        # Here, on the main thread: polars' import replaces the Ctrl+C handler, which only
        # the main thread can put back (a load would stop short, the window not hear Ctrl+C).
        import_libraries_for(request.paths)
        self._generation += 1
        self._job = _Job(self._generation, request, self._signals)
        self._job.setAutoDelete(False)  # we keep it to set its stop flag
        self._request = request
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.stop.set()

    def wait(self) -> None:
        """Block until the pool is idle (for tests and shutdown)."""
        QThreadPool.globalInstance().waitForDone()

    def _current(self, generation: int) -> bool:
        return self._job is not None and generation == self._generation

    def _on_job_progress(self, generation: int, fraction: float) -> None:
        if self._current(generation):
            self.progress.emit(fraction)

    def _on_job_finished(self, generation: int, result: object) -> None:
        if self._current(generation):
            stopped = self._job.stop.is_set()  # cancelled just as it finished: honour Cancel
            self._job = None
            self.ended.emit()
            if stopped:
                self.cancelled.emit()
            else:
                self.loaded.emit(result, self._request)

    def _on_job_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._job = None
            self.ended.emit()
            self.failed.emit(message)

    def _on_job_cancelled(self, generation: int) -> None:
        if self._current(generation):
            self._job = None
            self.ended.emit()
            self.cancelled.emit()


def load_paths_now(paths: Sequence[str], **options) -> tuple[Workspace, object]:
    """The same work in the calling thread (for --screenshot, which has no event loop)."""
    request = PredictionRequest(tuple(paths), **options)
    return load_predictions(request, lambda _f: None, lambda: False)
