"""Display names and explanations of the measures (user-facing, translatable).

The texts are marked with QT_TRANSLATE_NOOP (so pyside6-lupdate finds them, in the context
"measures") and translated when they are looked up.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core import INFORMATION_MEASURES, Smoothing


def _tr(text: str) -> str:
    return QCoreApplication.translate("measures", text)


_TITLES = {
    "kl": QT_TRANSLATE_NOOP("measures", "KL(P‖Q)"),
    "reverse_kl": QT_TRANSLATE_NOOP("measures", "KL(Q‖P)"),
    "cross_entropy": QT_TRANSLATE_NOOP("measures", "H(P,Q)"),
    "js_divergence": QT_TRANSLATE_NOOP("measures", "JS"),
    "js_distance": QT_TRANSLATE_NOOP("measures", "JS distance"),
    "total_variation": QT_TRANSLATE_NOOP("measures", "TV"),
    "hellinger": QT_TRANSLATE_NOOP("measures", "Hellinger"),
    "bhattacharyya": QT_TRANSLATE_NOOP("measures", "Bhattacharyya"),
    "chi_square": QT_TRANSLATE_NOOP("measures", "χ²"),
    "wasserstein": QT_TRANSLATE_NOOP("measures", "W₁"),
}

_LONG_NAMES = {
    "kl": QT_TRANSLATE_NOOP("measures", "KL divergence KL(P‖Q)"),
    "reverse_kl": QT_TRANSLATE_NOOP("measures", "Reverse KL divergence KL(Q‖P)"),
    "cross_entropy": QT_TRANSLATE_NOOP("measures", "Cross-entropy H(P,Q)"),
    "js_divergence": QT_TRANSLATE_NOOP("measures", "Jensen–Shannon divergence"),
    "js_distance": QT_TRANSLATE_NOOP("measures", "Jensen–Shannon distance"),
    "total_variation": QT_TRANSLATE_NOOP("measures", "Total variation distance"),
    "hellinger": QT_TRANSLATE_NOOP("measures", "Hellinger distance"),
    "bhattacharyya": QT_TRANSLATE_NOOP("measures", "Bhattacharyya distance"),
    "chi_square": QT_TRANSLATE_NOOP("measures", "Pearson χ²(P‖Q)"),
    "wasserstein": QT_TRANSLATE_NOOP("measures", "Wasserstein-1 (ordered classes)"),
}

_EXPLANATIONS = {
    "kl": QT_TRANSLATE_NOOP(
        "measures", "Σ p·log(p/q): how far the model Q is from the truth P. 0 only when Q = P."
    ),
    "reverse_kl": QT_TRANSLATE_NOOP(
        "measures", "Σ q·log(q/p): KL the other way round; KL is not symmetric."
    ),
    "cross_entropy": QT_TRANSLATE_NOOP(
        "measures", "−Σ p·log q = H(P) + KL(P‖Q): the loss a classifier is trained on."
    ),
    "js_divergence": QT_TRANSLATE_NOOP(
        "measures", "½KL(P‖M) + ½KL(Q‖M) with M = (P+Q)/2: symmetric, at most log 2."
    ),
    "js_distance": QT_TRANSLATE_NOOP(
        "measures", "The square root of the JS divergence: a true metric."
    ),
    "total_variation": QT_TRANSLATE_NOOP(
        "measures", "½Σ|p − q|: the largest difference in probability of any event."
    ),
    "hellinger": QT_TRANSLATE_NOOP("measures", "sqrt(1 − Σ√(p·q)), between 0 and 1."),
    "bhattacharyya": QT_TRANSLATE_NOOP("measures", "−ln Σ√(p·q), in nats whatever the base."),
    "chi_square": QT_TRANSLATE_NOOP(
        "measures", "Σ (p − q)²/q: infinite where the model gives 0 to a class P has."
    ),
    "wasserstein": QT_TRANSLATE_NOOP(
        "measures", "Earth mover's distance when the classes are ordered, one unit apart."
    ),
}


def measure_title(measure: str) -> str:
    return _tr(_TITLES[measure])


def measure_long_name(measure: str) -> str:
    return _tr(_LONG_NAMES[measure])


def _explanation(measure: str) -> str:
    return _tr(_EXPLANATIONS[measure])


def measure_tooltip(measure: str, unit: str) -> str:
    text = f"{measure_long_name(measure)}\n{_explanation(measure)}"
    if measure in INFORMATION_MEASURES and unit:
        text += "\n" + QCoreApplication.translate("measures", "Unit: %s.") % unit
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
        + QCoreApplication.translate(
            "measures",
            "Lower is better for every measure. H(P,Q) = H(P) + KL(P‖Q): H(P) is the same for "
            "every model, so ranking by cross-entropy is ranking by KL.",
        )
        + "</p>"
    )


def describe_smoothing(smoothing: Smoothing) -> str:
    """The smoothing in the interface language (``Smoothing.describe`` is the English of the
    command-line report); in English the two read the same."""
    if not smoothing.is_active:
        return QCoreApplication.translate("smoothing", "none")
    if smoothing.method == "epsilon":
        return (
            QCoreApplication.translate("smoothing", "additive ε = %s on probabilities")
            % f"{smoothing.amount:g}"
        )
    return QCoreApplication.translate("smoothing", "add-k, k = %s, on counts") % (
        f"{smoothing.amount:g}"
    )
