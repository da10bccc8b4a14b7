"""Date expressions: find them in a sentence and place them on the calendar.

Two layers:

* `resolve_expression` is pure (no spaCy): the words, the document's publication date (the
  *anchor*), the tense of the governing verb and the date mentioned just before give a
  `DateValue`, or None when the words name a duration or something vague rather than a
  calendar time ("31 years", "for decades", "recently", "the coming weeks", "18th-century").
* `find_dates` finds the expressions in a parsed sentence (the model's DATE/TIME entities plus
  patterns the small model misses), reads the tense from the syntax, and resolves them,
  threading the previous date through the sentence.

How an expression is placed:

* Explicit dates keep exactly what they say: "Sept. 16, 2020" is a day, "July 2019" a month,
  "2008" or "the 1987 treaty" a year, "mid-2021" and "early 2026" the year (edges like
  "early", "the end of" never invent precision), "the 1990s" a ten-year span, "from 2014 to
  2016" a span from the start of the first to the end of the last.
* Recurring names without a year (weekdays, months, "June 7", seasons, "the weekend",
  Christmas) pick the occurrence that fits the tense of the verb:
    past    -> the latest one that starts on or before the anchor ("told reporters on
               Saturday" in a Saturday paper is the anchor itself);
    future  -> the earliest one that ends on or after the anchor ("will meet on Monday");
    present or unknown -> the occurrence nearest the anchor.
  "last X" / "previous X" is the latest one that ended before the anchor, "next X" /
  "coming X" the earliest one that starts after it.
* Deictic units count from the anchor: "last month", "next week", "this year", "13 months
  ago", "in two weeks". Weeks run Monday to Sunday and are a span of days (precision "day"),
  so `DateValue.iso` falls back to the month or the year that holds the whole week.
* Anaphoric expressions count from the date mentioned just before (the anchor when there is
  none): "the following day", "a week later", "the next month", "that day", "the day
  before". When that date is only a month or a year, the result keeps that precision ("in
  May ... the following day" is May).
* Spun synonyms are read through: "subsequent", "following", "coming", "upcoming" mean next;
  "final", "previous", "past", "prior" mean last; "12 months" after such a word means a year
  ("final 12 months" is "last year"). With an article, "the past/last N units" and "the past
  week" are durations, not dates.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..model import DateMention, DateValue, Extraction

if TYPE_CHECKING:  # the resolver itself runs without spaCy
    from spacy.tokens import Span, Token

    from .context import DocumentText

# --------------------------------------------------------------------------- vocabulary

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_PREFIXES = [m[:3] for m in MONTHS]  # every spelling of a month or weekday starts so
WEEKDAY_PREFIXES = [w[:3] for w in WEEKDAYS]
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}  # northern hemisphere
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new years day": (1, 1), "new years eve": (12, 31)}

NEXT_WORDS = ("next", "following", "subsequent", "succeeding", "coming", "upcoming")
LAST_WORDS = ("last", "final", "previous", "past", "prior", "preceding")
# With an article these point from the date just mentioned ("the following day"); the rest
# point from the anchor ("the coming week"), or, for past/last/final, name a duration.
ANAPHORIC_NEXT = ("following", "next", "subsequent", "succeeding")
ANAPHORIC_LAST = ("previous", "prior", "preceding")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}
# Spinners swap a unit for its length in the next smaller unit ("last year" -> "final 12 months").
UNIT_SYNONYMS = {"12 months": "year", "twelve months": "year", "7 days": "week", "seven days": "week"}

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}

# --------------------------------------------------------------------------- regex pieces
# The resolver matches whole, normalised (lower-case, plain punctuation) expressions.

_MONTH_NAME = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH = rf"(?P<month>{_MONTH_NAME})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_YEAR_SPEC = rf"(?:,?\s+(?:of\s+)?(?:{_YEAR}|(?P<yrel>this|next|last|coming|following|previous|past)\s+year))?"
_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun"
_MOD = r"this\s+coming|this\s+past|this|same|" + "|".join(NEXT_WORDS + LAST_WORDS)
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|12\s+months|twelve\s+months|7\s+days|seven\s+days)"
_NUM = r"(?P<num>\d{1,4}|" + "|".join(NUMBER_WORDS) + ")"
_NAMES = (
    rf"(?P<name>{_WEEKDAY}|{_MONTH_NAME}|weekend|spring|summer|autumn|fall|winter"
    r"|christmas(?:\s+day|\s+eve)?|new\s+year'?s\s+(?:day|eve))\.?"
)

# --------------------------------------------------------------------------- spans of days


@dataclass(frozen=True)
class _Span:
    """A period of whole days, [start, end] inclusive, and the precision it was named with."""

    start: date
    end: date
    precision: str

    def value(self) -> DateValue:
        return DateValue(self.start.isoformat(), self.end.isoformat(), self.precision)


def _coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def _add(day: date, n: int, unit: str) -> date:
    """`day` moved by n units; a month or year move keeps the day of the month where it can."""
    if unit in ("day", "week"):
        return day + timedelta(days=n * (7 if unit == "week" else 1))
    years, month = divmod(day.month - 1 + n * (12 if unit == "year" else 1), 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _period(unit: str, day: date) -> _Span:
    """The calendar `unit` (day, week, weekend, month, year) that holds `day`."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return _Span(monday, monday + timedelta(days=6), "day")
    if unit == "weekend":
        saturday = day - timedelta(days=day.weekday()) + timedelta(days=5)
        return _Span(saturday, saturday + timedelta(days=1), "day")
    if unit == "month":
        return _Span(day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1]), "month")
    if unit == "year":
        return _Span(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return _Span(day, day, "day")


def _shifted(reference: _Span, n: int, unit: str, snap: str) -> _Span:
    """The `snap` period n units away from `reference`.

    From a day or a week this is exact ("the following day", "the next week"). When the
    reference is coarser than the step ("in May ... the following day", "in 2019 ... a month
    later") the day is unknown, so the result keeps the reference's precision and is the
    period that holds the shifted middle of the reference: the likeliest one (May, 2019)."""
    if PRECISION_RANK[reference.precision] > PRECISION_RANK[_period(snap, reference.start).precision]:
        middle = reference.start + (reference.end - reference.start) / 2
        return _period(reference.precision, _add(middle, n, unit))
    first = _period(snap, _add(reference.start, n, unit))
    last = _period(snap, _add(reference.end, n, unit))
    return _Span(first.start, last.end, _coarser(first.precision, reference.precision))


# --------------------------------------------------------------------------- recurring names

# The k-th occurrence of a recurring name around a reference day (k = 0 is the one in the
# reference's own week or year), or None where it does not exist (Feb 29 in 2021).
Occurrence = Callable[[date, int], "_Span | None"]


def _weekday(number: int) -> Occurrence:
    return lambda ref, k: _period("day", ref - timedelta(days=ref.weekday() - number - 7 * k))


def _weekend(ref: date, k: int) -> _Span:
    return _period("weekend", ref + timedelta(days=7 * k))


def _month(number: int) -> Occurrence:
    return lambda ref, k: _period("month", date(ref.year + k, number, 1))


def _month_day(month: int, day: int) -> Occurrence:
    def occurrence(ref: date, k: int) -> _Span | None:
        return _day(ref.year + k, month, day)

    return occurrence


def _season(first: int, last: int) -> Occurrence:
    def occurrence(ref: date, k: int) -> _Span:
        start = date(ref.year + k, first, 1)
        end_year = start.year + (1 if last < first else 0)
        return _Span(start, date(end_year, last, monthrange(end_year, last)[1]), "month")

    return occurrence


def _day(year: int, month: int, day: int) -> _Span | None:
    if not (1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]):
        return None
    return _period("day", date(year, month, day))


