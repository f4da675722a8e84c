"""Numbers typed or pasted into the editor are read by the rule of the files
(core.formats.number_text): a value > 0 as typed is never 0, and a finite one never infinite;
what a double cannot hold is refused, saying so."""

from __future__ import annotations

import pytest

from klgui.tables.distribution_editor import DistributionEditor
from klgui.text.value_parsing import ValueParseError, parse_value

TOO_SMALL = "is too small for a double (below 4.9e-324): it would be read as 0"
TOO_LARGE = "is too large for a double (above 1.8e308)"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("1e-400", f"'1e-400' {TOO_SMALL}"),
        ("1e-323%", f"'1e-323%' {TOO_SMALL}"),  # a percentage below the smallest double
        ("1e-200/1e200", f"'1e-200/1e200' {TOO_SMALL}"),
        ("1/1e400", f"'1e400' {TOO_LARGE}"),  # 1e400 would be infinity, and 1/it 0
        ("1e400", f"'1e400' {TOO_LARGE}"),
        ("1e200/1e-200", f"'1e200/1e-200' {TOO_LARGE}"),
        ("0." + "0" * 400 + "1", f"'0.000000000000000000…0000000000000000001' {TOO_SMALL}"),
    ],
)
def test_a_number_a_double_cannot_hold_is_refused(typed, says):
    with pytest.raises(ValueParseError) as caught:
        parse_value(typed)
    assert str(caught.value) == says


@pytest.mark.parametrize(
    ("typed", "value"),
    [("0", 0.0), ("0e-999", 0.0), ("0/5", 0.0), ("4.9e-324", 5e-324), ("1e-321%", 1e-321 / 100)],
)
def test_zero_and_the_smallest_doubles_are_read_as_they_are(typed, value):
    assert parse_value(typed) == value


def test_infinity_typed_as_such_is_kept_for_the_cell_to_show(qtbot):
    assert parse_value("inf") == float("inf") and parse_value("-inf%") == float("-inf")
    assert parse_value("1/inf") == 0.0  # a number divided by infinity is 0 indeed


def test_typing_a_number_too_small_for_a_double_changes_nothing(qtbot, document):
    editor = DistributionEditor(document)
    qtbot.addWidget(editor)
    start = document.workspace
    with qtbot.waitSignal(editor.message) as signal:
        assert not editor.model.setData(editor.model.index(2, 2), "1e-400")
    assert f"'1e-400' {TOO_SMALL}" in signal.args[0]
    assert document.workspace == start


def test_a_thousands_comma_is_refused_not_misread():
    with pytest.raises(ValueParseError, match="ambiguous"):
        parse_value("1,000")
    assert parse_value("0,125") == 0.125 and parse_value("2,5") == 2.5
