"""Saved logs of llama-perplexity --kl-divergence read back: the statistics blocks as the
current llama.cpp prints them (tools/perplexity/perplexity.cpp, its LOG(...) format strings)
and as builds of early 2024 printed them (printf: "===== KL-divergence statistics",
"Average:", "KLD_99 :"), with the prefixes saved logs carry, and every log that holds no
statistics, or two runs', refused on one line naming the file."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import FormatError
from core.sample_distributions.llama_logs import is_log_file, read_llama_log

#: The end of a run of the current llama-perplexity, each line from its format string:
#: "Mean PPL(Q)                   : %10.6lf ± %10.6lf", "Cor(ln(PPL(Q)), ln(PPL(base))):
#: %6.2lf%%", "Mean    KLD: %10.6lf ± %10.6lf", "99.9%%   KLD: %10.6f", " 5.0%%   KLD: %10.6f",
#: "Mean    Δp: %6.3lf ± %5.3lf %%", "Maximum Δp: %6.3lf%%", "RMS Δp    : %6.3lf ± %5.3lf %%",
#: "Same top p: %6.3lf ± %5.3lf %%"; the per-chunk table before it.
CHUNKS = (
    "chunk             PPL               ln(PPL(Q)/PPL(base))          KL Divergence"
    "              Δp RMS            Same top p\n"
    "   1       5.7462 ±    0.1265       0.00334 ±    0.00341       0.00862 ±    0.00045"
    "     2.714 ±  0.150 %    95.686 ±  0.901 %\n"
    " 100       6.2916 ±    0.0381       0.00618 ±    0.00074       0.01087 ±    0.00013"
    "     3.207 ±  0.047 %    95.113 ±  0.135 %\n"
)
CURRENT = (
    "kl_divergence: computing over 100 chunks, n_ctx=512, batch_size=2048, n_seq=4\n\n"
    + CHUNKS
    + """
====== Perplexity statistics ======
Mean PPL(Q)                   :   6.291567 ±   0.038100
Mean PPL(base)                :   6.252806 ±   0.037814
Cor(ln(PPL(Q)), ln(PPL(base))):  99.23%
Mean ln(PPL(Q)/PPL(base))     :   0.006180 ±   0.000744
Mean PPL(Q)/PPL(base)         :   1.006199 ±   0.000749
Mean PPL(Q)-PPL(base)         :   0.038761 ±   0.004714

====== KL divergence statistics ======
Mean    KLD:   0.010871 ±   0.000130
Maximum KLD:   3.601342
99.9%   KLD:   0.504117
99.0%   KLD:   0.092335
95.0%   KLD:   0.032719
90.0%   KLD:   0.021015
Median  KLD:   0.005523
10.0%   KLD:   0.000087
 5.0%   KLD:   0.000024
 1.0%   KLD:   0.000003
 0.1%   KLD:  -0.000002
Minimum KLD:  -0.000011

====== Token probability statistics ======
Mean    Δp: -0.129 ± 0.020 %
Maximum Δp: 64.391%
99.9%   Δp: 19.523%
99.0%   Δp:  7.870%
95.0%   Δp:  3.215%
90.0%   Δp:  1.710%
75.0%   Δp:  0.235%
Median  Δp: -0.000%
25.0%   Δp: -0.394%
10.0%   Δp: -2.041%
 5.0%   Δp: -3.736%
 1.0%   Δp: -9.389%
 0.1%   Δp: -26.472%
Minimum Δp: -79.601%
RMS Δp    :  3.207 ± 0.047 %
Same top p: 95.113 ± 0.135 %

llama_perf_context_print:        load time =    1234.56 ms
"""
)

#: The same figures as builds of early 2024 printed them: "Average: %10.6f ±%10.6lf",
#: "Median : %10.6f", "Maximum: %10.6f", "KLD_99 : %10.6f", ..., "Minimum: %10.6f",
#: "KLD_01 : %10.6f", ... (no 99.9 % or 0.1 %, no Δp, no final same top or perplexities).
EARLY_2024 = """\
chunk        PPL          ln(PPL(Q)/PPL(base))          KL-Divergence           Same top
 100        6.2916       0.00618 ±    0.00074       0.01087 ±    0.00013    0.95113 ± 0.00135