def _occurrence_of(name: str) -> Occurrence | None:
    name = re.sub(r"\s+", " ", name.replace("'", "").rstrip("."))
    if name == "weekend":
        return _weekend
    if name in SEASONS:
        return _season(*SEASONS[name])
    if name in HOLIDAYS:
        return _month_day(*HOLIDAYS[name])
    if name[:3] in WEEKDAY_PREFIXES:
        return _weekday(WEEKDAY_PREFIXES.index(name[:3]))
    if name[:3] in MONTH_PREFIXES:
        return _month(_month_number(name))
    return None


def _month_number(word: str) -> int:
    return MONTH_PREFIXES.index(word[:3]) + 1


def _distance(span: _Span, ref: _Span) -> int:
    return max((span.start - ref.end).days, (ref.start - span.end).days, 0)


# How a mode chooses among the occurrences around the reference.
_CHOOSERS: dict[str, Callable[[list[_Span], _Span], "_Span | None"]] = {
    "past": lambda spans, ref: max((s for s in spans if s.start <= ref.end), key=lambda s: s.start, default=None),
    "future": lambda spans, ref: min((s for s in spans if s.end >= ref.start), key=lambda s: s.start, default=None),
    "before": lambda spans, ref: max((s for s in spans if s.end < ref.start), key=lambda s: s.start, default=None),
    "after": lambda spans, ref: min((s for s in spans if s.start > ref.end), key=lambda s: s.start, default=None),
    # the closest occurrence; of two equally close, the earlier (news mostly reports)
    "nearest": lambda spans, ref: min(spans, key=lambda s: (_distance(s, ref), s.start), default=None),
}


def _pick(occurrence: Occurrence, ref: _Span, mode: str) -> _Span | None:
    # Eight steps either way reach a leap day from any year.
    spans = [s for k in range(-8, 9) if (s := occurrence(ref.start, k)) is not None]
    return _CHOOSERS[mode](spans, ref)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Context:
    anchor: date
    tense: str | None
    previous: _Span | None

    @property
    def today(self) -> _Span:
        return _period("day", self.anchor)

    @property
    def reference(self) -> _Span:
        """What anaphoric words count from: the date just mentioned, else the anchor."""
        return self.previous or self.today

    @property
    def mode(self) -> str:
        """How the tense chooses among occurrences of a recurring name (see the module doc)."""
        return {"past": "past", "future": "future"}.get(self.tense or "", "nearest")


def _span_of(value: DateValue | None) -> _Span | None:
    if value is None:
        return None
    try:
        return _Span(date.fromisoformat(value.start), date.fromisoformat(value.end), value.precision)
    except (TypeError, ValueError):
        return None


def _unit_name(words: str) -> str:
    words = _squash(words)
    return UNIT_SYNONYMS.get(words, words.rstrip("s"))


def _number(word: str) -> int:
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


# --------------------------------------------------------------------------- calendar parts


