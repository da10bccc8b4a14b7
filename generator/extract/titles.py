"""Titles before names, and the persons they reveal.

"Deputy Secretary of State Wendy Sherman", "Russian Deputy Foreign Minister Sergei Ryabkov":
the gazetteer's title grammar reads the title (role, and whose role it is). Spun or unusual
titles still have the general shape "<capitalised words> <head>" ("Deputy International
Minister") or "<head>-<Capitalised>" ("Secretary-Normal", a spun "Secretary-General").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import gazetteer

MAX_TITLE_WORDS = 8
MAX_NAME_WORDS = 4


@lru_cache(maxsize=1)
def head_words() -> frozenset[str]:
    return gazetteer.title_head_words() | {"secretary-general"}


def role_noun(token: Token) -> bool:
    """A word that heads a person's title, singular or plural: "spokesman", "officials", "aide"."""
    return token.lower_ in head_words() or token.lemma_.lower() in head_words()


def title_at(doc: Doc, start: int, end: int) -> gazetteer.TitleMatch | None:
    """A title that takes exactly the tokens doc[start:end], or None."""
    found = gazetteer.title_prefix([t.text for t in doc[start:end]])
    if found and found.n_tokens == end - start:
        return found
    return _general_title(doc, start, end)


def _general_title(doc: Doc, start: int, end: int) -> gazetteer.TitleMatch | None:
    tokens = list(doc[start:end])
    heads = head_words()
    head_at = max((i for i, t in enumerate(tokens) if t.lower_ in heads), default=None)
    if head_at is None:
        return None
    tail = tokens[head_at + 1:]
    hyphenated = len(tail) == 2 and tail[0].text == "-" and tail[1].is_title  # "Secretary-Normal"
    portfolio = len(tail) >= 2 and tail[0].lower_ in ("of", "for") and all(t.is_title for t in tail[1:])  # "Minister of Finance"
    if tail and not (hyphenated or portfolio):
        return None
    before = tokens[:head_at]
    if any(t.is_stop or not (t.is_title or t.is_upper or t.text in ("-", ".")) for t in before):
        return None  # "As President Biden": a capitalised function word is no title
    qualifier, meanings = _known_names(before)
    role_tokens = [t for t in tokens if t not in qualifier]
    if not role_tokens:
        return None
    country = next((e.key for e in meanings if e.kind == "country"), None)
    organization = next((e.key for e in meanings if e.kind == "organization"), None)
    role = re.sub(r"\s*-\s*", "-", " ".join(t.text for t in role_tokens))
    return gazetteer.TitleMatch(role=role, n_tokens=len(tokens), country=country, organization=organization,
                                qualifier=" ".join(t.text for t in qualifier) or None, roles=(role,))


def _known_names(tokens: list) -> tuple[list, list]:
    """The tokens of the known names among `tokens`, longest first ("South African", not
    "African"), and what those names mean."""
    found, meanings, i = [], [], 0
    while i < len(tokens):
        for n in range(min(3, len(tokens) - i), 0, -1):
            entries = gazetteer.lookup(" ".join(t.text for t in tokens[i:i + n]))
            if entries:
                found += tokens[i:i + n]
                meanings += entries
                i += n
                break
        else:
            i += 1
    return found, meanings


def title_before(span: Span) -> tuple[gazetteer.TitleMatch | None, int]:
    """The longest title that ends right before `span`, and the index where it starts."""
    doc = span.doc
    for start in range(max(span.sent.start, span.start - MAX_TITLE_WORDS), span.start):
        if doc[start].is_punct:
            continue
        found = title_at(doc, start, span.start)
        if found:
            return found, start
    return None, span.start


def title_inside(span: Span) -> tuple[gazetteer.TitleMatch | None, int]:
    """A title at the start of a person span, leaving at least one word of name ("Sheikh
    Mohammed"): the title and where the name starts."""
    for end in range(span.end - 1, span.start, -1):
        found = title_at(span.doc, span.start, end)
        if found and found.role:
            return found, end
    return None, span.start


def title_across(span: Span) -> tuple[gazetteer.TitleMatch | None, int, int]:
    """A title that starts before a person span and ends inside it ("Vice Minister of" +
    "Finance Liao Jianguo"): the title, where it starts, and where the name starts."""
    doc = span.doc
    for inner in range(span.start + 1, span.end - 1):  # leave at least two words of name
        for start in range(max(span.sent.start, span.start - MAX_TITLE_WORDS), span.start):
            found = title_at(doc, start, inner)
            if found and found.role:
                return found, start, inner
    return None, span.start, span.start


def title_people(doc: Doc) -> list[Span]:
    """Persons the model missed: a title followed by two or more capitalised words."""
    spans = []
    heads = head_words()
    for token in doc:
        if token.lower_ not in heads and not (token.text == "-" and token.i and doc[token.i - 1].lower_ in heads):
            continue  # a title ends with a head word (or "<head>-<Word>"): only look after those
        name_start = token.i + (2 if token.text == "-" else 1)
        if name_start >= len(doc) or doc[name_start].ent_type_ == "PERSON":
            continue  # the model found this name: its span is better than ours
        found, _ = title_before(doc[name_start:name_start + 1])
        if not found or not found.role:
            continue
        end = name_start
        while end < len(doc) and end - name_start < MAX_NAME_WORDS and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].ent_type_ not in ("GPE", "NORP", "DATE", "LAW") and doc[end].lower_ not in heads:
            end += 1
        if end - name_start >= 2:
            spans.append(Span(doc, name_start, end, label="PERSON"))
    return spans


# "<Name> administration" stands for that person.
PERSONAL_BODIES = {"administration", "presidency"}


def administrations(doc: Doc) -> list[Span]:
    """"the Biden administration": the whole phrase, labelled PERSON_BODY (the person is
    the name without its last word)."""
    spans = []
    for token in doc:
        if token.lower_ not in PERSONAL_BODIES or not token.i:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start > token.i - 3:
            start -= 1
        if start < token.i and not gazetteer.lookup(doc[start:token.i].text):
            spans.append(Span(doc, start, token.i + 1, label="PERSON_BODY"))
    return spans
