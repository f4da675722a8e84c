"""The statistics ``llama-perplexity --kl-divergence`` prints, read back from a saved log, so
that published quantisation results are ranked beside one's own.

llama.cpp (tools/perplexity/perplexity.cpp, ``kl_divergence``) ends a run with blocks like::

    ====== Perplexity statistics ======
    Mean PPL(Q)                   :  15.887100 ±   0.246800
    ...
    ====== KL divergence statistics ======
    Mean    KLD:   0.009876 ±   0.000234
    Maximum KLD:   2.345678
    99.9%   KLD:   0.456789
    ...
    ====== Token probability statistics ======
    Mean    Δp: -0.007 ± 0.006 %
    ...
    Same top p: 97.410 ± 0.048 %

Builds of early 2024 printed one block only, spelled ``===== KL-divergence statistics``,
``Average:``, ``Median :``, ``Maximum:``, ``KLD_99 :`` … ``KLD_01 :``, ``Minimum:``. Both are
read, with whatever a log's lines carry before the text: a timestamp and level
(``0.01.234.567 I ``), a bracketed time (``[1701234567] ``), a function's name
(``llama_perplexity: ``), terminal colours. Only the figures are in a log: mean ± standard
error, percentiles, Δp, same top and perplexities as printed (Δp, same top and the
correlation as percentages there, as fractions here; KL in nats). A log holding the
statistics of two runs is refused: which one was meant cannot be told.
"""

from __future__ import annotations

import codecs
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import FormatError
from core.formats.text_files import read_bytes
from core.sample_distributions.results import DeltaPFigures, PerplexityFigures
from core.sample_distributions.statistics import DELTA_P_PERCENTILES, KLD_PERCENTILES

#: The extensions read as saved logs of llama-perplexity.
LOG_SUFFIXES = (".log", ".txt")
#: No log of a run comes close; a bigger file is not one.
MAX_LOG_BYTES = 256 * 1000**2


@dataclass(frozen=True, eq=False)
class LoggedStatistics:
    """The figures a llama-perplexity log printed for one quantisation against its base.
    KL values in nats; Δp and same top as fractions; NaN where the log has no such line
    (old builds print no 99.9 % or 0.1 % KLD, no Δp and no final same top)."""

    name: str
    source: str
    mean_kld: float
    kld_standard_error: float
    kld_percentiles: dict[str, float]  # KLD_PERCENTILES' names, NaN where not printed
    same_top: float
    same_top_standard_error: float
    delta_p: DeltaPFigures | None
    perplexity: PerplexityFigures | None


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: What a log line may carry before llama.cpp's text: timestamps, levels, function names.
_PREFIX = re.compile(
    r"^(?:\s*(?:\d+\.\d+\.\d+\.\d+\s+[A-Z]\s|\[\d+\]|[a-z_][a-z0-9_]*\s*:(?=\s)))*\s*"
)
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)"
_FIGURE = re.compile(
    rf"^(?P<label>.+?)\s*:\s*(?P<value>{_NUMBER})\s*%?\s*(?:±\s*(?P<error>{_NUMBER})\s*%?)?\s*$",
    re.IGNORECASE,
)

_PERPLEXITY, _KLD, _TOKENS = "perplexity", "kld", "tokens"
_HEADINGS = {
    "perplexity statistics": _PERPLEXITY,
    "kl divergence statistics": _KLD,
    "kl-divergence statistics": _KLD,
    "token probability statistics": _TOKENS,
}


def _percentile_labels(what: str, ladder: dict[str, float]) -> dict[str, str]:
    """llama.cpp's labels of a percentile ladder ("99.0% KLD", "Median KLD", ...) → names."""
    labels = {}
    for name, fraction in ladder.items():
        if name in ("max", "min", "median"):
            word = {"max": "maximum", "min": "minimum", "median": "median"}[name]
        else:
            word = f"{100 * fraction:.1f}%"
        labels[f"{word} {what}"] = name
    return labels


_KLD_LABELS = {
    **_percentile_labels("kld", dict(KLD_PERCENTILES)),
    # Early 2024's spellings.
    "average": "mean",
    "median": "median",
    "maximum": "max",
    "minimum": "min",
    "kld_99": "99",
    "kld_95": "95",
    "kld_90": "90",
    "kld_10": "10",
    "kld_05": "5",
    "kld_01": "1",
    "mean kld": "mean",
}
_TOKEN_LABELS = {
    **_percentile_labels("δp", dict(DELTA_P_PERCENTILES)),
    "mean δp": "mean",
    "rms δp": "rms",
    "same top p": "same_top",
}
_PERPLEXITY_LABELS = {
    "mean ppl(q)": "ppl",
    "mean ppl(base)": "reference_ppl",
    "cor(ln(ppl(q)), ln(ppl(base)))": "correlation",
    "mean ln(ppl(q)/ppl(base))": "ln_ratio",
    "mean ppl(q)/ppl(base)": "ratio",
    "mean ppl(q)-ppl(base)": "difference",
}
_LABELS = {_PERPLEXITY: _PERPLEXITY_LABELS, _KLD: _KLD_LABELS, _TOKENS: _TOKEN_LABELS}