@dataclass(frozen=True)
class _Parts:
    """An explicit calendar date as written, with what it leaves out set to None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    number: int | None = None  # a bare number, meaningful only inside a range ("June 7-9")


_PART_PATTERNS = [
    re.compile(rf"(?:the\s+)?{_MONTH}\s+{_DAY}{_YEAR_SPEC}", re.ASCII),
    re.compile(rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR_SPEC}", re.ASCII),
    re.compile(rf"(?:the\s+)?{_MONTH}{_YEAR_SPEC}", re.ASCII),
    re.compile(rf"(?:the\s+)?(?:year\s+)?{_YEAR}", re.ASCII),
    re.compile(rf"(?P<number>\d{{1,2}})(?:,?\s+{_YEAR})?", re.ASCII),  # one end of "June 7-9, 2021"
]


def _parts(text: str, context: _Context) -> _Parts | None:
    for pattern in _PART_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            found = match.groupdict()
            year = int(found["year"]) if found.get("year") else None
            if found.get("yrel"):
                year = context.anchor.year + (1 if found["yrel"] in NEXT_WORDS else -1 if found["yrel"] in LAST_WORDS else 0)
            return _Parts(
                year=year,
                month=_month_number(found["month"]) if found.get("month") else None,
                day=int(found["day"]) if found.get("day") else None,
                number=int(found["number"]) if found.get("number") else None,
            )
    return None


def _resolve_parts(parts: _Parts, context: _Context) -> _Span | None:
    """Place explicit parts; a month or a month and day without a year follows the tense."""
    if parts.number is not None:
        return None
    if parts.year is not None:
        if parts.year < 1000:
            return None
        if parts.month is None:
            return _period("year", date(parts.year, 1, 1))
        if parts.day is None:
            return _period("month", date(parts.year, parts.month, 1))
        return _day(parts.year, parts.month, parts.day)
    if parts.month is None:
        return None
    occurrence = _month_day(parts.month, parts.day) if parts.day else _month(parts.month)
    return _pick(occurrence, context.today, context.mode)


def _complete_range(first: _Parts, last: _Parts) -> tuple[_Parts, _Parts] | None:
    """Give a bare number at one end of a range its meaning from the other end: a day ("June
    7-9", "7-9 June 2021") or the last two digits of a year ("2014-16")."""
    if last.number is not None:
        if first.day is not None:
            return first, _Parts(last.year or first.year, first.month, last.number)
        if first.year is not None and first.month is None and last.year is None:
            year = first.year - first.year % 100 + last.number
            return first, _Parts(year + (100 if year <= first.year else 0))
        return None
    if first.number is not None:
        return (_Parts(last.year, last.month, first.number), last) if last.day is not None else None
    return first, last


# --------------------------------------------------------------------------- rules

Handler = Callable[[re.Match[str], _Context], "_Span | None"]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    """Register a handler for expressions that match `pattern` whole (rules run in order)."""

    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern, re.ASCII), handler))
        return handler

    return register


@_rule(rf"{_YEAR}[-/](?P<month>\d{{1,2}})[-/](?P<day>\d{{1,2}})(?:t[\d:.]+z?)?")
def _iso_date(m: re.Match[str], context: _Context) -> _Span | None:
    return _day(int(m["year"]), int(m["month"]), int(m["day"]))


@_rule(rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}")
def _numeric_date(m: re.Match[str], context: _Context) -> _Span | None:
    """6/17/2021 or 17/6/2021; 6/7/2021 could be either, so it is not placed."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a > 12 >= b:
        return _day(year, b, a)
    if b > 12 >= a or a == b:
        return _day(year, a, b)
    return None


@_rule(rf"{_YEAR}-(?P<month>\d{{2}})")
def _iso_month(m: re.Match[str], context: _Context) -> _Span | None:
    """2021-06 is June 2021, but 2014-16 is a range of years (the range rule takes it)."""
    year, month = int(m["year"]), int(m["month"])
    if 1 <= month <= 12 and month <= year % 100 and year >= 1000:
        return _period("month", date(year, month, 1))
    return None


@_rule(r"(?:between\s+|from\s+)?(?P<a>.+?)(?:\s*-\s*|\s+(?:to|through|thru|until|till|and)\s+)(?P<b>.+)")
def _range(m: re.Match[str], context: _Context) -> _Span | None:
    """From the start of the first end to the end of the last: "2014-2016", "between May and
    July 2021", "June 7-9", "from Monday to Wednesday"."""
    first_parts, last_parts = _parts(m["a"], context), _parts(m["b"], context)
    if first_parts and last_parts:
        first, last = _calendar_range(first_parts, last_parts, context)
    else:
        first, last = _resolve(m["a"], context, ranges=False), _resolve(m["b"], context, ranges=False)
        if first is not None and last is not None and last.start < first.start:
            # "from Friday to Monday": the last end is the first such day after the first end
            last = _resolve(m["b"], replace(context, anchor=first.start, tense="future"), ranges=False)
    if first is None or last is None or last.end < first.start:
        return None
    return _Span(first.start, last.end, _coarser(first.precision, last.precision))


