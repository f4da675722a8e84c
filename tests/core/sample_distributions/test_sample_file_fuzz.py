"""Damaged files of per-sample distributions (.kld, .npy, .npz, CSV: cut, bytes changed,
random bytes) are read and compared or refused with a FormatError: never another exception."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import FormatError
from core.sample_distributions import compare_samples, read_sample_file
from core.sample_distributions.kld_writer import kld_bytes

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_rng = np.random.default_rng(2)
VALID = {
    ".kld": kld_bytes(_rng.integers(0, 5, (2, 8)), _rng.normal(size=(2, 3, 5))),
}
for suffix, save in ((".npy", np.save), (".npz", lambda out, a: np.savez(out, probs=a))):
    stream = io.BytesIO()
    save(stream, _rng.dirichlet(np.ones(5), 6))
    VALID[suffix] = stream.getvalue()
_table = pl.DataFrame(
    {"id": [f"s{i}" for i in range(6)], "label": ["a", "b", "c", "d", "e", "a"]}
    | dict(zip("abcde", _rng.dirichlet(np.ones(5), 6).T, strict=True))
)
VALID[".csv"] = _table.write_csv().encode()
# Not Parquet: polars 2.1 aborts the process (an allocation of 2**61 bytes) on some damaged
# Parquet files, a flaw the prediction files' reader shares; fuzzing it would kill the run.

damages = st.one_of(
    st.tuples(st.just("cut"), st.integers(0, 10_000)),
    st.tuples(
        st.just("flip"),
        st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
    ),
    st.tuples(st.just("random"), st.binary(max_size=300)),
)


def damaged(data: bytes, damage) -> bytes:
    how, what = damage
    if how == "cut":
        return data[: what % (len(data) + 1)]
    if how == "random":
        return what
    changed = bytearray(data)
    for position, value in what:
        changed[position % len(changed)] = value
    return bytes(changed)


@FUZZ
@given(st.sampled_from(sorted(VALID)), damages)
def test_a_damaged_file_is_read_or_refused_with_a_format_error(suffix, damage):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"damaged{suffix}"
        path.write_bytes(damaged(VALID[suffix], damage))
        try:
            sample_set = read_sample_file(path)
            compare_samples(sample_set, [sample_set], resamples=5)
        except FormatError as error:
            assert "\n" not in str(error)
