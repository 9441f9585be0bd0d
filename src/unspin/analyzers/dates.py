"""Find and normalise publication dates written the ways news pages write them."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Copied pages glue a date to the words around it ("Shana Nys DambrotNovember 6, 2023",
# "APR. 26, 2022APR. 26, 2022"): a month may start where a lower-case letter meets a capital,
# and a year ends where its digits do.
_WORD_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_PATTERNS = [
    re.compile(rf"{_WORD_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<month_n>[01]\d)-(?P<day_n>[0-3]\d)(?!\d)"),
    re.compile(rf"\b{_YEAR}/(?P<month_n>[01]?\d)/(?P<day_n>[0-3]?\d)\b"),
]


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
    """The first date in text[start:end] as (start, end, 'YYYY-MM-DD'), or None."""
    end = len(text) if end is None else end
    best = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            iso = _iso(match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), match.end(), iso)
                break
    return best


def _iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        month = _MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else int(groups["month_n"])
        day = int(groups["day"] if groups.get("day") else groups["day_n"])
        return date(year, month, day).isoformat()
    except (KeyError, ValueError, TypeError):
        return None


def normalise_date(value: str) -> str | None:
    found = find_date(value)
    return found[2] if found else None