def _calendar_range(first: _Parts, last: _Parts, context: _Context) -> tuple[_Span | None, _Span | None]:
    """Each end of an explicit range lends the other what it leaves out; a year that is
    missing on both follows the tense, and an end stays after the start."""
    completed = _complete_range(first, last)
    if completed is None:
        return None, None
    first, last = completed
    if first.year is None and last.year is not None:  # "May to July 2021"
        end = _resolve_parts(last, context)
        start = _resolve_parts(replace(first, year=last.year), context)
        if start is not None and end is not None and start.start > end.end:  # "December to February 2021"
            start = _resolve_parts(replace(first, year=last.year - 1), context)
        return start, end
    start = _resolve_parts(first, context)
    if start is None or last.year is not None:
        return start, _resolve_parts(last, context)
    end = _resolve_parts(replace(last, year=start.start.year), context)  # "June 7-9", "May to July"
    if end is not None and end.end < start.start:  # "December to February"
        end = _resolve_parts(replace(last, year=start.start.year + 1), context)
    return start, end


@_rule(rf"(?:the\s+)?(?:year\s+)?{_YEAR}")
def _year(m: re.Match[str], context: _Context) -> _Span | None:
    year = int(m["year"])
    return _period("year", date(year, 1, 1)) if year >= 1000 else None


@_rule(r"(?:the\s+)?(?:(?P<decade>\d{3}0)|'(?P<short>\d)0)'?s")
def _decade(m: re.Match[str], context: _Context) -> _Span | None:
    """The 1990s: ten years; "the '90s" is the latest such decade that has begun. "The
    1800s" is a century more often than a decade, so it spans the hundred years (which hold
    the decade too)."""
    if m["decade"]:
        start = int(m["decade"])
    else:
        start = context.anchor.year // 100 * 100 + int(m["short"]) * 10
        start -= 100 if start > context.anchor.year else 0
    if start < 1000:
        return None
    length = 100 if start % 100 == 0 else 10
    return _Span(date(start, 1, 1), date(start + length - 1, 12, 31), "year")


@_rule(rf"(?:{_WEEKDAY})\.?,?\s+(?P<rest>.+)")
def _weekday_and_date(m: re.Match[str], context: _Context) -> _Span | None:
    """"Monday, Jan. 10": the date says it all."""
    parts = _parts(m["rest"], context)
    return _resolve_parts(parts, context) if parts else None


@_rule(rf"(?:the\s+)?{_MONTH}\s+{_DAY}{_YEAR_SPEC}")
@_rule(rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR_SPEC}")
@_rule(rf"(?:the\s+)?{_MONTH}{_YEAR_SPEC}")
def _calendar(m: re.Match[str], context: _Context) -> _Span | None:
    parts = _parts(m[0], context)
    return _resolve_parts(parts, context) if parts else None


@_rule(rf"(?:(?P<article>the)\s+)?(?:(?P<mod>{_MOD})\s+)?{_NAMES}")
def _recurring(m: re.Match[str], context: _Context) -> _Span | None:
    """Monday, last Thursday, next May, this weekend, the following Friday, last summer."""
    occurrence = _occurrence_of(m["name"])
    mod = _squash(m["mod"] or "")
    if occurrence is None or mod == "same":
        return None
    if mod in ("", "this"):
        return _pick(occurrence, context.today, context.mode)
    if m["article"] and mod in ANAPHORIC_NEXT + ANAPHORIC_LAST:
        return _pick(occurrence, context.reference, "after" if mod in ANAPHORIC_NEXT else "before")
    after = mod == "this coming" or mod in NEXT_WORDS
    return _pick(occurrence, context.today, "after" if after else "before")


@_rule(rf"(?P<weekday>{_WEEKDAY})\.?,?\s+(?:of\s+)?(?P<mod>this|next|last|{'|'.join(NEXT_WORDS + LAST_WORDS)})\s+week")
def _weekday_of_week(m: re.Match[str], context: _Context) -> _Span | None:
    """"Monday next week": that weekday inside the named week."""
    week = _period("week", _add(context.anchor, _direction(m["mod"]), "week"))
    return _weekday(WEEKDAY_PREFIXES.index(m["weekday"][:3]))(week.start, 0)


@_rule(rf"(?:the\s+)?(?P<season>{'|'.join(SEASONS)})\s+(?:of\s+)?{_YEAR}")
def _season_of_year(m: re.Match[str], context: _Context) -> _Span | None:
    return _season(*SEASONS[m["season"]])(date(int(m["year"]), 1, 1), 0) if int(m["year"]) >= 1000 else None


_DAYS_FROM_ANCHOR = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "last evening": -1, "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}


@_rule("|".join(re.escape(words) for words in _DAYS_FROM_ANCHOR))
def _deictic_day(m: re.Match[str], context: _Context) -> _Span | None:
    return _period("day", _add(context.anchor, _DAYS_FROM_ANCHOR[m[0]], "day"))


@_rule(rf"(?:(?P<article>the)\s+)?(?P<mod>{_MOD})\s+{_UNIT}")
def _unit(m: re.Match[str], context: _Context) -> _Span | None:
    """next week, last month, this year, final 12 months, the following day, the previous year."""
    words, mod = _squash(m["unit"]), _squash(m["mod"])
    if words.endswith("s") and words not in UNIT_SYNONYMS:
        return None  # "the coming weeks", "the past days": a vague stretch of time
    if words in UNIT_SYNONYMS and m["article"]:
        return None  # "the past 12 months": a duration
    unit = _unit_name(words)
    reference = _unit_reference(mod, bool(m["article"]), unit, context)
    return _shifted(reference, _direction(mod), unit, unit) if reference else None


