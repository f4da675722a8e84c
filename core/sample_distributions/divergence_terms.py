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
    """The divergences of the rows of one block (float64, one value per row) and the sum of
    each class's KL terms over those rows."""

    kl: np.ndarray
    reverse_kl: np.ndarray
    js: np.ndarray
    entropy: np.ndarray
    class_kl: np.ndarray


def row_terms(
    p: np.ndarray,
    log_p: np.ndarray,
    q: np.ndarray,
    log_q: np.ndarray,
    skip_below: float | None = None,
) -> RowTerms:
    """The divergences of each row of these (rows, K) float64 blocks (see the module)."""
    ones = np.ones(p.shape[1])
    scratch = np.empty_like(p)

    def row_sums_of_products(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        # a product then a matrix-vector product: twice as fast as einsum("ij,ij->i")
        return np.multiply(a, b, out=scratch) @ ones

    with np.errstate(invalid="ignore", divide="ignore"):
        kept = p if skip_below is None else np.where(log_p > skip_below, p, 0.0)
        difference = log_p - log_q
        terms = kept * difference
        kl = terms @ ones
        reverse_kl = -row_sums_of_products(q, difference)
        entropy = -row_sums_of_products(kept, log_p)
        mixture = np.add(p, q, out=difference)  # 2M (the difference is used up)
        log_mixture = np.log(mixture)
        log_mixture -= _LN2
        np.subtract(log_p, log_mixture, out=log_mixture)  # ln p − ln m
        # JS = ½ [Σ (p + q)(ln p − ln m) − Σ q (ln p − ln q)]
        js = 0.5 * (row_sums_of_products(mixture, log_mixture) + reverse_kl)
    bad = np.isnan(kl) | np.isnan(reverse_kl) | np.isnan(entropy) | np.isnan(js)
    if bad.any():
        rows = np.flatnonzero(bad)
        careful = _careful_terms(p[rows], log_p[rows], q[rows], log_q[rows], skip_below)
        terms[rows], kl[rows], reverse_kl[rows], js[rows], entropy[rows] = careful
    np.maximum(js, 0.0, out=js)  # ≥ 0 for any vectors ≥ 0: below it only by rounding
    return RowTerms(kl, reverse_kl, js, entropy, terms.sum(axis=0))


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
