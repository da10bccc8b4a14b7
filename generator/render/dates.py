"""Dates as readers read them, at the precision the sources give: "2019", "July 2019",
"Mon 10 Jan 2022". Dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD) throughout the model."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=1 << 14)  # a briefing has few distinct dates, each shown on many pages
def parse(iso: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO prefix, None where it is absent or not a real date."""
    match = _ISO.match(iso or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def precision(iso: str | None) -> str | None:
    parts = parse(iso)
    if parts is None:
        return None
    return "day" if parts[2] else "month" if parts[1] else "year"


@lru_cache(maxsize=1 << 14)
def long_date(iso: str | None) -> str:
    """"Mon 10 Jan 2022", "July 2019", "2019"; the text as given when it is not ISO."""
    parts = parse(iso)
    if parts is None:
        return iso or ""
    year, month, day = parts
    if day:
        return f"{WEEKDAYS[date(year, month, day).weekday()]} {day} {MONTHS[month - 1][:3]} {year}"
    if month:
        return f"{MONTHS[month - 1]} {year}"
    return str(year)


def short_date(iso: str | None) -> str:
    """"10 Jan 2022", "Jul 2019", "2019": for table cells."""
    parts = parse(iso)
    if parts is None:
        return iso or ""
    year, month, day = parts
    if day:
        return f"{day} {MONTHS[month - 1][:3]} {year}"
    if month:
        return f"{MONTHS[month - 1][:3]} {year}"
    return str(year)


def month_heading(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


@lru_cache(maxsize=1 << 14)
def sort_key(iso: str | None) -> tuple[int, int, int, int]:
    """Chronological order; a coarser date sorts before the finer dates inside it
    ("2022" before "January 2022" before "10 Jan 2022"); undated last."""
    parts = parse(iso)
    if parts is None:
        return (1, 0, 0, 0)
    year, month, day = parts
    return (0, year, month or 0, day or 0)