def _unit_reference(mod: str, article: bool, unit: str, context: _Context) -> _Span | None:
    """What a unit counts from: the date just mentioned for "the following week", "the same
    day", "next day"; the anchor for "next week", "the coming month"; nothing for "the past
    week" (a duration) or "this day"."""
    anaphoric = ANAPHORIC_NEXT + ANAPHORIC_LAST
    if mod == "same" or (mod in anaphoric and (article or unit == "day")):
        return context.reference
    if unit == "day" or (article and mod not in ("coming", "upcoming", "this coming")):
        return None
    return context.today


def _direction(mod: str) -> int:
    if mod == "this coming" or mod in NEXT_WORDS:
        return 1
    if mod == "this past" or mod in LAST_WORDS:
        return -1
    return 0


def _squash(words: str) -> str:
    return re.sub(r"\s+", " ", words)


@_rule(r"(?P<determiner>that|the)\s+(?P<unit>day|week|month|year)")
def _that_unit(m: re.Match[str], context: _Context) -> _Span | None:
    """"that month" is the month of the date just mentioned; so is "the month" in a past
    account ("in March ... by the end of the month"), while a plan ("will vote by the end of
    the year") means the anchor's. "the day" alone names no day."""
    unit = m["unit"]
    if m["determiner"] == "the" and unit == "day":
        return None
    looking_ahead = m["determiner"] == "the" and context.tense in ("present", "future")
    return _shifted(context.today if looking_ahead else context.reference, 0, unit, unit)


@_rule(r"the\s+(?P<unit>day|week|month|year)\s+(?P<direction>before|after|earlier|later)")
def _unit_around(m: re.Match[str], context: _Context) -> _Span | None:
    """"the day before", "the week after": next to the date just mentioned."""
    offset = 1 if m["direction"] in ("after", "later") else -1
    return _shifted(context.reference, offset, m["unit"], m["unit"])


# Weeks in a count are seven days ("a week later" is a day), other units snap to themselves.
_SNAP = {"day": "day", "week": "day", "month": "month", "year": "year"}
_DIRECTIONS = {"ago": -1, "from now": 1, "later": 1, "afterwards": 1, "afterward": 1, "after": 1, "on": 1, "earlier": -1, "before": -1, "prior": -1}


@_rule(rf"{_NUM}\s+{_UNIT}\s+(?P<direction>{'|'.join(_DIRECTIONS)})")
def _count(m: re.Match[str], context: _Context) -> _Span | None:
    """13 months ago (from the anchor); a week later, two days earlier (from the date just
    mentioned)."""
    unit, n = _unit_name(m["unit"]), _number(m["num"]) * _DIRECTIONS[m["direction"]]
    if unit not in _SNAP or abs(n) > 5000:
        return None
    reference = context.today if m["direction"] in ("ago", "from now") else context.reference
    return _shifted(reference, n, unit, _SNAP[unit])


@_rule(rf"in\s+{_NUM}\s+{_UNIT}(?:'?s?\s+time)?")
def _count_ahead(m: re.Match[str], context: _Context) -> _Span | None:
    """"will meet in two weeks" is two weeks from the anchor; "finished in two weeks" is a
    duration."""
    unit, n = _unit_name(m["unit"]), _number(m["num"])
    if context.tense == "past" or unit not in _SNAP or n > 5000:
        return None
    return _shifted(context.today, n, unit, _SNAP[unit])


# --------------------------------------------------------------------------- resolver

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_EDGES = " \t\n,.;:!?()[]{}\"'"

# Words that only frame a date, removed one at a time (the first that applies) until a rule
# matches: "since early last year" -> "early last year" -> "last year".
_FRAMES = [
    re.compile(r"'s$"),  # "last year's", "Wednesday's"
    re.compile(r"\s*\b(?:at\s+|around\s+|about\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)(?:\s+(?:gmt|utc|local\s+time|[a-z]{1,3}t)\b)?"),
    re.compile(r"\s*\b(?:at\s+)?(?:noon|midnight|midday)$"),
    re.compile(r"\s+(?:morning|afternoon|evening|night(?:\s*time)?|overnight)$"),
    re.compile(r"^(?:on|in|at|since|from|by|until|till|through|throughout|during|over|as\s+of|starting|beginning|effective)\s+"),
    re.compile(r"^(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle|end|start|beginning)(?:-|\s+)(?:of\s+)?"),
    re.compile(
        r"^the\s+(?:start|beginning|end|middle|rest|remainder|close|course|(?:first|second|latter|last|final)\s+half"
        r"|(?:first|second|third|fourth|last|final)\s+(?:quarter|week|weeks|days|months))\s+of\s+"
    ),
    re.compile(r"(?:'s)?\s+[a-z][a-z-]*$"),  # a trailing noun: "the 1987 treaty", "Monday's talks"
]


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_PLAIN).lower()).strip(_EDGES)


def _variants(text: str) -> Iterator[str]:
    """The expression, then with its framing words removed one at a time."""
    seen: set[str] = set()
    while text and text not in seen:
        seen.add(text)
        yield text
        for frame in _FRAMES:
            stripped = frame.sub("", text, count=1).strip(_EDGES)
            if stripped != text:
                text = stripped
                break


