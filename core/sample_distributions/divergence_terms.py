"""The per-sample divergences of one block of rows, from float64 P, ln P, Q and ln Q.

For each sample (row), in nats, with 0 · ln 0 = 0:

- KL(P‖Q) = Σ_k p_k (ln p_k − ln q_k): +inf where some p_k > 0 has q_k = 0;
- reverse KL(Q‖P) = Σ_k q_k (ln q_k − ln p_k);
- JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q)/2: finite, ≥ 0 (a rounding below 0 is
  made 0), at most ln 2 for distributions;
- H(P) = −Σ_k p_k ln p_k, and the cross-entropy H(P, Q) = H(P) + KL(P‖Q) (the split is exact
  by construction; KL itself always comes from log-ratio terms, never as CE − H).

With ``skip_below`` (llama.cpp's rule for a .kld reference: −16), the classes whose reference
log-probability is ≤ it are left out of KL, H(P) and H(P, Q) alike (so CE = H + KL still
holds), and nothing is renormalised; reverse KL and JS use every class.

The terms are computed with plain array arithmetic first; a row where that meets 0 · ∞ or
∞ − ∞ (a zero probability on either side) comes out NaN and is computed again with the
0 · ln 0 = 0 rule spelled out, so rows without zeros pay nothing for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

_LN2 = math.log(2.0)


@dataclass
class RowTerms:
    """The divergences of the rows of one block (float64, one value per row), each row's
    KL terms (a view of the workspace: valid until its next use) and the sum of each
    column's KL terms over those rows."""

    kl: np.ndarray
    reverse_kl: np.ndarray
    js: np.ndarray
    entropy: np.ndarray
    terms: np.ndarray
    class_kl: np.ndarray


def row_dots(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Σ_k a_ik b_ik for each row i: a stack of 1×K by K×1 products, twice as fast as a
    product then a sum, with no temporary; each row's sum depends on that row alone."""
    return np.matmul(a[:, None, :], b[:, :, None]).reshape(len(a))


def workspace(rows: int, classes: int) -> np.ndarray:
    """Scratch room for row_terms on up to ``rows`` rows: allocated once per block, not at
    every sub-block (fresh arrays of this size cost page faults)."""
    return np.empty((3, rows, classes))


def row_terms(
    p: np.ndarray,
    log_p: np.ndarray,
    q: np.ndarray,
    log_q: np.ndarray,
    skip_below: float | None = None,
    scratch_room: np.ndarray | None = None,
) -> RowTerms:
    """The divergences of each row of these (rows, K) float64 blocks (see the module);
    ``scratch_room`` is a workspace for at least as many rows (made here if None). The four
    blocks are left as they are."""
    rows, classes = p.shape
    room = workspace(rows, classes) if scratch_room is None else scratch_room[:, :rows]
    difference, terms, log_mixture = room
    with np.errstate(invalid="ignore", divide="ignore"):
        kept = p if skip_below is None else np.where(log_p > skip_below, p, 0.0)
        np.subtract(log_p, log_q, out=difference)
        np.multiply(kept, difference, out=terms)
        kl = terms.sum(axis=1)
        reverse_kl = -row_dots(q, difference)
        entropy = -row_dots(kept, log_p)
        mixture = np.add(p, q, out=difference)  # 2M (the difference is used up)
        np.log(mixture, out=log_mixture)
        log_mixture -= _LN2
        np.subtract(log_p, log_mixture, out=log_mixture)  # ln p − ln m
        # JS = ½ [Σ (p + q)(ln p − ln m) − Σ q (ln p − ln q)]
        js = 0.5 * (row_dots(mixture, log_mixture) + reverse_kl)
    bad = np.isnan(kl) | np.isnan(reverse_kl) | np.isnan(entropy) | np.isnan(js)
    if bad.any():
        at = np.flatnonzero(bad)
        careful = _careful_terms(p[at], log_p[at], q[at], log_q[at], skip_below)
        terms[at], kl[at], reverse_kl[at], js[at], entropy[at] = careful
    np.maximum(js, 0.0, out=js)  # ≥ 0 for any vectors ≥ 0: below it only by rounding
    return RowTerms(kl, reverse_kl, js, entropy, terms, np.ones(rows) @ terms)


def _careful_terms(
    p: np.ndarray,
    log_p: np.ndarray,
    q: np.ndarray,
    log_q: np.ndarray,
    skip_below: float | None,
) -> tuple[np.ndarray, ...]:
    """The terms, KL, reverse KL, JS and H(P) of rows holding zeros, with 0 · ln 0 = 0
    spelled out."""
    with np.errstate(invalid="ignore", divide="ignore"):
        p_counts = p > 0 if skip_below is None else (p > 0) & (log_p > skip_below)
        q_counts = q > 0
        terms = np.where(p_counts, p * (log_p - log_q), 0.0)
        log_mixture = np.log(p + q) - _LN2
        js_terms = np.where(p > 0, p * (log_p - log_mixture), 0.0) + np.where(
            q_counts, q * (log_q - log_mixture), 0.0
        )
        reverse_kl = np.where(q_counts, q * (log_q - log_p), 0.0).sum(axis=1)
        entropy = np.where(p_counts, -p * log_p, 0.0).sum(axis=1)
    return terms, terms.sum(axis=1), reverse_kl, 0.5 * js_terms.sum(axis=1), entropy
