"""File ▸ Open reference and candidates… with tables (CSV, Parquet): the window asks what
they hold, as for .npy files, and a candidate whose samples and classes come in another
order is shown in the reference's order."""

from __future__ import annotations

import numpy as np
import polars as pl
from PySide6.QtWidgets import QInputDialog

from tests.klgui.panels.test_sample_distributions_panel import open_through_the_menu


def test_a_reordered_parquet_candidate_of_a_csv_reference_shows_in_its_order(
    qtbot, window, monkeypatch, tmp_path
):
    rng = np.random.default_rng(8)
    p, q = rng.dirichlet(np.ones(3), 20), rng.dirichlet(np.ones(3), 20)
    ids = [f"s{row}" for row in range(20)]
    pl.DataFrame({"id": ids, "a": p[:, 0], "b": p[:, 1], "c": p[:, 2]}).write_csv(
        tmp_path / "ref.csv"
    )
    candidate = pl.DataFrame({"c": q[:, 2], "id": ids, "a": q[:, 0], "b": q[:, 1]})[::-1]
    candidate.write_parquet(tmp_path / "cand.parquet")
    asked = []

    def choose(*args, **_kwargs):
        asked.append(args[2])
        return args[3][0], True  # probabilities

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    open_through_the_menu(
        qtbot, window, monkeypatch, str(tmp_path / "ref.csv"), [str(tmp_path / "cand.parquet")]
    )
    assert asked == ["The .npy, CSV, TSV and Parquet files hold:"]
    classes, shown_p, shown_q = window.document.sample_distributions.sample("cand", 3)
    assert classes == ("a", "b", "c")
    np.testing.assert_allclose(shown_p, p[3], rtol=1e-15)
    np.testing.assert_allclose(shown_q, q[3], rtol=1e-15)