def _resolve(text: str, context: _Context, *, ranges: bool = True) -> _Span | None:
    for variant in _variants(_normalize(text)):
        for pattern, handler in _RULES:
            if handler is _range and not ranges:
                continue
            match = pattern.fullmatch(variant)
            if match is None:
                continue
            try:
                span = handler(match, context)
            except (ValueError, OverflowError):
                span = None  # arithmetic past year 1 or 9999 ("9999 years later"): not a date
            if span is not None:
                return span
    return None


def resolve_expression(
    text: str, anchor: date, *, tense: str | None = None, previous: DateValue | None = None
) -> DateValue | None:
    """The calendar time `text` names, read from a document published on `anchor`.

    `tense` is the tense of the verb that governs the expression ("past", "present",
    "future" or None); it chooses among the occurrences of a name without a year (see the
    module docstring). `previous` is the latest date placed earlier in the document, which
    "the following day" or "a week later" count from. None when the words do not name a
    calendar time: durations ("31 years", "the past 12 months"), vague stretches ("in
    years", "the coming weeks", "recently"), ages and times of day on their own.
    """
    span = _resolve(text, _Context(anchor, tense, _span_of(previous)))
    return span.value() if span else None


# --------------------------------------------------------------------------- tense


FUTURE_MODALS = frozenset({"will", "shall", "may", "must", "should", "can"})
# Past forms of modals look forward only from the present: "talks could start Monday", but
# "had hoped the treaty could be saved in June". "would" is a future of a past or a condition.
PAST_MODALS = frozenset({"could", "might"})
# Words that announce a plan and so cast an infinitive (or a present clause) forward: "is
# due/set/expected to meet", "plans to meet", "the vote is scheduled for Monday".
FUTURE_GOVERNORS = frozenset({
    "due", "set", "expect", "schedule", "slate", "plan", "intend", "aim", "prepare", "poise",
    "about", "hope", "want", "seek", "promise", "vow", "pledge", "threaten",
})


def tense_of(token: Token) -> str | None:
    """The tense ("past", "present", "future" or None) of the clause that governs `token`.

    Walks up to the governing verb, then reads its auxiliaries:
    - "will", "shall", "'ll", "can", "may", ... -> future; "could", "might" -> future unless
      the clause hangs from a past verb, past when that verb is a pluperfect ("had hoped the
      treaty could be saved in June"); "would" (future of a past, or a condition) -> None;
    - an infinitive under "be" ("is to meet"), "be going", "be due/set/expected", "plan", ... ->
      future, unless that governor is in the past ("was expected to meet": None);
    - a past form anywhere in the verb group (VBD: "said", "was held", "had met") -> past;
      a participle with "have" or with no auxiliary ("has met", "the deal signed") -> past;
    - a present form (VBZ/VBP, "is meeting", "talks starting") -> present;
    - another infinitive ("agreed to meet") -> future when its governor is present or future;
    - a verb joined by "and" to one with auxiliaries shares them ("will lead ... and meet").
    """
    verb = _governing_verb(token)
    if verb is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    if not auxiliaries and verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN", "VBG") and verb.head.pos_ in ("VERB", "AUX"):
        return tense_of(verb.head)
    modals = {_modal(a) for a in auxiliaries if a.tag_ == "MD"}
    if modals:
        if modals & FUTURE_MODALS:
            return "future"
        if modals & PAST_MODALS:
            if not _under_past(verb):
                return "future"
            return "past" if _pluperfect(verb.head) else None
        return None
    governor = _future_governor(verb)
    if governor is not None:
        return None if tense_of(governor) == "past" else "future"
    tags = {verb.tag_} | {a.tag_ for a in auxiliaries}
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN":
        perfect = any(a.lemma_ == "have" for a in auxiliaries)
        passive = any(a.lemma_ == "be" for a in auxiliaries)
        return "present" if passive and not perfect else "past"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    if verb.tag_ == "VB" and _is_infinitive(verb) and verb.head.i != verb.i:
        return "future" if tense_of(verb.head) in ("present", "future") else None
    return None


def _modal(auxiliary: Token) -> str:
    # The lemmatiser leaves contractions with a curly apostrophe ("she’ll") as they are.
    lemma = auxiliary.lemma_.lower().replace("\u2019", "'")
    return {"'ll": "will", "wo": "will", "ca": "can", "sha": "shall"}.get(lemma, lemma)


def _governing_verb(token: Token) -> Token | None:
    while token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _under_past(verb: Token) -> bool:
    return verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head.i != verb.i and tense_of(verb.head) == "past"


def _pluperfect(verb: Token) -> bool:
    return any(c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _casts_forward(token: Token) -> bool:
    return token.lemma_ in FUTURE_GOVERNORS or any(c.dep_ == "acomp" and c.lemma_ in FUTURE_GOVERNORS for c in token.children)


def _future_governor(verb: Token) -> Token | None:
    """The word that makes the infinitive `verb` a future ("is due to start"), if any."""
    if verb.dep_ != "xcomp" or not _is_infinitive(verb):
        return None
    head = verb.head
    going = head.lemma_ == "go" and head.tag_ == "VBG"  # "went to meet" is a past
    return head if head.lemma_ == "be" or going or _casts_forward(head) else None


_NOUN_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})


