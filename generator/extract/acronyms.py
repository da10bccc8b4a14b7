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


def _initials(words: list[str]) -> str:
    """The capitals an acronym takes from words: each capitalised word's first letter (each
    part of a hyphenated one), all the letters of an acronym inside ("EU")."""
    letters = []
    for word in words:
        if word.isupper() and len(word) > 1:
            letters.append(re.sub(r"[^A-Z]", "", word))
        else:
            letters += [part[0] for part in word.split("-") if part[:1].isupper()]
    return "".join(letters)


def _exact_initials_start(window: Span, start_char: int, acronym: str) -> int:
    """Schwartz-Hearst takes the shortest long form; when the capitalised words one or two
    further left make the initials read as the acronym ("China Chamber of Commerce to the EU"
    for CCCEU; "National Council for Salvation and Renewal" for CNSR, in another language's
    order), the long form starts there."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    starts = [start_char] + [t.idx for t in reversed(window) if t.idx < start_char and t.is_title and t.lower_ not in FUNCTION_WORDS][:2]
    for same in (lambda a, b: a == b, lambda a, b: sorted(a) == sorted(b)):
        for candidate in starts:
            if same(_initials(window.text[candidate - window.start_char:].split()), letters):
                return candidate
    return start_char


def _translated_start(window: Span, acronym: str) -> int | None:
    """"Supreme Electoral Tribunal (TSE)", "National Council for Salvation and Renewal (CNSR)":
    an acronym from another language's word order has the same initials, in another order."""
    letters = sorted(re.sub(r"[^A-Z]", "", acronym))
    for token in window:
        if not token.is_title or token.lower_ in FUNCTION_WORDS:
            continue
        words = window.text[token.idx - window.start_char:].split()
        if sorted(_initials(words)) == letters and all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words):
            return token.idx
    return None


FUNCTION_WORDS = {"of", "for", "and", "on", "in", "the", "to", "de", "du", "des", "la", "le", "del", "y", "et"}


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
        if found:
            start_char = _exact_initials_start(window, window.end_char - len(found), acronym.text)
        else:
            start_char = _translated_start(window, acronym.text)
            if start_char is None:
                continue
        long_span = doc.char_span(start_char, window.end_char, alignment_mode="contract")
        while long_span is not None and len(long_span) > 1 and long_span[0].lower_ in FUNCTION_WORDS:
            long_span = long_span[1:]  # "The Supreme Electoral Tribunal": the article is not part of it
        if long_span is None or not long_span.text[:1].isupper() or len(long_span) < 2:
            continue
        pairs.append((long_span, acronym))
    return pairs
