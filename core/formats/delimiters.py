"""Which character separates the fields of a text table, and the decimal comma: one rule for
every reader of delimited text (distribution tables, prediction files, and the detection that
tells them apart).

The header line decides the delimiter: the one of tab, ';' and ',' that it holds most often
outside quoted fields; a tie goes to a tab, then ';', then ',' (a tab or ';' is deliberate,
a ',' may be part of a name). With a tab or ';' delimiter a number may be written with a
decimal comma, as spreadsheets in many locales write it ("0,25"): a comma cannot be the
delimiter there.
"""

from __future__ import annotations

import re

#: In order of preference when the header holds as many of one as of another.
DELIMITERS = ("\t", ";", ",")
#: How messages name each delimiter.
DELIMITER_NAMES = {"\t": "tab", ";": "';'", ",": "','"}

_QUOTED = re.compile(r'"[^"]*"')  # a quoted field (a doubled quote inside is two of these)


def sniff_delimiter(header: str) -> str | None:
    """The delimiter of a table whose header line is ``header``, by the rule above; None
    when it holds none of them."""
    unquoted = _QUOTED.sub("", header)
    counts = [unquoted.count(delimiter) for delimiter in DELIMITERS]
    most = max(counts)
    return DELIMITERS[counts.index(most)] if most else None


def allows_decimal_comma(delimiter: str) -> bool:
    """Whether numbers in a table with this delimiter may have a decimal comma."""
    return delimiter != ","


def with_decimal_point(cell: str, delimiter: str) -> str:
    """The cell's text with a decimal comma written as a point ("0,25" → "0.25") where the
    delimiter allows one and the cell holds one comma and no point; otherwise as it is."""
    if allows_decimal_comma(delimiter) and cell.count(",") == 1 and "." not in cell:
        return cell.replace(",", ".")
    return cell