def date_tense(token: Token) -> str | None:
    """`tense_of` as it bears on a date whose head word is `token`.

    A date that modifies a noun ("Wednesday's talks", "the Nov. 3 election", "the June
    summit") dates that noun, not the verb of the clause, so it has no tense. In news a
    present progressive or a bare participle ("is meeting Monday", "talks starting Sunday")
    and a present "scheduled for", "due on" announce a plan, so they look forward; a bare
    present stays "present" (the nearest occurrence)."""
    if token.dep_ in _NOUN_MODIFIERS and token.head.pos_ in ("NOUN", "PROPN"):
        return None
    tense = tense_of(token)
    verb = _governing_verb(token)
    if tense == "present" and verb is not None and (verb.tag_ == "VBG" or _casts_forward(verb)):
        return "future"
    return tense


# --------------------------------------------------------------------------- finding dates


def _capitalised(words: Iterable[str]) -> str:
    """An alternation of `words` whose first letter must be a capital even when the rest of
    the pattern ignores case: "May" is a month, "may" a verb."""
    return "|".join(f"(?-i:{w[0].upper()}){w[1:]}" for w in sorted(words, key=len, reverse=True))


_F_MONTH = (
    rf"(?:(?:{_capitalised(MONTHS)})\b"
    rf"|(?:{_capitalised(('jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'))})(?:\.|\b(?=\s+\d)))"
)
_F_WEEKDAY = rf"(?:{_capitalised(WEEKDAYS)})\b"
_F_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
_F_YEAR = r"(?:1\d|20|21)\d\d\b(?![,.]\d)"
_F_EDGE_WORDS = r"(?:early|earlier|late|later|mid|the\s+(?:start|beginning|end|middle|rest)\s+of)(?:-|\s+)"
_F_EDGE = rf"(?:{_F_EDGE_WORDS})?"
_F_YEAR_SPEC = rf"(?:,?\s+(?:of\s+)?(?:{_F_YEAR}|(?:this|last|next)\s+year\b))?"
_F_NUM = r"(?:\d{1,4}|" + "|".join(NUMBER_WORDS) + ")"
_F_UNITS = r"(?:days?|weeks?|months?|years?)"

# Date expressions the small model misses or cuts short; each match is resolved, and kept
# only when it resolves (the model's own DATE entities are kept either way).
_FINDERS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # June 7, 7 June 2021, Monday, Jan. 10, July 2019, May, mid-June, June last year
        rf"\b{_F_EDGE}(?:{_F_WEEKDAY},?\s+)?(?:(?:the\s+)?{_F_DAY}\s+(?:of\s+)?{_F_MONTH}|{_F_MONTH}\s+{_F_DAY}|{_F_MONTH}){_F_YEAR_SPEC}",
        # Monday, last Thursday, Sunday night, Monday next week, the following Friday
        rf"\b(?:(?:the\s+)?(?:{_MOD})\s+)?{_F_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?:of\s+)?(?:this|next|last)\s+week\b)?",
        # next week, Final month, earlier this year, final 12 months, the following day, last
        # summer; a determiner is taken along so that "his last year" is not read as a date
        rf"\b(?:(?:the|his|her|its|their|our|my|your|a)\s+)?{_F_EDGE}(?:{_MOD})\s+"
        r"(?:day|week|weekend|month|year|12\s+months|twelve\s+months|spring|summer|autumn|fall|winter)\b",
        r"\b(?:today|tonight|yesterday|tomorrow|last\s+night|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
        r"|the\s+(?:day|week|month|year)\s+(?:before|after)|that\s+(?:day|week|month|year))\b",
        # 13 months ago, a week later, in two weeks
        rf"\b{_F_NUM}\s+{_F_UNITS}\s+(?:ago|from\s+now|later|earlier|afterwards?)\b|\bin\s+{_F_NUM}\s+{_F_UNITS}\b",
        # in 2008, since 2019, early 2026, from 2014 to 2016, the 1990s
        rf"\b(?:(?:in|since|by|until|till|from|between|during|of)\s+(?:the\s+)?(?:year\s+)?|{_F_EDGE_WORDS}){_F_YEAR}"
        rf"(?:\s*[-\u2013\u2014]\s*(?:{_F_YEAR}|\d\d\b)|\s+(?:to|and|through)\s+{_F_YEAR})?",
        rf"\b(?:the\s+)?{_F_EDGE}(?:\d{{3}}0|['\u2019]\d0)['\u2019]?s\b",
        rf"\b(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_F_YEAR}",
        r"\b(?-i:C)hristmas(?:\s+(?-i:D)ay|\s+(?-i:E)ve)?\b|\b(?-i:N)ew\s+(?-i:Y)ear['\u2019]?s\s+(?:(?-i:D)ay|(?-i:E)ve)\b",
        r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    )
]
# A finder match inside one of these entities is part of a name: "Theresa May", "Good Friday
# Agreement", "the October Revolution".
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
# Prepositions that belong to a date's words ("on Monday", "since July 2019"); "before" and
# "after" are taken along because they stop the words naming a calendar time.
_PREPOSITIONS = frozenset({"on", "in", "at", "since", "from", "until", "till", "by", "during", "over", "between", "through", "throughout", "before", "after"})
_RANGE_GAP = re.compile(r"\s*(?:-|\u2013|\u2014|to|through|until|till)\s*", re.IGNORECASE)


