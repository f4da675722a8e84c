"""Display names and explanations of the measures (user-facing, translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core import INFORMATION_MEASURES


def _tr(text: str) -> str:
    return QCoreApplication.translate("measures", text)


def measure_title(measure: str) -> str:
    return {
        "kl": _tr("KL(P‖Q)"),
        "reverse_kl": _tr("KL(Q‖P)"),
        "cross_entropy": _tr("H(P,Q)"),
        "js_divergence": _tr("JS"),
        "js_distance": _tr("JS distance"),
        "total_variation": _tr("TV"),
        "hellinger": _tr("Hellinger"),
        "bhattacharyya": _tr("Bhattacharyya"),
        "chi_square": _tr("χ²"),
        "wasserstein": _tr("W₁"),
    }[measure]


def measure_long_name(measure: str) -> str:
    return {
        "kl": _tr("KL divergence KL(P‖Q)"),
        "reverse_kl": _tr("Reverse KL divergence KL(Q‖P)"),
        "cross_entropy": _tr("Cross-entropy H(P,Q)"),
        "js_divergence": _tr("Jensen–Shannon divergence"),
        "js_distance": _tr("Jensen–Shannon distance"),
        "total_variation": _tr("Total variation distance"),
        "hellinger": _tr("Hellinger distance"),
        "bhattacharyya": _tr("Bhattacharyya distance"),
        "chi_square": _tr("Pearson χ²(P‖Q)"),
        "wasserstein": _tr("Wasserstein-1 (ordered classes)"),
    }[measure]


def _explanation(measure: str) -> str:
    return {
        "kl": _tr("Σ p·log(p/q): how far the model Q is from the truth P. 0 only when Q = P."),
        "reverse_kl": _tr("Σ q·log(q/p): KL the other way round; KL is not symmetric."),
        "cross_entropy": _tr("−Σ p·log q = H(P) + KL(P‖Q): the loss a classifier is trained on."),
        "js_divergence": _tr("½KL(P‖M) + ½KL(Q‖M) with M = (P+Q)/2: symmetric, at most log 2."),
        "js_distance": _tr("The square root of the JS divergence: a true metric."),
        "total_variation": _tr("½Σ|p − q|: the largest difference in probability of any event."),
        "hellinger": _tr("sqrt(1 − Σ√(p·q)), between 0 and 1."),
        "bhattacharyya": _tr("−ln Σ√(p·q), in nats whatever the base."),
        "chi_square": _tr("Σ (p − q)²/q: infinite where the model gives 0 to a class P has."),
        "wasserstein": _tr("Earth mover's distance when the classes are ordered, one unit apart."),
    }[measure]


def measure_tooltip(measure: str, unit: str) -> str:
    text = f"{measure_long_name(measure)}\n{_explanation(measure)}"
    if measure in INFORMATION_MEASURES and unit:
        text += "\n" + _tr("Unit: %s.") % unit
    return text


def measures_help_html() -> str:
    """Every measure, what it means, as a small HTML table for the Help menu."""
    from core import MEASURES

    rows = "".join(
        f"<tr><td><b>{measure_long_name(m)}</b></td><td>{_explanation(m)}</td></tr>"
        for m in MEASURES
    )
    return (
        f"<table cellpadding='4'>{rows}</table><p>"
        + _tr(
            "Lower is better for every measure. H(P,Q) = H(P) + KL(P‖Q): H(P) is the same for "
            "every model, so ranking by cross-entropy is ranking by KL."
        )
        + "</p>"
    )