===== KL-divergence statistics
Average:   0.010871 ±  0.000130
Median :   0.005523
Maximum:   3.601342
KLD_99 :   0.092335
KLD_95 :   0.032719
KLD_90 :   0.021015
Minimum:  -0.000011
KLD_01 :   0.000003
KLD_05 :   0.000024
KLD_10 :   0.000087

llama_print_timings:        load time =    1234.56 ms
"""


def write(tmp_path, text: str, name: str = "published_q4.log"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def check_current_figures(logged) -> None:
    assert logged.mean_kld == 0.010871 and logged.kld_standard_error == 0.000130
    assert logged.kld_percentiles == {
        "max": 3.601342,
        "99.9": 0.504117,
        "99": 0.092335,
        "95": 0.032719,
        "90": 0.021015,
        "median": 0.005523,
        "10": 0.000087,
        "5": 0.000024,
        "1": 0.000003,
        "0.1": -0.000002,
        "min": -0.000011,
    }
    assert logged.same_top == pytest.approx(0.95113, abs=1e-15)
    assert logged.same_top_standard_error == pytest.approx(0.00135, abs=1e-15)
    delta_p = logged.delta_p
    assert delta_p.mean_delta_p == pytest.approx(-0.00129, abs=1e-15)
    assert delta_p.delta_p_standard_error == pytest.approx(0.00020, abs=1e-15)
    assert delta_p.delta_p_percentiles["max"] == pytest.approx(0.64391, abs=1e-15)
    assert delta_p.delta_p_percentiles["75"] == pytest.approx(0.00235, abs=1e-15)
    assert delta_p.delta_p_percentiles["0.1"] == pytest.approx(-0.26472, abs=1e-15)
    assert delta_p.delta_p_percentiles["min"] == pytest.approx(-0.79601, abs=1e-15)
    assert list(delta_p.delta_p_percentiles) == [
        "max", "99.9", "99", "95", "90", "75", "median", "25", "10", "5", "1", "0.1", "min",
    ]  # fmt: skip
    assert delta_p.rms_delta_p == pytest.approx(0.03207, abs=1e-15)
    assert delta_p.rms_delta_p_standard_error == pytest.approx(0.00047, abs=1e-15)
    figures = logged.perplexity
    assert (figures.ppl, figures.ppl_standard_error) == (6.291567, 0.038100)
    assert (figures.reference_ppl, figures.reference_ppl_standard_error) == (6.252806, 0.037814)
    assert figures.ln_ppl_correlation == pytest.approx(0.9923, abs=1e-15)
    assert (figures.ln_ppl_ratio, figures.ln_ppl_ratio_standard_error) == (0.006180, 0.000744)
    assert (figures.ppl_ratio, figures.ppl_ratio_standard_error) == (1.006199, 0.000749)
    assert (figures.ppl_difference, figures.ppl_difference_standard_error) == (0.038761, 0.004714)


def test_reads_every_figure_of_the_current_statistics_blocks(tmp_path):
    logged = read_llama_log(write(tmp_path, CURRENT))
    assert logged.name == "published_q4"
    check_current_figures(logged)


@pytest.mark.parametrize(
    "prefix",
    [
        "0.01.234.567 I ",  # --log-timestamps --log-prefix
        "[1701234567] ",  # a bracketed time
        "llama_perplexity: ",  # a function's name
        "\x1b[32m",  # colours of a terminal
    ],
)
def test_reads_lines_whatever_a_saved_log_puts_before_them(tmp_path, prefix):
    text = "".join(f"{prefix}{line}\x1b[0m\n" if "\x1b" in prefix else f"{prefix}{line}\n"
                   for line in CURRENT.splitlines())  # fmt: skip
    check_current_figures(read_llama_log(write(tmp_path, text.replace("\n", "\r\n"))))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_reads_a_log_saved_by_windows_powershell(tmp_path, encoding):
    """PowerShell's ``>`` writes UTF-16 with a byte-order mark; Notepad may add a UTF-8 one."""
    path = tmp_path / "q4.log"
    path.write_bytes(CURRENT.replace("\n", "\r\n").encode(encoding))
    check_current_figures(read_llama_log(path))


