"""Acronyms defined in the text: "Long Form (LF)".

The long form is found with the algorithm of Schwartz and Hearst (2003, "A simple algorithm
for identifying abbreviation definitions in biomedical text"): read the acronym's letters
from right to left and find each in the words before the parenthesis, the first letter at
the start of a word. It accepts initials taken inside a word or skipped words ("CTBT" for
"Comprehensive Nuclear-Test-Ban Treaty", "New START" for "New Strategic Arms Reduction
Treaty") without a list of known acronyms.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span


def long_form(acronym: str, candidate: str) -> str | None:
    """The shortest tail of `candidate` that `acronym` abbreviates, or None."""
    a = len(acronym) - 1
    c = len(candidate) - 1
    while a >= 0:
        char = acronym[a].lower()
        if not char.isalnum():
            a -= 1
            continue
        while c >= 0 and (candidate[c].lower() != char or (a == 0 and c > 0 and candidate[c - 1].isalnum())):
            c -= 1
        if c < 0:
            return None
        c -= 1
        a -= 1
    start = candidate.rfind(" ", 0, c + 1) + 1
    return candidate[start:]


def _is_acronym(span: Span) -> bool:
    text = span.text
    capitals = sum(ch.isupper() for ch in text)
    return 2 <= capitals and text[:1].isupper() and len(text) <= 12 and any(t.is_upper and len(t) >= 2 for t in span)


def definitions(doc: Doc) -> list[tuple[Span, Span]]:
    """(long form, acronym) for every "Long Form (LF)" in the text whose long form starts with
    a capital: names, not descriptions."""
    pairs = []
    for token in doc:
        if token.text != "(":
            continue
        close = next((i for i in range(token.i + 2, min(token.i + 5, len(doc))) if doc[i].text == ")"), None)
        if close is None:
            continue
        acronym = doc[token.i + 1:close]
        if not _is_acronym(acronym):
            continue
        letters = len(re.sub(r"[^A-Za-z0-9]", "", acronym.text))
        first = max(token.sent.start, token.i - min(letters + 5, letters * 2) - 4)
        window = doc[first:token.i]
        found = long_form(acronym.text, window.text)
        if not found:
            continue
        start_char = window.end_char - len(found)
        long_span = doc.char_span(start_char, window.end_char, alignment_mode="contract")
        if long_span is None or not long_span.text[:1].isupper() or len(long_span) < 2:
            continue
        pairs.append((long_span, acronym))
    return pairs