def find_dates(sent: Span, anchor: date, previous: DateValue | None = None) -> list[tuple[int, int, str, DateValue | None]]:
    """Every date expression in `sent`, in order: (start, end, words, value), with character
    offsets in `sent.doc.text`.

    Candidates are the model's DATE and TIME entities and the `_FINDERS` patterns; overlapping
    candidates are joined, "from X to Y" becomes one range, and a preposition before a date
    joins its words. Each is resolved against `anchor` with the tense of its governing verb
    (`date_tense`) and the date resolved before it (`previous` for the first). A DATE entity
    that names no calendar time ("31 years") is returned with the value None; other
    candidates that do not resolve are dropped.
    """
    doc = sent.doc
    found = []
    for start, end, is_date_entity in _candidates(sent):
        words = doc.text[start:end]
        head = _head(doc.char_span(start, end, alignment_mode="expand"))
        value = resolve_expression(words, anchor, tense=date_tense(head), previous=previous)
        if value is None and not is_date_entity:
            continue
        found.append((start, end, words, value))
        previous = value or previous
    return found


# Two far-apart anchors: a document without a date keeps only the values that do not depend
# on one ("July 2019", "in 2008"), never a guess for "last month".
_TRIAL_ANCHORS = (date(1901, 3, 4), date(2077, 10, 21))


def extract(text: DocumentText, extraction: Extraction) -> None:
    """The extraction step: every date in the document's prose, resolved against its date,
    the previous date threaded through the whole document."""
    previous: DateValue | None = None
    for index, (_, sent) in enumerate(text.sentences):
        if text.document.date is not None:
            found = find_dates(sent, text.document.date, previous)
        else:
            first, second = (find_dates(sent, anchor, previous) for anchor in _TRIAL_ANCHORS)
            stable = {(start, end): value for start, end, _, value in second}
            found = [(start, end, words, value if stable.get((start, end)) == value else None) for start, end, words, value in first]
        for start, end, words, value in found:
            extraction.dates.append(DateMention(words, index, start, end, value))
            previous = value or previous


def _head(span: Span) -> Token:
    """The word of `span` that hangs from outside it; an article hanging from the same noun
    as the date ("the" in "the Nov. 3 election") is passed over."""
    outside = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return next((t for t in outside if t.dep_ not in ("det", "punct")), span.root)


def _candidates(sent: Span) -> list[tuple[int, int, bool]]:
    """(start, end, is a DATE entity of the model) for each candidate, merged and in order."""
    doc = sent.doc
    spans = [(e.start_char, e.end_char, e.label_ == "DATE") for e in sent.ents if e.label_ in ("DATE", "TIME") and not _is_a_name(e)]
    for finder in _FINDERS:
        for match in finder.finditer(sent.text):
            span = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
            if span is not None and _plausible(span):
                spans.append((span.start_char, span.end_char, False))
    merged: list[tuple[int, int, bool]] = []
    for start, end, is_date in sorted(spans):
        if merged and (start < merged[-1][1] or _joins_range(doc, merged[-1], start)):
            last_start, last_end, last_is_date = merged[-1]
            merged[-1] = (last_start, max(end, last_end), is_date or last_is_date)
        else:
            merged.append((start, end, is_date))
    return [_date_words(sent, start, end, is_date) for start, end, is_date in merged]


def _plausible(span: Span) -> bool:
    """A finder match that is really a date: not part of a name, not the modal "may" or the
    verb "march", and a year that is not a count ("in 1500 troops")."""
    if any(t.ent_type_ in _NAME_LABELS for t in span) or _is_a_name(span):
        return False
    if any(t.lower_ in ("may", "march") and t.pos_ in ("VERB", "AUX") for t in span):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    ends_in_number = span[-1].like_num and not span[-1].text.lower().endswith("s")
    return not (ends_in_number and after is not None and after.pos_ in ("NOUN", "PROPN") and after.ent_type_ != "DATE")


def _is_a_name(span: Span) -> bool:
    """A month or weekday word alone that ends a proper name ("Theresa May", "Black Friday"),
    or a month that is the subject of a verb ("May said"), is not a time."""
    if len(span) != 1:
        return False
    word, prefix = span[0], span[0].lower_[:3]
    if prefix not in MONTH_PREFIXES + WEEKDAY_PREFIXES:
        return False
    in_a_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in word.children)
    return in_a_name or (prefix in MONTH_PREFIXES and word.dep_ in ("nsubj", "nsubjpass"))


def _joins_range(doc, first: tuple[int, int, bool], start: int) -> bool:
    """"from June to August", "2014-2016", "between 2014 and 2016": two dates, one range."""
    gap = doc.text[first[1]:start]
    if _RANGE_GAP.fullmatch(gap):
        return True
    before = doc.char_span(first[0], first[1], alignment_mode="expand")
    return gap.strip().lower() == "and" and before.start > 0 and doc[before.start - 1].lower_ == "between"


def _date_words(sent: Span, start: int, end: int, is_date: bool) -> tuple[int, int, bool]:
    """The words of a date: without the article or the verb the model's span may begin with
    ("the Nov. 3 election", "to last two days") or a possessive at its end ("last year's");
    with a preposition whose object the date is ("on Monday", but not "before" in "seven
    weeks before the Nov. 3 election")."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    while len(span) > 1 and (span[0].pos_ in ("VERB", "AUX") or (span[0].dep_ == "det" and not span.start < span[0].head.i < span.end)):
        span = span[1:]
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    before = doc[span.start - 1] if span.start > sent.start else None
    if before is not None and before.lower_ in _PREPOSITIONS and _head(span).head.i == before.i:
        return before.idx, span.end_char, is_date
    return span.start_char, span.end_char, is_date