def test_reads_the_spelling_of_early_2024(tmp_path):
    logged = read_llama_log(write(tmp_path, EARLY_2024))
    assert (logged.mean_kld, logged.kld_standard_error) == (0.010871, 0.000130)
    percentiles = logged.kld_percentiles
    assert list(percentiles) == [
        "max", "99.9", "99", "95", "90", "median", "10", "5", "1", "0.1", "min",
    ]  # fmt: skip
    assert (percentiles["max"], percentiles["99"], percentiles["median"]) == (
        3.601342,
        0.092335,
        0.005523,
    )
    assert (percentiles["10"], percentiles["5"], percentiles["1"], percentiles["min"]) == (
        0.000087,
        0.000024,
        0.000003,
        -0.000011,
    )
    # Not printed by those builds: no figure rather than a made-up one.
    assert math.isnan(percentiles["99.9"]) and math.isnan(percentiles["0.1"])
    assert math.isnan(logged.same_top) and logged.delta_p is None and logged.perplexity is None


def test_a_line_of_another_block_with_the_same_words_is_not_taken(tmp_path):
    """A "Maximum:" outside the KL block (here after it ended) is not the maximum KLD."""
    logged = read_llama_log(write(tmp_path, EARLY_2024 + "Maximum:   99.000000\n"))
    assert logged.kld_percentiles["max"] == 3.601342


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "perplexity: calculating perplexity over 12 chunks\nFinal estimate: PPL = 6.2316\n",
            "published_q4.log: no KL divergence statistics of llama-perplexity --kl-divergence",
        ),
        (
            CURRENT + CURRENT,
            "published_q4.log, line 54: the statistics of two runs (their '====== Perplexity "
            "statistics ======' at lines 7 and 54): save each run's log apart",
        ),
        (
            CURRENT.replace("Median  KLD:", "Median  KLD:   0.1\nMedian  KLD:"),
            "published_q4.log, line 23: 'Median  KLD' is printed twice (lines 22 and 23)",
        ),
        (
            CURRENT.replace("Mean    KLD:   0.010871", "Mean    KLD:       -nan"),
            "published_q4.log: its mean KLD is nan: there is nothing to rank",
        ),
    ],
    ids=["a perplexity run", "two runs", "a figure twice", "no mean"],
)
def test_a_log_without_one_run_of_statistics_is_refused_naming_it(tmp_path, text, message):
    with pytest.raises(FormatError) as raised:
        read_llama_log(write(tmp_path, text))
    assert f"/{message}" in str(raised.value), raised.value
    assert "\n" not in str(raised.value)


def test_a_binary_file_named_like_a_log_is_refused(tmp_path):
    with pytest.raises(FormatError, match=r"q\.log: this is a binary file"):
        read_llama_log(write(tmp_path, "\x00\x01\x02 Mean    KLD: 1 ± 1", "q.log"))


def test_logs_are_told_by_their_extension():
    assert is_log_file("q4.log") and is_log_file("RESULTS.TXT")
    assert not is_log_file("q4.kld") and not is_log_file("q4.npz")


LINES = CURRENT.splitlines(keepends=True)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, len(LINES) - 1), max_size=60),
    st.lists(st.tuples(st.integers(0, 5000), st.characters()), max_size=6),
)
def test_a_damaged_log_is_read_or_refused_with_a_format_error(tmp_path_factory, picked, changes):
    """Lines dropped, repeated or shuffled, characters changed: the statistics or one
    FormatError, never another exception."""
    text = list("".join(LINES[i] for i in picked))
    for position, character in changes:
        if text:
            text[position % len(text)] = character
    path = tmp_path_factory.mktemp("logs") / "q.log"
    path.write_bytes("".join(text).encode("utf-8", errors="surrogatepass"))
    try:
        logged = read_llama_log(path)
    except FormatError as error:
        assert "\n" not in str(error)
    else:
        assert math.isfinite(logged.mean_kld)
