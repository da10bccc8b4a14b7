"""Publication dates as pages write them: "2021-06-17", "June 17, 2021", "Sept. 16, 2020",
"18 December 2021", "Thursday, June 17, 2021 10:32 a.m. EDT", "2021-06-17T10:00:00Z".

Only unambiguous forms are read: "06/07/2021" is June 7 in one country and July 6 in
another, and a wrong date misplaces every event resolved against it; "13/06/2024" can only be
13 June. The compact ISO form "20250214" is read too.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATE_FORMS = [
    re.compile(rf"{_YEAR}[-/.](?P<num>\d{{1,2}})[-/.]{_DAY}(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)(?P<num>[01]\d)(?P<day>[0-3]\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>\d{4})"),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.I),
]
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
# Words that introduce a date on its own line: "Published: June 17, 2021".
_LABEL = r"(?:(?:published|updated|posted|last\s+updated|first\s+published|modified|date(?:d)?|filed)\b\s*(?:on\s+)?:?\s*)?"
# What may follow a date on its own line: a clock time and a time zone.
_TIME = r"(?:\s*(?:[,|·•–—-]|\bat\b)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")


def _to_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    if parts.get("first"):  # day and month in an order that only a number above 12 gives away
        first, second = int(parts["first"]), int(parts["second"])
        if (first > 12) == (second > 12) and first != second:
            return None
        parts["day"], parts["num"] = (str(first), str(second)) if first > 12 else (str(second), str(first))
    month = int(parts["num"]) if parts.get("num") else MONTHS[parts["month"][:3].lower()]
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:  # "2021-02-30": a date-shaped typo is no date
        return None


def parse_date(text: str) -> date | None:
    """The date that `text` is, in full (a clock time may follow), or None."""
    text = re.sub(rf"^\s*{_WEEKDAY}", "", text.strip(), flags=re.I)
    for form in _DATE_FORMS:
        match = form.match(text)
        if match and re.fullmatch(_TIME + r"\s*\.?", text[match.end() :], flags=re.I):
            return _to_date(match)
    return None


def date_line(text: str) -> date | None:
    """The date of a line that is only a date, perhaps labelled ("Updated: ...") and timed."""
    if len(text) > 80:  # a sentence that mentions a date is not a date line
        return None
    return parse_date(re.sub(rf"^\s*{_LABEL}", "", text, flags=re.I))


def date_in_file_name(name: str) -> date | None:
    """The date in a file name such as "geneva-summit-2021-06-17.txt"."""
    for match in _FILE_NAME_DATE.finditer(name):
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            continue
    return None