def is_log_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is read as a saved llama-perplexity log (by its extension)."""
    return Path(path).suffix.lower() in LOG_SUFFIXES


def read_llama_log(path: str | os.PathLike[str], *, name: str | None = None) -> LoggedStatistics:
    """The statistics of the one llama-perplexity --kl-divergence run in the log at ``path``
    (see the module). FormatError, naming the file and line, where none are found, where two
    runs are, or where a figure is printed twice."""
    path = os.fspath(path)
    text = _log_text(read_bytes(path, MAX_LOG_BYTES), path)
    figures = _figures(text.splitlines(), path)
    if ("kld", "mean") not in figures:
        raise FormatError(
            "no KL divergence statistics of llama-perplexity --kl-divergence found (its "
            "'Mean    KLD:' line; llama.cpp prints them for runs of at least 100 tokens)",
            path=path,
        )
    mean = figures[("kld", "mean")][0]
    if not math.isfinite(mean):
        raise FormatError(f"its mean KLD is {mean}: there is nothing to rank", path=path)
    return _logged_statistics(figures, path, name if name is not None else Path(path).stem)


def _log_text(data: bytes, path: str) -> str:
    """A log's text: UTF-8, or UTF-16 after a byte-order mark (what Windows PowerShell's
    ``>`` writes). Bytes that are not UTF-8 become U+FFFD: only the figures' lines matter."""
    for mark, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(mark):
            return data[len(mark) :].decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise FormatError("this is a binary file, not a log of llama-perplexity", path=path)
    return data.decode("utf-8-sig", errors="replace")


def _figures(lines: list[str], path: str) -> dict[tuple[str, str], tuple[float, float]]:
    """(section, figure name) → (value, error, NaN if none) for every figure in the log's
    statistics blocks."""
    figures: dict[tuple[str, str], tuple[float, float]] = {}
    where: dict[tuple[str, str], int] = {}
    section = None
    seen_sections: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        line = _PREFIX.sub("", _ANSI.sub("", raw)).strip()
        heading = _heading(line)
        if heading is not None:
            if heading in seen_sections:
                raise FormatError(
                    f"the statistics of two runs (their '{line}' at lines "
                    f"{seen_sections[heading]} and {number}): save each run's log apart",
                    path=path,
                    line=number,
                )
            seen_sections[heading] = number
            section = heading
            continue
        if section is None or not line:
            continue
        match = _FIGURE.match(line)
        label = _label(match["label"]) if match else None
        figure = _LABELS[section].get(label) if label else None
        if figure is None:
            section = None  # the block has ended
            continue
        key = (section, figure)
        if key in figures:
            raise FormatError(
                f"{match['label'].strip()!r} is printed twice (lines {where[key]} and {number})",
                path=path,
                line=number,
            )
        error = match["error"]
        figures[key] = (float(match["value"]), float(error) if error is not None else math.nan)
        where[key] = number
    return figures


def _heading(line: str) -> str | None:
    match = re.fullmatch(r"={3,}\s*(.+?)\s*=*", line)
    return _HEADINGS.get(match[1].lower()) if match else None


def _label(text: str) -> str:
    """A label as the tables above spell it: lower case, single spaces, "5.0%" for " 5.0%"."""
    return re.sub(r"\s+", " ", text.strip().lower())


def _logged_statistics(
    figures: dict[tuple[str, str], tuple[float, float]], path: str, name: str
) -> LoggedStatistics:
    def value(section: str, figure: str, scale: float = 1.0) -> float:
        return figures.get((section, figure), (math.nan, math.nan))[0] * scale

    def error(section: str, figure: str, scale: float = 1.0) -> float:
        return figures.get((section, figure), (math.nan, math.nan))[1] * scale

    percent = 0.01
    delta_p = None
    if (_TOKENS, "mean") in figures:
        delta_p = DeltaPFigures(
            mean_delta_p=value(_TOKENS, "mean", percent),
            delta_p_standard_error=error(_TOKENS, "mean", percent),
            delta_p_percentiles={
                figure: value(_TOKENS, figure, percent) for figure in DELTA_P_PERCENTILES
            },
            rms_delta_p=value(_TOKENS, "rms", percent),
            rms_delta_p_standard_error=error(_TOKENS, "rms", percent),
        )
    perplexity = None
    if (_PERPLEXITY, "ppl") in figures:
        perplexity = PerplexityFigures(
            ppl=value(_PERPLEXITY, "ppl"),
            ppl_standard_error=error(_PERPLEXITY, "ppl"),
            reference_ppl=value(_PERPLEXITY, "reference_ppl"),
            reference_ppl_standard_error=error(_PERPLEXITY, "reference_ppl"),
            ln_ppl_correlation=value(_PERPLEXITY, "correlation", percent),
            ln_ppl_ratio=value(_PERPLEXITY, "ln_ratio"),
            ln_ppl_ratio_standard_error=error(_PERPLEXITY, "ln_ratio"),
            ppl_ratio=value(_PERPLEXITY, "ratio"),
            ppl_ratio_standard_error=error(_PERPLEXITY, "ratio"),
            ppl_difference=value(_PERPLEXITY, "difference"),
            ppl_difference_standard_error=error(_PERPLEXITY, "difference"),
        )
    return LoggedStatistics(
        name=name,
        source=path,
        mean_kld=value(_KLD, "mean"),
        kld_standard_error=error(_KLD, "mean"),
        kld_percentiles={figure: value(_KLD, figure) for figure in KLD_PERCENTILES},
        same_top=value(_TOKENS, "same_top", percent),
        same_top_standard_error=error(_TOKENS, "same_top", percent),
        delta_p=delta_p,
        perplexity=perplexity,
    )
