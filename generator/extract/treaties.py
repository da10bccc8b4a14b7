"""Treaties and agreements as their own kind.

Three general mechanisms, none tied to one treaty:
1. Named instruments: a run of capitalised words ending in an instrument noun ("Open Skies
   Treaty", "Abraham Accords", "Vienna Document", "Intermediate-Range Nuclear Forces (INF)
   Treaty"), or an instrument noun followed by "on/of/for ..." ("Treaty on Open Skies").
   These are EntityRuler patterns (label LAW) so the statistical NER cannot split them.
2. Descriptive mentions: a lower-case instrument noun with a modifier that pins it down: a year
   ("the 1987 treaty"), parties ("the Egypt-Israel peace treaty", "the treaty with Jordan"),
   a subject ("the 2015 Iran nuclear deal", "the submarine contract") or a drafting state
   ("two draft treaties"). A bare "the treaty" is an anaphor, not a new treaty.
3. Naming: "a partnership named AUKUS", "the pact, known as X": the name given to an
   instrument noun is a treaty.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import gazetteer

# Nouns that name an international instrument when capitalised at the end of a name.
INSTRUMENT_HEADS = ("treaty", "treaties", "accord", "accords", "agreement", "agreements", "convention", "conventions",
                    "pact", "protocol", "protocols", "charter", "declaration", "memorandum", "document", "deal",
                    "understanding", "statement", "communique", "communiqué", "plan", "partnership", "contract",
                    "regulations", "resolution", "annex", "principles", "consensus", "framework", "award",
                    "arrangement", "arrangements", "compact", "roadmap")
# Heads that are specific enough to start a named instrument ("Treaty on Open Skies").
LEADING_HEADS = ("Treaty", "Convention", "Agreement", "Protocol", "Charter", "Declaration", "Memorandum", "Accord",
                 "Principles", "Framework", "Compact")
# Lower-case nouns that are instruments only with a modifier that identifies them.
DESCRIPTIVE_HEADS = {"treaty", "accord", "agreement", "pact", "deal", "convention", "protocol", "declaration",
                     "statement", "contract", "memorandum", "charter", "communique", "arrangement", "understanding"}
# Verbs that make an instrument a particular one: the text tells that it was signed or concluded.
SIGNING_VERBS = {"sign", "conclude", "ink", "ratify", "broker", "initial"}
# Nouns that a name is given to in "a partnership named AUKUS".
NAMED_HEADS = DESCRIPTIVE_HEADS | {"partnership", "alliance", "grouping", "initiative", "pact"}
# Nouns that make the whole name an organisation, not an instrument ("... Treaty Organization").
ORGANISATION_TAILS = ("Organization", "Organisation", "Council", "Commission", "Secretariat", "Alliance")
# Modifiers that say nothing about which instrument is meant.
VAGUE_MODIFIERS = {"new", "old", "landmark", "historic", "short", "long", "lengthy", "prolonged", "brief", "same",
                   "other", "such", "this", "that", "these", "those", "any", "every", "each", "some", "its", "their",
                   "his", "her", "our", "your", "my", "first", "last", "final", "previous", "current", "existing",
                   "formal", "informal", "broad", "broader", "wider", "possible", "potential", "future", "major",
                   "key", "important", "main", "crucial", "two", "three", "several", "many", "both", "multibillion",
                   "multibillion-dollar", "big", "small", "whole", "entire", "proposed"}
DRAFT_WORDS = {"draft", "drafted", "proposed"}

# A word of a name: capitalised, an all-caps acronym, a year, or the hyphen of a compound.
_NAME_WORD = {"TEXT": {"REGEX": r"^([A-Z][\w'’.]*|\d{4}|-)$"}}
_FIRST_WORD = {"TEXT": {"REGEX": r"^[A-Z][\w'’.]*$"}}
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})
_CALENDAR = sorted(CALENDAR)
_ACRONYM = [{"ORTH": "(", "OP": "?"}, {"TEXT": {"REGEX": r"^[A-Z][A-Za-z0-9-]*$"}, "OP": "?"}, {"ORTH": ")", "OP": "?"}]


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns for named instruments (label LAW) and "... Treaty Organization" (ORG)."""
    named_heads = sorted({h.capitalize() for h in INSTRUMENT_HEADS} - {"Plan", "Partnership", "Contract", "Statement", "Understanding", "Deal", "Resolution", "Annex"})
    patterns: list[dict] = []
    # "Open Skies Treaty", "Intermediate-Range Nuclear Forces (INF) Treaty", "Abraham Accords"
    patterns.append({"label": "LAW", "pattern": [_FIRST_WORD, {**_NAME_WORD, "OP": "*"}, *_ACRONYM, {"ORTH": {"IN": named_heads}}]})
    # "Treaty on Open Skies", "Treaty of Peace, Diplomatic Relations and Full Normalization",
    # "African Charter on Democracy, Elections and Governance", "Agreement on the Path to
    # Normalisation"; a calendar word ends the name ("the Treaty on Open Skies on Saturday")
    patterns.append({"label": "LAW", "pattern": [{**_FIRST_WORD, "LOWER": {"NOT_IN": _CALENDAR}, "OP": "*"},
                                                {"ORTH": {"IN": list(LEADING_HEADS)}}, {"LOWER": {"IN": ["on", "of", "for"]}},
                                                {"LOWER": "the", "OP": "?"}, {**_FIRST_WORD, "OP": "+"},
                                                {"TEXT": {"REGEX": r"^(,|and|of|on|in|to|for|the|-|[A-Z][\w'’-]*)$"}, "LOWER": {"NOT_IN": _CALENDAR}, "OP": "*"},
                                                {**_FIRST_WORD, "LOWER": {"NOT_IN": _CALENDAR}}]})
    # "the 1992 Consensus": a year may open the name
    patterns.append({"label": "LAW", "pattern": [{"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}, {**_NAME_WORD, "OP": "*"}, {"ORTH": {"IN": named_heads}}]})
    # "UN Security Council Resolution 1244", "Resolution 2231"
    patterns.append({"label": "LAW", "pattern": [{**_FIRST_WORD, "OP": "*"}, {"ORTH": "Resolution"}, {"TEXT": {"REGEX": r"^\d{2,4}$"}}]})
    # "Comprehensive Nuclear-Test-Ban Treaty Organization" is an organisation
    patterns.append({"label": "ORG", "pattern": [_FIRST_WORD, {**_NAME_WORD, "OP": "*"}, {"ORTH": {"IN": named_heads}},
                                                {"ORTH": {"IN": list(ORGANISATION_TAILS)}}]})
    return patterns


def is_instrument_name(text: str) -> bool:
    """True for a name whose head is an instrument noun ("Open Skies Treaty", "New START" is not)."""
    words = re.findall(r"[\w'’]+", text)
    if not words:
        return False
    if words[-1] in ORGANISATION_TAILS:
        return False
    return words[-1].lower() in INSTRUMENT_HEADS or (words[0] in LEADING_HEADS and len(words) > 2)


def descriptive_head(token: Token) -> bool:
    """A lower-case instrument noun with a modifier that identifies which instrument it is.

    A year, a party, "draft" or "joint" identify it anywhere; a subject noun alone ("the
    submarine contract") only with the definite article. An apposition to a named
    instrument ("the Vienna Document, the main ... agreement") describes it: not a new one."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DESCRIPTIVE_HEADS or not token.is_lower:
        return False
    modifiers = identifying_modifiers(token)
    describes_named = (token.dep_ == "appos" and token.head.ent_type_ == "LAW") or any(c.dep_ == "appos" and c.ent_type_ == "LAW" for c in token.children)
    if describes_named and not _party_phrases(token):
        return False  # "the Vienna Document, the main confidence-building agreement": the same one
    dated = [m for m in modifiers if re.fullmatch(r"1[89]\d\d|20\d\d", m.text) or m.lower_ in DRAFT_WORDS]
    if token.tag_ == "NNS":  # "agreements with Russia" are any agreements; "two draft treaties" are not
        return bool(dated)
    strong = [m for m in modifiers if m.dep_ == "prep" or m.ent_type_ or m.lower_ == "joint"] + dated
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    return bool(strong) or (bool(modifiers) and definite) or (signed(token) and bool(describing_words(token)))


def signed(token: Token) -> bool:
    """"the two governments signed a reciprocal agreement", "a transit agreement signed in
    2019": an instrument the text says was signed or concluded is a particular one."""
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in SIGNING_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in SIGNING_VERBS for c in token.children)


def describing_words(token: Token) -> list[Token]:
    """The words before an instrument noun that say what kind it is ("reciprocal", "ceasefire",
    "gas transit"), without sizes or words that say nothing."""
    return [c for c in token.children if c.i < token.i and c.dep_ in ("amod", "compound", "nmod")
            and c.lower_ not in VAGUE_MODIFIERS and not _measure(c) and not c.like_num]


def signing_year(token: Token) -> int | None:
    """The year in "signed in 2019" after an instrument noun."""
    for verb in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in SIGNING_VERBS):
        for t in verb.subtree:
            if re.fullmatch(r"1[89]\d\d|20\d\d", t.text) and t.head.lower_ in ("in", "on") and t.head.head.i == verb.i:
                return int(t.text)
    return None


def _party_phrases(token: Token) -> list[Token]:
    """"with <party>", "between <party> and <party>", also after "of <subject>" ("a
    declaration of peace between Israel and Bahrain")."""
    found = []
    for child in token.children:
        if child.i < token.i or child.dep_ != "prep":
            continue
        if child.lower_ in ("with", "between") and any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in child.subtree):
            found.append(child)
        elif child.lower_ == "of":
            for noun in (c for c in child.children if c.dep_ == "pobj" and c.is_lower):
                inner = _party_phrases(noun)
                if inner:
                    found.append(child)
    return found


def identifying_modifiers(token: Token) -> list[Token]:
    """The children of an instrument noun that pin it down: a year, a party, a subject, "draft",
    or "with/between <party>"."""
    found = _party_phrases(token)
    for child in token.children:
        if child.i > token.i:
            continue
        if _measure(child):
            continue  # "a five-year transit agreement", "the 17-article treaty": a size, not a name
        if child.dep_ == "poss" and child.ent_type_ in ("GPE", "NORP", "ORG"):
            found.append(child)  # "Iran's safeguards agreement": a party
            continue
        if child.dep_ in ("nummod", "compound", "amod", "nmod") and child.lower_ not in VAGUE_MODIFIERS:
            if child.like_num and not re.fullmatch(r"1[89]\d\d|20\d\d", child.text):
                continue
            if child.pos_ in ("ADJ",) and child.lower_ not in DRAFT_WORDS and not child.ent_type_:
                if token.lemma_.lower() == "statement" and child.lower_ == "joint":
                    found.append(child)
                continue
            found.append(child)
    return found


def _measure(token: Token) -> bool:
    """"five-year", "17-article", "90-day": a number joined to a unit by a hyphen."""
    return any(t.like_num for t in token.subtree) and any(t.text == "-" for t in token.subtree)


def _phrase_end(preposition: Token) -> int:
    """Where "with Jordan", "between Israel and Bahrain" ends: its nouns and what is joined to
    them by "and", not the clauses that hang from them."""
    ends = [preposition.i + 1]
    for noun in (c for c in preposition.children if c.dep_ == "pobj"):
        for part in [noun, *noun.conjuncts]:
            ends.append(max([part.i] + [t.i for t in part.children if t.dep_ in ("compound", "flat") and t.i > part.i]) + 1)
        for inner in (c for c in noun.children if c.dep_ == "prep"):  # "of peace between A and B"
            ends.append(_phrase_end(inner))
    return max(ends)


def descriptive_span(token: Token) -> Span:
    """The words that name a descriptive instrument: from its first identifying modifier to
    the end of a "with/between" phrase ("1979 Egypt-Israel peace treaty", "treaty with Jordan")."""
    mods = identifying_modifiers(token) or describing_words(token)  # the latter for a signed one
    start = min([token.i] + [m.left_edge.i if m.dep_ != "prep" else token.i for m in mods if m.i < token.i])
    end = max([token.i + 1] + [_phrase_end(m) for m in mods if m.i > token.i and m.dep_ == "prep"])
    doc = token.doc
    while start < token.i and (doc[start].lower_ in VAGUE_MODIFIERS or doc[start].pos_ in ("DET", "PUNCT") or doc[start].like_num and not re.fullmatch(r"1[89]\d\d|20\d\d", doc[start].text)):
        start += 1
    if start and doc[start - 1].like_num and not re.fullmatch(r"1[89]\d\d|20\d\d", doc[start - 1].text):
        start -= 1  # "two draft agreements": a count right before belongs to what the text says
    return doc[start:end]


def parties(span: Span) -> list[str]:
    """Gazetteer keys of the states a treaty's words name as its parties: in its name
    ("Egypt-Israel peace treaty", "Emirati-Israeli agreement") or after "with/between"."""
    head = span.root
    words = list(span) + [t for p in _party_phrases(head) for t in p.subtree if t.i >= span.end]
    keys = []
    for token in words:
        if not token.text[:1].isupper() or token.ent_type_ not in ("GPE", "NORP", "ORG"):
            continue
        for entry in gazetteer.lookup(token.text):
            if entry.kind == "country" and entry.role in ("name", "alias", "official", "demonym") and entry.key not in keys:
                keys.append(entry.key)
    return sorted(keys)


def author(head: Token) -> Token | None:
    """Who drafted or published an instrument: the subject of the verb it is the object of
    ("the Russian Foreign Ministry revealed two draft treaties"), or of the relative clause
    that describes it ("the draft treaties Russia released")."""
    if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "agent")), None)
        if subject is not None:
            return subject
    clause = next((c for c in head.children if c.dep_ == "relcl"), None)
    if clause is not None:
        return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def named_instrument(token: Token) -> bool:
    """"a partnership named AUKUS", "the pact, known as X": `token` is the name's head."""
    verb = token.head
    if not (token.pos_ == "PROPN" or token.is_upper or token.is_title) or token.dep_ not in ("oprd", "dobj", "attr", "npadvmod", "appos", "xcomp"):
        return False
    if verb.lemma_.lower() not in ("name", "call", "know", "dub", "title") or verb.dep_ not in ("acl", "relcl", "advcl"):
        return False
    return verb.head.lemma_.lower() in NAMED_HEADS
