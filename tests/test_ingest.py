"""Ingest: source files to Documents of numbered, classified paragraphs.

Every example text here is written for these tests (fictional places and people), so the
rules are pinned by general patterns, not by the seed articles' words; the last section
checks the real seeds/ folder as well.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.ingest import read_corpus, read_document
from generator.ingest.readers import READERS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BAD = Path(__file__).resolve().parent / "inputs" / "bad"

LEAD = "KESTON — The harbour authority reopened the northern port on Tuesday, eleven days after a storm."
MORE = "Officials said ferry services would resume at half capacity until repairs are finished in May."
ARTICLE = f"# Port reopens\n\nMarch 14, 2023\n\n{LEAD}\n"  # titled and dated: no warning of its own


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def read(folder: Path, name: str, content: str | bytes, report: Report | None = None, today: date | None = None):
    return read_document(write(folder, name, content), folder, report or Report(), today)


def kinds(doc) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in doc.paragraphs]


def kind_of(doc, text: str) -> str:
    return next(p.kind for p in doc.paragraphs if p.text == text)


def messages(report: Report) -> list[str]:
    return [str(item) for item in report.items]


# --------------------------------------------------------------------------- readers


def test_a_reader_for_each_supported_extension():
    assert sorted(READERS) == [".htm", ".html", ".markdown", ".md", ".txt"]
    assert READERS[".markdown"] is READERS[".md"] and READERS[".htm"] is READERS[".html"]


def test_extensions_are_matched_whatever_their_case(tmp_path):
    assert read(tmp_path, "NOTES.MD", f"# Port reopens\n\n{LEAD}\n").title == "Port reopens"


def test_an_unsupported_extension_is_skipped_with_a_warning_naming_the_file(tmp_path):
    report = Report()
    assert read(tmp_path, "minutes.docx", b"PK\x03\x04 not read", report) is None
    (warning,) = report.warnings
    assert warning.file.endswith("minutes.docx") and "unsupported file type '.docx'" in warning.message


# --------------------------------------------------------------------------- front matter


def test_front_matter_gives_the_metadata_and_unknown_keys_are_ignored(tmp_path):
    report = Report()
    doc = read(
        tmp_path,
        "port.md",
        "---\ntitle: Port reopens after storm\ndate: 2023-03-14\nurl: https://news.example.org/port\n"
        "publisher: Lantern Gazette\nauthor: Mira Holt\nmood: hopeful\n---\n\n" + LEAD + "\n",
        report,
    )
    assert (doc.title, doc.date, doc.date_source) == ("Port reopens after storm", date(2023, 3, 14), "front matter")
    assert (doc.url, doc.publisher, doc.author) == ("https://news.example.org/port", "Lantern Gazette", "Mira Holt")
    assert report.items == []


def test_paragraph_lines_count_from_the_top_of_the_file_not_of_the_body(tmp_path):
    doc = read(tmp_path, "port.md", f"---\ntitle: Port reopens\ndate: 2023-03-14\n---\n\n{LEAD}\n\n{MORE}\n")
    assert [(p.number, p.line) for p in doc.paragraphs] == [(1, 6), (2, 8)]


def test_malformed_front_matter_is_reported_with_its_line_and_kept_as_text(tmp_path):
    report = Report()
    doc = read(tmp_path, "budget.md", f'---\ntitle: "Budget vote delayed\ndate: 2022-05-02\n---\n\n{LEAD}\n', report)
    (warning, *_) = report.warnings
    assert warning.line == 2 and "malformed front matter" in warning.message
    # Nothing is lost: the lines are paragraphs (not prose, not the title), the date line still dates it.
    assert kinds(doc) == [("boilerplate", 'title: "Budget vote delayed'), ("boilerplate", "date: 2022-05-02"), ("prose", LEAD)]
    assert (doc.date, doc.date_source) == (date(2022, 5, 2), "text")


def test_front_matter_that_is_never_closed_is_reported_and_read_as_text(tmp_path):
    report = Report()
    doc = read(tmp_path, "draft.md", f"---\ntitle: Draft statement\n\n{LEAD}\n", report)
    assert "never closed" in report.warnings[0].message and report.warnings[0].line == 1
    assert [p.text for p in doc.paragraphs] == ["title: Draft statement", LEAD]


def test_a_front_matter_date_that_is_no_calendar_day_is_reported_and_the_file_name_used(tmp_path):
    report = Report()
    doc = read(tmp_path, "port-2023-03-14.md", f"---\ntitle: Port reopens\ndate: 2023-02-30\n---\n\n{LEAD}\n", report)
    assert (doc.date, doc.date_source) == (date(2023, 3, 14), "file name")
    assert [(w.line, "cannot read the front matter date '2023-02-30'" in w.message) for w in report.warnings] == [(3, True)]


def test_a_future_date_is_reported_with_its_line_and_the_next_source_of_a_date_is_used(tmp_path):
    report = Report()
    text = f"---\ntitle: Port reopens\ndate: 2023-06-01\n---\n\nMarch 14, 2023\n\n{LEAD}\n"
    doc = read(tmp_path, "port.md", text, report, today=date(2023, 3, 20))
    assert (doc.date, doc.date_source) == (date(2023, 3, 14), "text")
    (warning,) = report.warnings
    assert warning.line == 3 and "2023-06-01 is in the future" in warning.message


def test_a_document_without_any_date_is_read_with_a_warning(tmp_path):
    report = Report()
    doc = read(tmp_path, "port.txt", f"Port reopens after storm\n\n{LEAD}\n", report)
    assert (doc.date, doc.date_source) == (None, "none")
    assert "no publication date found" in report.warnings[0].message


# --------------------------------------------------------------------------- dates from the text and the page


@pytest.mark.parametrize(
    "line, day",
    [
        ("June 17, 2021", date(2021, 6, 17)),
        ("18 December 2021", date(2021, 12, 18)),
        ("2021-06-17", date(2021, 6, 17)),
        ("Thursday, June 17, 2021", date(2021, 6, 17)),
        ("Sept. 16, 2020", date(2020, 9, 16)),
        ("Published: March 3, 2022 at 10:32 a.m. EST", date(2022, 3, 3)),
        ("Updated 5 Nov 2019 14:05 GMT", date(2019, 11, 5)),
        ("13/06/2024", date(2024, 6, 13)),  # only one reading: no month 13
        ("06/13/2024", date(2024, 6, 13)),
        ("20250214", date(2025, 2, 14)),  # compact ISO
    ],
)
def test_a_date_line_under_the_title_dates_the_document(tmp_path, line, day):
    doc = read(tmp_path, "port.txt", f"Port reopens after storm\n{line}\nBy Mira Holt, Lantern Gazette\n\n{LEAD}\n")
    assert (doc.date, doc.date_source) == (day, "text")
    assert kind_of(doc, line) == "boilerplate"


def test_ambiguous_numeric_dates_are_not_guessed(tmp_path):
    doc = read(tmp_path, "port.txt", f"Port reopens after storm\n\n06/07/2021\n\n{LEAD}\n", Report())
    assert doc.date is None


def test_a_date_inside_the_story_is_not_the_publication_date(tmp_path):
    doc = read(tmp_path, "port-2023-03-14.txt", f"Port reopens\n\n{LEAD}\n\nJune 1, 2020\n\n{MORE}\n")
    assert (doc.date, doc.date_source) == (date(2023, 3, 14), "file name")


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="date" content="2020-09-16">',
        '<meta property="article:published_time" content="2020-09-16T14:05:00+00:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-09-16T09:00:00Z"}</script>',
    ],
)
def test_html_dates_come_from_the_page_metadata(tmp_path, head):
    doc = read(tmp_path, "page.html", f"<html><head>{head}</head><body><p>{LEAD}</p></body></html>")
    assert (doc.date, doc.date_source) == (date(2020, 9, 16), "meta")


def test_html_author_and_publisher_from_json_ld(tmp_path):
    ld = '{"@type": "NewsArticle", "headline": "Port reopens", "author": [{"name": "Mira Holt"}, {"name": "Tomas Berg"}], "publisher": {"name": "Lantern Gazette"}}'
    doc = read(tmp_path, "page.html", f'<head><script type="application/ld+json">{ld}</script></head><p>{LEAD}</p>')
    assert (doc.title, doc.author, doc.publisher) == ("Port reopens", "Mira Holt, Tomas Berg", "Lantern Gazette")
    assert [p.text for p in doc.paragraphs] == [LEAD]  # a page without <body>: its head is not text


def test_html_date_from_a_time_element(tmp_path):
    page = f'<article><h1>Port reopens</h1><time datetime="2020-09-16">Wednesday</time><p>{LEAD}</p></article>'
    assert read(tmp_path, "page.html", page).date == date(2020, 9, 16)


# --------------------------------------------------------------------------- titles


def test_title_from_the_first_markdown_heading(tmp_path):
    assert read(tmp_path, "port.md", f"World\n\n# Port reopens *after* storm\n\n{LEAD}\n").title == "Port reopens after storm"


def test_title_from_the_first_headline_line_skipping_a_section_label(tmp_path):
    doc = read(tmp_path, "port.txt", f"World\n\nPort reopens after storm\n\n{LEAD}\n")
    assert doc.title == "Port reopens after storm"
    assert kinds(doc)[:2] == [("boilerplate", "World"), ("heading", "Port reopens after storm")]


def test_html_title_prefers_the_h1_and_strips_the_site_name(tmp_path):
    head = "<head><title>Port reopens after storm | Lantern Gazette</title></head>"
    assert read(tmp_path, "a.html", f"<html>{head}<body><p>{LEAD}</p></body></html>").title == "Port reopens after storm"
    body = f"<body><article><h1>Harbour back in business</h1><p>{LEAD}</p></article></body>"
    assert read(tmp_path, "b.html", f"<html>{head}{body}</html>").title == "Harbour back in business"


def test_without_any_title_the_file_name_is_used_with_a_warning(tmp_path):
    report = Report()
    assert read(tmp_path, "port_news-update.txt", f"{LEAD}\n", report).title == "Port news update"
    assert any("no title found" in w.message for w in report.warnings)


# --------------------------------------------------------------------------- bylines, publisher, author, url


@pytest.mark.parametrize(
    "byline, author, publisher",
    [
        ("By Mira Holt, Lantern Gazette", "Mira Holt", "Lantern Gazette"),
        ("By Mira Holt | Lantern Gazette", "Mira Holt", "Lantern Gazette"),
        ("By Mira Holt\nLantern Gazette", "Mira Holt", "Lantern Gazette"),
        ("BY MIRA HOLT", "MIRA HOLT", None),
        ("By Mira Holt and Tomas Berg, Staff Writers", "Mira Holt and Tomas Berg", None),
        ("By Mira Holt and\nTomas Berg, Lantern Gazette", "Mira Holt and Tomas Berg", "Lantern Gazette"),
        ("Mira Holt, Lantern Gazette", "Mira Holt", "Lantern Gazette"),
    ],
)
def test_author_and_publisher_from_the_byline(tmp_path, byline, author, publisher):
    doc = read(tmp_path, "port.md", f"# Port reopens after storm\n\n{byline}\n\n{LEAD}\n")
    assert (doc.author, doc.publisher) == (author, publisher)
    assert doc.paragraphs[1].kind == "byline"


def test_a_line_naming_only_the_publisher_is_a_byline_without_an_author(tmp_path):
    doc = read(tmp_path, "port.md", f"---\npublisher: Lantern Gazette\n---\n\n# Port reopens\n\nLantern Gazette\n\n{LEAD}\n")
    assert [p.kind for p in doc.paragraphs] == ["heading", "byline", "prose"] and doc.author is None


def test_a_known_name_counts_only_as_a_whole_word(tmp_path):
    doc = read(tmp_path, "aid.txt", f"---\npublisher: AP\n---\n\nJapan pledges aid to the storm-hit port\n\n{LEAD}\n")
    assert doc.title == "Japan pledges aid to the storm-hit port" and doc.paragraphs[0].kind == "heading"


def test_html_publisher_author_and_url_from_the_head(tmp_path):
    head = (
        '<meta property="og:site_name" content="Lantern Gazette"><meta name="author" content="Mira Holt">'
        '<link rel="canonical" href="https://news.example.org/port">'
    )
    doc = read(tmp_path, "page.html", f"<html><head>{head}</head><body><p>{LEAD}</p></body></html>")
    assert (doc.publisher, doc.author, doc.url) == ("Lantern Gazette", "Mira Holt", "https://news.example.org/port")
    doc = read(tmp_path, "og.html", f'<head><meta property="og:url" content="https://news.example.org/og"></head><p>{LEAD}</p>')
    assert doc.url == "https://news.example.org/og"


# --------------------------------------------------------------------------- paragraphs


def test_paragraphs_are_blocks_between_blank_lines_numbered_with_their_first_line(tmp_path):
    doc = read(tmp_path, "port.txt", f"Port reopens after storm\n\n{LEAD}\n\n\n{MORE}\nA second line of it.\n")
    assert [(p.number, p.line) for p in doc.paragraphs] == [(1, 1), (2, 3), (3, 6)]
    assert doc.paragraphs[2].text == MORE + " A second line of it."


def test_text_is_collapsed_and_composed_but_quotes_and_dashes_are_kept(tmp_path):
    text = "Cafe\u0301 owners\t said   the fees were \u201cunfair\u201d \u2014 and \u2018final\u2019, it\u2019s said.\n"
    doc = read(tmp_path, "cafe.txt", "Owners protest fees\n\n" + text)
    assert doc.paragraphs[1].text == "Caf\u00e9 owners said the fees were \u201cunfair\u201d \u2014 and \u2018final\u2019, it\u2019s said."


def test_markdown_markers_are_removed_but_the_words_kept(tmp_path):
    doc = read(
        tmp_path,
        "port.md",
        "## The *new* rules ##\n\n"
        "The **harbour** board, in its _report_, cited [a survey](https://example.org/s) and `form 7`; "
        "the file storm_damage_2023 notes that 5 * 3 * 2 cranes &amp; <em>sheds</em> failed.\n",
    )
    assert kinds(doc) == [
        ("heading", "The new rules"),
        ("prose", "The harbour board, in its report, cited a survey and form 7; "
                  "the file storm_damage_2023 notes that 5 * 3 * 2 cranes & sheds failed."),
    ]  # fmt: skip


def test_a_markdown_list_gives_one_list_paragraph_per_item(tmp_path):
    doc = read(tmp_path, "port.md", f"{LEAD}\n\nThe repairs cover:\n- the outer breakwater\n- two loading cranes,\n  both rebuilt\n")
    assert kinds(doc)[1:] == [
        ("prose", "The repairs cover:"),
        ("list", "the outer breakwater"),
        ("list", "two loading cranes, both rebuilt"),
    ]
    assert [p.line for p in doc.paragraphs] == [1, 3, 4, 5]


def test_html_blocks_are_paragraphs_numbered_with_their_line_in_the_html_file(tmp_path):
    page = (
        "<html><body>\n<article>\n<h1>Port reopens</h1>\n"
        f"<p>{LEAD}</p>\n<h2>Repairs</h2>\n<ul>\n<li>The outer breakwater</li>\n</ul>\n"
        "<blockquote><p>We will rebuild.</p></blockquote>\n"
        "<figure><figcaption>Workers on the quay on Monday.</figcaption></figure>\n"
        "</article></body></html>"
    )
    doc = read(tmp_path, "page.html", page)
    assert [(p.number, p.line, p.kind, p.text) for p in doc.paragraphs] == [
        (1, 3, "heading", "Port reopens"),
        (2, 4, "prose", LEAD),
        (3, 5, "heading", "Repairs"),
        (4, 7, "list", "The outer breakwater"),
        (5, 9, "prose", "We will rebuild."),
        (6, 10, "caption", "Workers on the quay on Monday."),
    ]


def test_html_without_paragraph_tags_is_cut_at_double_line_breaks(tmp_path):
    page = "<html><body>\n<div>\n  The port reopened on Tuesday.<br><br>\n  Ferries resume<br>\n  at half capacity.\n  <br>\n  <br>\n  Repairs end in May.\n</div>\n</body></html>"
    doc = read(tmp_path, "page.html", page)
    assert [(p.line, p.text) for p in doc.paragraphs] == [
        (3, "The port reopened on Tuesday."),
        (4, "Ferries resume at half capacity."),
        (8, "Repairs end in May."),
    ]


def test_no_markup_survives_in_html_text_and_entities_become_characters(tmp_path):
    page = "<p>The <b>board</b>&rsquo;s plan &amp; the <a href='/x'>mayor&#8217;s</a> reply<br>came on <i>Tuesday</i>.</p>"
    (paragraph,) = read(tmp_path, "page.html", page).paragraphs
    assert paragraph.text == "The board\u2019s plan & the mayor\u2019s reply came on Tuesday."


def test_html_page_furniture_is_dropped_and_the_article_preferred(tmp_path):
    page = f"""<html><head><style>p {{color: red}}</style><script>var ad = 1;</script></head><body>
    <div id="cookie-notice">We use cookies.</div>
    <header><a href="/">Lantern Gazette</a><nav><ul><li>Home</li><li>World</li></ul></nav></header>
    <p>Teaser outside the article.</p>
    <article>
      <header><h1>Port reopens</h1><p class="byline">Mira Holt</p></header>
      <p>{LEAD}</p>
      <div class="ad-slot"><span>Advertisement</span></div>
      <div class="social-share">Share on Facebook</div>
      <div class="newsletter-signup"><p>Get our briefing.</p><form><button>Go</button></form></div>
      <aside class="related"><h2>More news</h2><ul><li>Other headline</li></ul></aside>
      <p>{MORE}</p>
      <noscript>Enable JavaScript.</noscript><iframe src="/video"></iframe>
    </article>
    <aside class="sidebar"><h3>Trending</h3></aside>
    <footer><p>&copy; 2023 Lantern Gazette</p></footer>
    </body></html>"""
    assert kinds(read(tmp_path, "page.html", page)) == [
        ("heading", "Port reopens"),
        ("byline", "Mira Holt"),
        ("prose", LEAD),
        ("prose", MORE),
    ]


def test_a_wrapper_whose_class_happens_to_name_furniture_is_not_dropped(tmp_path):
    page = f'<body><div class="story ad-free"><p>{LEAD}</p><p>{MORE}</p></div><div class="ad">Buy now</div></body>'
    assert [p.text for p in read(tmp_path, "page.html", page).paragraphs] == [LEAD, MORE]


# --------------------------------------------------------------------------- kinds of paragraph


def _in_story(tmp_path, line: str, name: str = "story.txt", publisher: str = "Lantern Gazette"):
    """`line` as a paragraph of its own in the middle of a short story."""
    text = f"---\ntitle: Port reopens after storm\npublisher: {publisher}\n---\n\n{LEAD}\n\n{line}\n\n{MORE}\n"
    doc = read(tmp_path, name, text)
    assert doc.paragraphs[0].text == LEAD and doc.paragraphs[-1].text == MORE
    return kind_of(doc, re.sub(r"[*\s]+", " ", line).strip(" *"))


@pytest.mark.parametrize(
    "line",
    [
        "Tags",
        "Related Articles",
        "Back to top button",
        "Share this article",
        "Sign up for our newsletter",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Skip to main content",
        "Read more: Why the northern port closed",
        "Click here to get our daily briefing in your inbox.",
        "We use cookies to give you the best experience. By continuing you accept all cookies.",
        "© 2023 Lantern Gazette. All rights reserved.",
        "Copyright 2023 Lantern Gazette",
        "Updated 3:45 PM ET",
        "5 min read",
        "March 14, 2023",
        '[time-brightcove not-tgx="true"]',
        "[embed]https://video.example.org/9[/embed]",
        '{{< youtube id="abc123" >}}',
        "Sign up for the Harbour Brief newsletter here.",
        "This story has been updated to add the mayor's comments.",
        "Correction: An earlier version of this article misstated the date of the storm.",
        "https://video.example.org/port-reopens",
        "— Ana Ruiz (@anaruiz) March 14, 2023",
        "Listen to this article · 4 min",
        "Media playback is unsupported on your device",
    ],
)
def test_page_furniture_is_boilerplate(tmp_path, line):
    assert _in_story(tmp_path, line) == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Cranes lie on the quay after the storm.",
        "PHOTO: Cranes lie on the quay after the storm.",
        "Photo caption: Cranes lie on the quay after the storm.",
        "Cranes lie on the quay after the storm on Monday. (Lantern Gazette/Pool)",
        "Cranes lie on the quay after the storm on Monday. (Lantern Gazette/File)",
        "The harbour master inspects the breakwater. (AP Photo/Jane Doe)",
        "The harbour master inspects the breakwater. (Lantern Gazette)",
        "Getty Images",
        "FILE - In this March 2, 2021, file photo, cranes stand idle on the quay.",
        "Cranes stand idle on the quay. Photograph: Ana Ruiz/Lantern Gazette",
        "Image source, Getty Images",
    ],
)
def test_photo_captions_and_credits_are_captions(tmp_path, line):
    assert _in_story(tmp_path, line) == "caption"


def test_a_markdown_line_in_italics_is_a_caption(tmp_path):
    assert _in_story(tmp_path, "*Workers clear debris from the quay on Monday.*", name="story.md") == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "By Mira Holt, Lantern Gazette",
        "By Mira Holt | Lantern Gazette",
        "Reporting by Mira Holt in Keston; Editing by Tomas Berg",
        "(Additional reporting by Ana Ruiz)",
        "Ana Ruiz in Keston contributed to this report.",
    ],
)
def test_bylines(tmp_path, line):
    assert _in_story(tmp_path, line) == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, most of the ferries were running again.",
        "Photographs of the damage circulated widely on Monday, officials said.",
        "He said he would share the findings with the council.",
        "Subscribers to the ferry service will get refunds, the company said.",
        "The harbour treaty (signed in 1992) remains in force.",
        "\u201cWe will rebuild,\u201d the mayor said.",
        "KESTON, March 14 (Lantern Gazette) — The port reopened on Tuesday after the storm.",
        "Storm damage was estimated at 40 million, more than the harbour earns in a year",
    ],
)
def test_sentences_of_the_story_are_prose(tmp_path, line):
    assert _in_story(tmp_path, line) == "prose"


@pytest.mark.parametrize(
    "line", ["What the repairs will cost", "Twitter bans state media", "The mayor's comments", "Advertising ban approved", "Share prices fall"]
)
def test_a_short_unpunctuated_line_in_the_body_is_a_subheading_even_with_a_furniture_word(tmp_path, line):
    assert _in_story(tmp_path, line) == "heading"


def test_the_head_section_label_title_repeat_and_byline_are_not_prose(tmp_path):
    text = f"---\ntitle: Port reopens after storm\nauthor: Mira Holt\n---\n\nBusiness\n\nPort reopens after storm\n\nMira Holt, Lantern Gazette\n\n{LEAD}\n"
    assert [k for k, _ in kinds(read(tmp_path, "port.md", text))] == ["boilerplate", "heading", "byline", "prose"]


def test_the_title_repeated_in_the_text_is_a_heading_even_when_it_ends_like_a_sentence(tmp_path):
    text = f"---\ntitle: Who will pay for the storm repairs?\n---\n\nWho will pay for the storm repairs?\n\n{LEAD}\n"
    assert [k for k, _ in kinds(read(tmp_path, "port.md", text))] == ["heading", "prose"]


def test_lines_glued_to_their_neighbours_by_a_scrape_become_their_own_paragraphs(tmp_path):
    text = f"Port reopens after storm\nMarch 14, 2023\nBy Mira Holt | Lantern Gazette\n\n{LEAD}\n[time-brightcove not-tgx=\u201dtrue\u201d]\n\n{MORE}\nAdvertisement\n"
    assert kinds(read(tmp_path, "port.txt", text)) == [
        ("heading", "Port reopens after storm"),
        ("boilerplate", "March 14, 2023"),
        ("byline", "By Mira Holt | Lantern Gazette"),
        ("prose", LEAD),
        ("boilerplate", "[time-brightcove not-tgx=\u201dtrue\u201d]"),
        ("prose", MORE),
        ("boilerplate", "Advertisement"),
    ]


def test_a_section_label_glued_above_the_headline_and_a_credit_line_glued_under_prose(tmp_path):
    text = f"World News\nPort reopens after storm\nBy Mira Holt and Tomas Berg\n\n{LEAD}\nReporting by Mira Holt in Keston; additional reporting by Tomas Berg; Editing by Kim Park\n"
    doc = read(tmp_path, "port.txt", text)
    assert [k for k, _ in kinds(doc)] == ["boilerplate", "heading", "byline", "prose", "byline"]
    assert (doc.title, doc.author) == ("Port reopens after storm", "Mira Holt and Tomas Berg")


def test_a_wrapped_paragraph_ending_in_one_word_is_not_split(tmp_path):
    doc = read(tmp_path, "port.txt", f"{LEAD}\nThe crews then went\nhome\n")
    assert [p.text for p in doc.paragraphs] == [f"{LEAD} The crews then went home"]


def test_headlines_under_a_related_heading_are_not_this_articles_prose(tmp_path):
    text = (
        f"{LEAD}\n\nThe repairs cover:\n- the outer breakwater\n\n"
        "Related coverage\n- Storm closes northern port\n- Explainer: how breakwaters work\n\n"
        "More from Lantern Gazette\n\nFerry fares to rise in spring\n\nShare this article\n"
    )
    assert kinds(read(tmp_path, "port.md", text)) == [
        ("prose", LEAD),
        ("prose", "The repairs cover:"),
        ("list", "the outer breakwater"),
        ("boilerplate", "Related coverage"),
        ("boilerplate", "Storm closes northern port"),
        ("boilerplate", "Explainer: how breakwaters work"),
        ("boilerplate", "More from Lantern Gazette"),
        ("boilerplate", "Ferry fares to rise in spring"),
        ("boilerplate", "Share this article"),
    ]


# --------------------------------------------------------------------------- bad inputs


def test_the_bad_input_corpus_reads_every_readable_file_and_names_each_problem():
    report = Report()
    docs = read_corpus(BAD, report)
    assert [d.path for d in docs] == [
        "future-date.md",
        "good-article.md",
        "invalid-utf8.txt",
        "malformed-front-matter.md",
        "nested/regional/valley-election-2022-10-09.txt",
        "old-mac-line-endings.txt",
        "unclosed-front-matter.md",
        "unparseable-date.md",
        "utf16-with-bom.txt",
        "windows-1252.txt",
        "windows-line-endings.md",
    ]  # hidden .drafts/ and .hidden-note.md are not read
    # What a file lacks (a title, a date) is reported too, but is not the point here.
    problems = {(Path(d.file).name, d.level, d.line) for d in report.items if not d.message.startswith("no ")}
    assert problems == {
        ("scanned-page.txt", "error", None),
        ("invalid-utf8.txt", "warning", 3),
        ("windows-1252.txt", "warning", 1),
        ("empty.md", "warning", None),
        ("whitespace-only.txt", "warning", None),
        ("malformed-front-matter.md", "warning", 2),
        ("unclosed-front-matter.md", "warning", 1),
        ("future-date.md", "warning", 3),
        ("unparseable-date.md", "warning", 3),
        ("meeting-notes.pdf", "warning", None),
        ("figures.csv", "warning", None),
    }
    assert all(d.file.startswith(BAD.as_posix()) for d in report.items)


def test_many_files_read_by_several_processes_give_what_one_process_gives(tmp_path):
    """Enough files for read_corpus to start worker processes: the same documents, and the
    same warnings and errors in the same order."""
    from generator.ingest.corpus import PARALLEL_FROM

    seeds = tmp_path / "seeds"
    shutil.copytree(BAD, seeds)
    for i in range(PARALLEL_FROM):
        (seeds / f"note-{i:03}.md").write_text(f"---\ntitle: Note {i}\ndate: 2021-06-{i % 28 + 1:02}\n---\n\n"
                                              f"Officials met in Geneva on Monday, note {i} said.\n", encoding="utf-8")
    one, two = Report(), Report()
    assert read_corpus(seeds, two, date(2026, 1, 1), jobs=2) == read_corpus(seeds, one, date(2026, 1, 1), jobs=1)
    assert two.items == one.items and any(d.level == "error" for d in one.items)


def test_binary_file_is_an_error_and_skipped(tmp_path):
    report = Report()
    assert read(tmp_path, "scan.txt", (BAD / "scanned-page.txt").read_bytes(), report) is None
    assert "binary file" in report.errors[0].message


def test_invalid_utf8_is_replaced_and_the_line_of_the_first_bad_byte_given(tmp_path):
    report = Report()
    doc = read(tmp_path, "talks.txt", (BAD / "invalid-utf8.txt").read_bytes(), report)
    assert doc.paragraphs[1].text == "The talks opened on Monday with a \u201cfr\ufffdank\u201d exchange."
    assert "invalid UTF-8 at line 3" in report.warnings[0].message


def test_a_windows_1252_file_is_read_without_losing_its_accents_and_quotes(tmp_path):
    doc = read(tmp_path, "cafe.txt", (BAD / "windows-1252.txt").read_bytes())
    assert doc.title == "Caf\u00e9 owners protest new licence fees"
    assert "\u201cunfair\u201d" in doc.paragraphs[1].text


def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path):
    report = Report()
    doc = read(tmp_path, "floods.txt", (BAD / "utf16-with-bom.txt").read_bytes(), report)
    assert doc.title == "Coastal towns brace for spring floods"
    assert [w for w in report.warnings if "date" not in w.message] == []


def test_utf16_without_a_byte_order_mark_is_recognised_with_a_warning(tmp_path):
    report = Report()
    doc = read(tmp_path, "floods.txt", f"Coastal towns brace for floods\n\n{LEAD}\n".encode("utf-16-be"), report)
    assert doc.paragraphs[1].text == LEAD
    assert "UTF-16-BE text without a byte-order mark" in report.warnings[0].message


def test_binary_data_with_every_other_byte_zero_is_still_binary(tmp_path):
    report = Report()
    assert read(tmp_path, "samples.txt", bytes(b for i in range(1, 600) for b in (i % 32, 0)), report) is None
    assert "binary file" in report.errors[0].message


@pytest.mark.parametrize("name", ["windows-line-endings.md", "old-mac-line-endings.txt"])
def test_crlf_and_cr_line_endings_give_the_same_paragraphs_and_lines_as_lf(tmp_path, name):
    raw = (BAD / name).read_bytes()
    as_lf = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    original, unix = read(tmp_path, name, raw), read(tmp_path, "lf-" + name, as_lf)
    assert original.paragraphs == unix.paragraphs and len(original.paragraphs) == 3
    assert [p.line for p in original.paragraphs] == [1, 3, 5]


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n \n"])
def test_empty_and_white_space_files_are_skipped_with_a_warning(tmp_path, content):
    report = Report()
    assert read(tmp_path, "empty.md", content, report) is None
    assert report.warnings[0].message.startswith("empty file")


def test_a_20_mb_text_file_is_read_in_full_in_reasonable_time(tmp_path):
    paragraph = "The council met again on Tuesday to review the *draft* budget, and members called the talks \u201cuseful\u201d. " * 4
    count = 20 * 2**20 // (len(paragraph) + 2) + 1
    write(tmp_path, "huge.md", "# Budget talks\n\n" + "\n\n".join([paragraph] * count))
    report = Report()
    started = time.perf_counter()
    (doc,) = read_corpus(tmp_path, report)
    elapsed = time.perf_counter() - started
    assert len(doc.paragraphs) == count + 1 and doc.paragraphs[-1].line == 3 + 2 * (count - 1)
    assert "far larger than an article" in report.warnings[0].message
    assert elapsed < 60, f"{elapsed:.1f} s for 20 MB"  # linear: about 8 s here; a quadratic step takes hours


def test_20_mb_of_lines_without_a_blank_line_is_read_in_reasonable_time(tmp_path):
    # a log saved as text: one block of 250,000 lines, none of which ends a sentence
    line = "2023-05-04T09:00:00Z INFO gateway request id=4f2a path=/briefing status=200 bytes=5120\n"
    count = 20 * 2**20 // len(line) + 1
    write(tmp_path, "log.txt", line * count)
    started = time.perf_counter()
    (doc,) = read_corpus(tmp_path, Report())
    elapsed = time.perf_counter() - started
    assert sum(p.text.count("gateway request") for p in doc.paragraphs) == count  # nothing lost
    assert elapsed < 60, f"{elapsed:.1f} s for 20 MB"  # linear: a few seconds; counting the block's size per line took hours


def test_subfolders_are_read_in_sorted_order_and_hidden_ones_ignored(tmp_path):
    for name in ["b.md", "a/z.md", "a/b/c.md", ".git/HEAD.md", "a/.cache/x.md"]:
        write(tmp_path, name, f"# Port\n\n{LEAD}\n")
    assert [d.path for d in read_corpus(tmp_path, Report())] == ["a/b/c.md", "a/z.md", "b.md"]


def test_symlink_loops_and_broken_links_are_reported_not_followed(tmp_path):
    write(tmp_path, "sub/port.md", ARTICLE)
    (tmp_path / "sub" / "back-to-top").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "deleted.md")
    (tmp_path / "same.md").symlink_to(tmp_path / "sub" / "port.md")
    report = Report()
    assert [d.path for d in read_corpus(tmp_path, report)] == ["same.md"]
    assert sorted((Path(w.file).name, w.message.split(" (")[0].split(":")[0]) for w in report.warnings) == [
        ("back-to-top", "the same folder as " + tmp_path.as_posix()),
        ("gone.md", "broken symbolic link"),
        ("port.md", "the same file as " + (tmp_path / "same.md").as_posix()),
        ("self.md", "symbolic link loop"),
    ]


def test_a_pipe_is_skipped_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "stream.txt")
    report = Report()
    assert read_corpus(tmp_path, report) == []
    assert "not a regular file" in report.warnings[0].message


def test_an_unreadable_file_is_an_error_and_the_others_are_read(tmp_path, monkeypatch):
    write(tmp_path, "open.md", f"# Port\n\n{LEAD}\n")
    locked = write(tmp_path, "locked.md", f"# Port\n\n{MORE}\n")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: have the OS refuse as it would a user
        real = Path.read_bytes

        def refuse(path: Path) -> bytes:
            if path.name == "locked.md":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    report = Report()
    assert [d.path for d in read_corpus(tmp_path, report)] == ["open.md"]
    (error,) = report.errors
    assert error.file.endswith("locked.md") and "Permission denied" in error.message


def test_a_reader_that_fails_on_one_file_does_not_stop_the_corpus(tmp_path, monkeypatch):
    def failing_reader(text: str):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(READERS, ".html", failing_reader)
    write(tmp_path, "deep.html", "<div>" * 10 + "</div>")
    write(tmp_path, "port.md", f"# Port\n\n{LEAD}\n")
    report = Report()
    assert [d.path for d in read_corpus(tmp_path, report)] == ["port.md"]
    assert "RecursionError" in report.errors[0].message and report.errors[0].file.endswith("deep.html")


# --------------------------------------------------------------------------- identity


def test_ids_are_ascii_slugs_of_the_file_name(tmp_path):
    for name in ["Café Summit 2021.md", "Саммит.md"]:
        write(tmp_path, name, f"# Port\n\n{LEAD}\n")
    ids = [d.id for d in read_corpus(tmp_path, Report())]
    assert ids[0] == "cafe-summit-2021" and re.fullmatch(r"doc-[0-9a-f]{8}", ids[1])


def test_colliding_ids_are_told_apart_by_extension_then_folder(tmp_path):
    for name in ["port.md", "port.txt", "news/port.md", "Port.MD", "other.md"]:
        write(tmp_path, name, f"# Port {name}\n\n{LEAD}\n")
    docs = read_corpus(tmp_path, Report())
    assert {d.path: d.id for d in docs} == {
        "Port.MD": "port-md",
        "news/port.md": "news-port-md",
        "other.md": "other",
        "port.md": "port-md-2",
        "port.txt": "port-txt",
    }


def test_content_hash_is_the_sha256_of_the_raw_bytes(tmp_path):
    raw = "\ufeff---\ntitle: Port\n---\r\n\r\nText.\r\n".encode("utf-8")
    assert read(tmp_path, "port.md", raw).content_hash == hashlib.sha256(raw).hexdigest()


def test_same_bytes_under_two_names_are_both_read_with_a_warning(tmp_path):
    for name in ["port.md", "copy-of-port.md"]:
        write(tmp_path, name, ARTICLE)
    report = Report()
    assert len(read_corpus(tmp_path, report)) == 2
    (warning,) = report.warnings
    assert warning.file.endswith("/port.md") and "same bytes as" in warning.message and warning.message.endswith(
        "copy-of-port.md: both are read, so its facts count twice"
    )


# --------------------------------------------------------------------------- the real seeds


@pytest.fixture(scope="module")
def seeds():
    report = Report()
    return read_corpus(SEEDS, report), report


def test_seeds_are_nine_dated_titled_documents_read_without_complaint(seeds):
    docs, report = seeds
    assert len(docs) == 9 and report.items == []
    assert all(d.title and d.date for d in docs)
    assert [d.path for d in docs] == sorted(d.path for d in docs) == sorted(p.name for p in SEEDS.iterdir())
    by_path = {d.path: d for d in docs}
    assert (by_path["000_6266e118e06adb1d.txt"].date, by_path["000_6266e118e06adb1d.txt"].date_source) == (date(2022, 1, 8), "front matter")
    for bare in ["geneva-summit-2021-06-17.txt", "russia-leaves-open-skies-2021-12-18.txt"]:
        assert by_path[bare].date_source == "text"
        assert by_path[bare].date.isoformat() in bare  # its line 2 agrees with its file name
    html = by_path["abraham-accords-signed-2020-09-16.html"]
    assert (html.date, html.date_source, html.publisher) == (date(2020, 9, 16), "meta", "The Cedar Courier")


# Furniture as the seeds have it, recognised here by this test's own simple patterns.
SEED_FURNITURE = re.compile(
    r"^(Tags|Related Articles|Related coverage|Back to top button|Advertisement|Share this article"
    r"|Sign up for our newsletter|\[time-brightcove.*|Photo:.*|PHOTO:.*|Photo caption:.*|By .*|Business)$"
    r"|\((?:[^()]*/(?:Pool|File)|The Meridian Ledger)\)$"
)


def test_seed_furniture_is_never_prose(seeds):
    docs, _ = seeds
    for doc in docs:
        prose = [p.text for p in doc.paragraphs if p.prose]
        assert [t for t in prose if SEED_FURNITURE.search(t)] == [], doc.path
        assert doc.title not in prose


def test_seed_related_headlines_are_not_prose(seeds):
    docs, _ = seeds
    for doc in docs:
        source = (SEEDS / doc.path).read_text(encoding="utf-8")
        if "Related coverage\n" in source:
            box = source.split("Related coverage\n", 1)[1]
            headlines = [line[2:] for line in box.splitlines() if line.startswith("- ")]
            assert headlines and all(kind_of(doc, h) == "boilerplate" for h in headlines), doc.path


def test_every_seed_article_paragraph_is_prose(seeds):
    """The oracle: in text files, blocks of 12 words or more that end a sentence and are
    not photo captions; in the HTML page, the <p> elements without a class."""
    docs, _ = seeds
    for doc in docs:
        source = (SEEDS / doc.path).read_text(encoding="utf-8")
        if doc.path.endswith(".html"):
            blocks = [re.sub(r"\s+", " ", b) for b in re.findall(r"<p>(.*?)</p>", source, flags=re.S)]
            blocks = [b.replace("&amp;", "&") for b in blocks if "<" not in b and "&copy;" not in b]
        else:
            body = source.split("\n---\n", 1)[-1]
            body = re.sub(r"^\[.*\]$", "", body, flags=re.M)  # an embed code glued under a paragraph
            blocks = [re.sub(r"\s+", " ", b).strip() for b in body.split("\n\n")]
            blocks = [b for b in blocks if len(b.split()) >= 12 and b[-1] in '.”"' and not re.match(r"(Photo|PHOTO|\*)", b)]
        prose = [p.text for p in doc.paragraphs if p.prose]
        assert len(blocks) >= 8, doc.path
        for block in blocks:
            assert any(block.startswith(text) for text in prose), (doc.path, block[:60])
        assert len(prose) == len(blocks), doc.path


def test_the_html_seeds_menus_footer_sidebar_and_cookie_banner_are_gone(seeds):
    docs, _ = seeds
    (html,) = [d for d in docs if d.path.endswith(".html")]
    text = "\n".join(p.text for p in html.paragraphs)
    for furniture in ["Subscribe", "Trending", "Hurricane Sally", "All rights reserved", "cookies", "Privacy policy", "Share this article", "Advertisement", "Related coverage"]:
        assert furniture not in text
    assert not re.search(r"<[a-zA-Z/]|&[a-z]+;", text)
    assert [p.kind for p in html.paragraphs[:4]] == ["heading", "byline", "boilerplate", "caption"]


def test_a_wall_of_text_is_cut_into_paragraphs_where_its_lines_end_sentences(tmp_path):
    lines = [f"Line {i} of a long statement that a scraper saved without blank lines between paragraphs." for i in range(120)]
    doc = read(tmp_path, "wall.txt", "A wall of text\n\n" + "\n".join(lines) + "\n")
    prose = [p for p in doc.paragraphs if p.prose]
    assert len(prose) > 1 and all(len(p.text) < 4000 for p in prose)
    assert prose[1].line == 3 + sum(1 for _ in prose[0].text.split("Line ")) - 1  # each starts at its own line
    assert " ".join(p.text for p in prose) == " ".join(lines)  # nothing lost
