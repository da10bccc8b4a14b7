"""Mentions of actors, places and treaties in one document.

Candidates come from the statistical NER and the EntityRuler (gazetteers, treaty names), plus
rules for what the small model misses: a title followed by capitalised words is a person
("NATO Secretary-General Jens Stoltenberg"), "<Surname> administration" stands for that
person, a name defined with an acronym ("... Forces (INF) Treaty") is one entity under both
names, and a lower-case instrument with an identifying modifier is a treaty ("the 1987
treaty").

Each candidate is then typed by evidence, strongest first:
1. the gazetteers: a country, its demonym, capital or seat of government; an international
   organisation or national body; a region, sea or territory;
2. the syntax: an apposition or predicate noun ("Rapid Trident, an annual exercise"; "the two
   envoys, A and B"); a capital that is the subject of a verb is its government, after "in" it
   is a place;
3. the document: a name used elsewhere in the text as a person's surname is that person; an
   acronym defined in the text has the type of its long form;
4. the NER label.
A title before a person's name becomes the mention's role ("Deputy Secretary of State").
Within the document, a short name is resolved to the full name it abbreviates ("Sherman" ->
"Wendy Sherman", "the Foreign Ministry" -> "Russian Foreign Ministry").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import gazetteer
from ..model import Extraction, Mention
from . import treaties
from .context import DocumentText, ParsedParagraph

# --------------------------------------------------------------------------- vocabulary

# What an apposition or a predicate noun says about the name it describes.
PERSON_NOUNS = {
    "man", "woman", "official", "leader", "member", "head", "chief", "spokesman", "spokeswoman", "spokesperson",
    "minister", "president", "secretary", "ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
    "adviser", "advisor", "aide", "director", "chairman", "chairwoman", "chair", "governor", "senator", "lawmaker",
    "journalist", "reporter", "dissident", "activist", "analyst", "expert", "general", "commander", "officer",
    "prince", "king", "queen", "sheikh", "emir", "son", "daughter", "brother", "sister", "wife", "husband", "father",
    "mother", "son-in-law", "negotiator", "speaker", "mayor", "premier", "chancellor", "politician", "candidate",
    "founder", "executive", "deputy", "counterpart", "statesman", "citizen", "prisoner", "representative",
    "americans", "people", "officials", "leaders", "ministers", "presidents", "men", "women",
}
ORGANISATION_NOUNS = {"organization", "organisation", "company", "firm", "agency", "group", "party", "network",
                      "ministry", "department", "council", "committee", "alliance", "bloc", "institute",
                      "institution", "union", "body", "club", "foundation", "court", "parliament", "movement",
                      "militia", "shipbuilder", "manufacturer", "broadcaster", "airline", "carrier", "newspaper",
                      "think", "tank", "university", "bank"}
PLACE_NOUNS = {"city", "town", "village", "capital", "region", "province", "district", "area", "territory",
               "island", "islands", "archipelago", "peninsula", "sea", "river", "lake", "mountain", "mountains",
               "valley", "desert", "exclave", "enclave", "port", "base", "ground", "site", "field", "mansion",
               "palace", "building", "airport", "square", "street", "park", "strip", "coast", "villa", "resort",
               "oblast", "county", "neighbourhood", "neighborhood", "suburb", "headquarters", "house", "home",
               "embassy", "consulate", "hotel", "centre", "center", "arena", "stadium", "hall", "camp", "prison"}
# Nouns that make a name something that is none of our kinds: an exercise, a weapon, a ship.
OTHER_NOUNS = {"exercise", "exercises", "drill", "drills", "operation", "war", "game", "games", "missile", "missiles",
               "aircraft", "plane", "jet", "ship", "vessel", "submarine", "tank", "tanks", "system", "program",
               "programme", "project", "festival", "event", "storm", "hurricane", "virus", "book", "film", "song",
               "magazine", "platform", "website", "app", "phrase", "slogan", "formula", "ceremony", "engagement",
               "battle", "edition", "flight", "flights", "mission", "vehicle", "drone", "rocket", "weapon",
               "warfare", "wars", "revolution", "uprising", "crisis", "pandemic", "wall", "doctrine", "era", "age"}
APPOSITION_TYPES = (("person", PERSON_NOUNS), ("organization", ORGANISATION_NOUNS), ("place", PLACE_NOUNS), (None, OTHER_NOUNS))
# After these prepositions a capital or a seat of government is a location, not a government.
LOCATIVE = {"in", "at", "to", "from", "near", "into", "outside", "inside", "toward", "towards", "across", "around",
            "through", "via", "within", "throughout", "above", "beyond", "off"}
# "<Name> administration" stands for that person.
PERSONAL_BODIES = {"administration", "presidency"}
# Words that head a title even when the words before them are unknown ("Deputy International
# Minister", a spun "Foreign Minister"), and compounds like "Secretary-General".
TITLE_HEADS = {"minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson", "ambassador",
               "envoy", "adviser", "advisor", "chairman", "chairwoman", "director", "speaker", "chancellor",
               "governor", "general", "commander", "chief", "leader", "premier", "senator", "representative",
               "admiral", "colonel", "prosecutor", "judge", "mayor", "secretary-general"}
LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT"}
ARTICLES = {"the", "a", "an"}
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


@dataclass
class Candidate:
    parsed: ParsedParagraph
    span: Span  # the name: no article, possessive or title
    label: str  # NER or rule label
    surface: Span  # what the text says, title included ("President Vladimir Putin")
    role: str | None = None
    role_country: str | None = None  # gazetteer key of the country a title names ("Russian ...")
    role_org: str | None = None  # gazetteer key of the organisation a title names ("NATO ...")
    kind: str | None = None
    type: str | None = None
    key: str | None = None
    name: str = ""
    year: int | None = None

    @property
    def root(self) -> Token:
        return self.span.root


# --------------------------------------------------------------------------- spans


def trimmed(span: Span) -> Span | None:
    """The name without a leading article or possessive pronoun and without a trailing "'s"."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].tag_ == "PRP$"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
                           or (doc[end - 1].is_punct and doc[end - 1].text not in (")", "."))):
        end -= 1
    return doc[start:end] if end > start else None


def name_of(span: Span) -> str:
    text = re.sub(r"\s+", " ", span.text)
    text = re.sub(r"(?<=\w)[’']s$", "", text)
    return text.strip(" ,;:-\u2014\u2013\"“”")


def title_at(doc: Doc, start: int, end: int) -> gazetteer.TitleMatch | None:
    """A title that takes exactly the tokens doc[start:end], from the gazetteer's title
    grammar, or the general shape "<Capitalised words> <title head>" ("Deputy International
    Minister") and "<Head>-<Capitalised>" ("Secretary-Normal")."""
    words = [t.text for t in doc[start:end]]
    found = gazetteer.title_prefix(words)
    if found and found.n_tokens == len(words):
        return found
    tokens = list(doc[start:end])
    head_at = max((i for i, t in enumerate(tokens) if t.lower_ in TITLE_HEADS), default=None)
    if head_at is None:
        return None
    tail = tokens[head_at + 1:]
    if tail and not (len(tail) == 2 and tail[0].text == "-" and tail[1].is_title):
        return None  # "Secretary-Normal" is a head-hyphen-word compound; anything else is not a title
    before = tokens[:head_at]
    if any(t.is_stop or not (t.is_title or t.is_upper or t.text in ("-", ".")) for t in before):
        return None  # "As President Biden": a capitalised function word is no title
    qualifier = [t for t in before if gazetteer.lookup(t.text)]
    role_tokens = [t for t in tokens if t not in qualifier]
    if not role_tokens:
        return None
    country = next((e.key for t in qualifier for e in gazetteer.lookup(t.text) if e.kind == "country"), None)
    org = next((e.key for t in qualifier for e in gazetteer.lookup(t.text) if e.kind == "organization"), None)
    role = re.sub(r"\s*-\s*", "-", " ".join(t.text for t in role_tokens))
    return gazetteer.TitleMatch(role=role, n_tokens=len(tokens), country=country, organization=org,
                                qualifier=" ".join(t.text for t in qualifier) or None, roles=(role,))


def title_before(span: Span) -> tuple[gazetteer.TitleMatch | None, int]:
    """The longest title that ends right before `span`, and where it starts."""
    doc = span.doc
    for start in range(max(span.sent.start, span.start - 8), span.start):
        if doc[start].is_punct:
            continue
        found = title_at(doc, start, span.start)
        if found:
            return found, start
    return None, span.start


def _title_people(doc: Doc) -> list[Span]:
    """Persons the model missed: a title followed by two or more capitalised words."""
    spans = []
    for end_of_title in range(1, len(doc)):
        found, start = title_before(doc[end_of_title:end_of_title + 1])
        if not found or not found.role:
            continue
        end = end_of_title
        while end < len(doc) and end - end_of_title < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].ent_type_ not in ("GPE", "NORP", "DATE", "LAW") and doc[end].lower_ not in TITLE_HEADS:
            end += 1
        if end - end_of_title >= 2:
            spans.append(Span(doc, end_of_title, end, label="PERSON"))
    return spans


def _administrations(doc: Doc) -> list[Span]:
    """"the Biden administration" stands for Biden (the span keeps the whole phrase)."""
    spans = []
    for token in doc:
        if token.lower_ in PERSONAL_BODIES and token.i and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].is_title:
            start = token.i - 1
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].ent_type_ == "PERSON":
                start -= 1
            if not gazetteer.lookup(doc[start:token.i].text):
                spans.append(Span(doc, start, token.i + 1, label="PERSON_BODY"))
    return spans


# Nouns that end the name of a state's body: "<Russian|Russia's> <Foreign> Ministry".
BODY_HEADS = {"ministry", "department", "council", "army", "navy", "forces", "force", "embassy", "parliament",
              "agency", "service", "office", "guard", "court", "police", "military", "committee", "commission",
              "assembly", "senate", "congress", "duma", "cabinet", "command", "directorate", "bureau"}
# Lower-case heads that still make "<demonym> <head>" a body ("the Israeli military").
LOWER_BODY_HEADS = {"military", "army", "navy", "parliament", "police"}


def _national_bodies(doc: Doc) -> list[Span]:
    """"the Russian International Ministry", "Russia's Foreign Ministry", "the Israeli military":
    a country's demonym or possessive name, capitalised words, and a body noun."""
    spans = []
    for token in doc:
        if token.ent_type_ == "ORG" or (token.i and doc[token.i - 1].text in ("-", "\u2013")) or not token.text[:1].isupper():
            continue  # already inside a known name ("NATO-Russia Council")
        entries = gazetteer.lookup(token.text)
        if not any(e.kind == "country" and e.role in ("demonym", "name", "alias") for e in entries):
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].tag_ == "POS":
            end += 1
        last = end
        while last < len(doc) and last - end < 4 and (doc[last].is_title or doc[last].lower_ in LOWER_BODY_HEADS):
            if doc[last].lower_ in BODY_HEADS and (doc[last].is_title or doc[last].lower_ in LOWER_BODY_HEADS):
                if doc[last].dep_ != "compound":  # "U.S. army support" is support, not the army
                    spans.append(Span(doc, token.i, last + 1, label="ORG"))
                break
            last += 1
    return spans


def _treaty_spans(doc: Doc) -> list[Span]:
    spans = []
    for token in doc:
        if treaties.descriptive_head(token):
            described = treaties.descriptive_span(token)
            spans.append(Span(doc, described.start, described.end, label="LAW"))
        elif treaties.named_instrument(token):
            spans.append(Span(doc, token.i, token.i + 1, label="LAW"))
    return spans


FUNCTION_WORDS = {"of", "for", "and", "on", "in", "the", "to", "-", "&"}


def acronym_definitions(doc: Doc) -> list[tuple[Span, Span]]:
    """"Long Name (LN)": (long form, acronym) when the acronym's capitals are the initials of
    the capitalised words (or hyphenated parts) before the parenthesis."""
    pairs = []
    for token in doc:
        if token.text != "(":
            continue
        close = next((i for i in range(token.i + 2, min(token.i + 4, len(doc))) if doc[i].text == ")"), None)
        if close is None:
            continue
        acronym = doc[token.i + 1:close]
        letters = re.sub(r"[^A-Z]", "", acronym.text)
        if len(letters) < 2 or not acronym.text[:1].isupper():
            continue
        start = _long_form_start(doc, token.i, letters)
        if start is not None:
            pairs.append((doc[start:token.i], acronym))
    return pairs


def _long_form_start(doc: Doc, end: int, letters: str) -> int | None:
    initials = ""
    for i in range(end - 1, max(-1, end - 14), -1):
        word = doc[i].text
        if word.lower() in FUNCTION_WORDS:
            continue
        if not word[:1].isupper():
            return None
        initials = "".join(part[0] for part in word.split("-") if part[:1].isupper()) + initials
        # "New Strategic Arms Reduction Treaty (New START)": the acronym starts with the
        # initials it shares with the long form; the instrument noun is often left out.
        if initials == letters or (len(initials) >= 3 and letters.startswith(initials[:-1]) and initials[:-1] and _close(initials, letters)):
            return i
    return None


def _close(initials: str, letters: str) -> bool:
    return initials.startswith(letters) or letters.startswith(initials) or initials[:-1] == letters[: len(initials) - 1]


# --------------------------------------------------------------------------- candidates


def candidates(parsed: ParsedParagraph) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """The name candidates of one paragraph, and the acronyms it defines (acronym, long form)."""
    doc = parsed.doc
    definitions = acronym_definitions(doc)
    rule_spans = _title_people(doc) + _administrations(doc) + _treaty_spans(doc) + _national_bodies(doc)
    for long_form, _ in definitions:
        label = "LAW" if treaties.is_instrument_name(long_form.text) else (long_form.root.ent_type_ or "ORG")
        rule_spans.append(Span(doc, long_form.start, long_form.end, label=label))
    chosen = filter_spans(rule_spans)
    taken = {i for span in chosen for i in range(span.start, span.end)}
    chosen += [e for e in doc.ents if e.label_ in LABELS and not taken.intersection(range(e.start, e.end))]
    found: list[Candidate] = []
    in_titles: set[int] = set()  # tokens that belong to a person's title ("Secretary of State")
    for span in sorted(chosen, key=lambda s: s.start):
        name = trimmed(span)
        if name is None:
            continue
        label = span.label_
        surface_end = span.end
        if label == "PERSON_BODY":  # the person is named; the surface keeps "administration"
            name, label, surface_end = doc[name.start:name.end - 1], "PERSON", name.end
        title, title_start = title_before(name) if label in ("PERSON", "ORG", "NORP", "GPE") else (None, name.start)
        if title and not title.role:  # "Mr." is courtesy, not a role
            title = None if label == "PERSON" else title
        candidate = Candidate(parsed, name, label, doc[min(title_start, name.start):surface_end])
        if title and title.role and label in ("PERSON", "ORG"):
            candidate.role, candidate.role_country, candidate.role_org = title.role, title.country, title.organization
            candidate.label = "PERSON"
            in_titles.update(range(title_start, name.start))
        found.append(candidate)
    # A name inside a person's title is part of the title: "State" in "Secretary of State"; a
    # country or organisation there ("NATO Secretary-General") is still mentioned.
    found = [c for c in found if not (in_titles.intersection(range(c.span.start, c.span.end)) and not gazetteer.lookup(c.span.text))]
    return found, [(acronym.text, name_of(long_form)) for long_form, acronym in definitions]


# --------------------------------------------------------------------------- typing


def _apposition_type(token: Token) -> tuple[bool, str | None]:
    """What an apposition or the noun a name is in apposition to says: (found, type)."""
    nouns = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":
        nouns.append(token.head)
    if token.dep_ == "conj" and token.head.dep_ == "appos" and token.head.head.pos_ == "NOUN":
        nouns.append(token.head.head)
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        nouns.append(token.head)
    for noun in nouns:
        for kind, words in APPOSITION_TYPES:
            if noun.lower_ in words or noun.lemma_.lower() in words:
                return True, kind
    return False, None


def _locative(span: Span) -> bool:
    """"in Moscow", "left Moscow", "the embassy in Washington", a dateline ("MOSCOW —")."""
    head = span.root
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
        return True
    if head.dep_ in ("dobj",) and head.head.lemma_ in ("leave", "visit", "reach", "enter", "tour", "fly"):
        return True
    if span.start == 0 and span.text.isupper() and len(span.doc) > span.end and span.doc[span.end].text in ("—", "–", "-", ","):
        return True
    return head.dep_ == "compound" and head.head.lower_ in PLACE_NOUNS


def _country_entry(entries: list[gazetteer.GazetteerEntry], roles: set[str]) -> gazetteer.GazetteerEntry | None:
    return next((e for e in entries if e.kind == "country" and e.role in roles), None)


def classify(c: Candidate) -> bool:
    """Decide kind, type, key and name; False when the candidate is none of our kinds."""
    text = name_of(c.span)
    c.name = text
    if not text or not any(ch.isalpha() for ch in text) or "/" in text:
        return False
    if c.label == "LAW" or (c.label in ("ORG", "EVENT", "FAC", "PRODUCT") and treaties.is_instrument_name(text)):
        c.kind = "treaty"
        years = [t for t in c.span if YEAR.match(t.text)]
        c.year = int(years[0].text) if years else None
        return True
    entries = gazetteer.lookup(text)
    lowercase = text == text.lower()
    if entries and lowercase:
        # "america" is still the country, but "japanese" or "turkey" written in lower case
        # is a spinner's or a common word, not a name.
        entries = [e for e in entries if e.role in ("name", "alias", "official") and not e.ambiguous and len(text) > 4]
    if entries:
        return _classify_known(c, entries)
    if lowercase or c.span[0].is_lower and c.label != "LAW":
        return False
    known, kind = _apposition_type(c.root)
    if known:
        if kind is None:
            return False
        c.kind, c.type = ("place", None) if kind == "place" else ("actor", kind)
        return True
    return _classify_by_label(c)


def _part_of_larger_name(c: Candidate) -> bool:
    """"Berlin" in "the Berlin Wall", "Moscow" in "the Moscow River": a known name that
    modifies another capitalised noun is part of that name."""
    root = c.root
    return root.dep_ == "compound" and root.head.i == c.span.end and root.head.pos_ == "PROPN" \
        and root.head.is_title and not gazetteer.lookup(root.head.text)


def _classify_known(c: Candidate, entries: list[gazetteer.GazetteerEntry]) -> bool:
    if _part_of_larger_name(c):
        return False
    first = entries[0]
    country = _country_entry(entries, {"name", "official", "alias", "demonym", "plural"})
    government = _country_entry(entries, {"capital", "seat"})
    if country and not (country.ambiguous and c.label == "PERSON"):
        if country.role in ("demonym", "plural") and c.label not in ("NORP", "GPE") and c.root.dep_ == "compound":
            return False  # "Russian" inside another name ("Russian Foreign Ministry") is part of it
        c.kind, c.type, c.key, c.name = "actor", "country", country.key, country.name
        return True
    if government:
        place = next((e for e in entries if e.kind == "place"), None)
        if _locative(c.span) or c.label in ("FAC", "LOC") and place is not None:
            c.kind, c.type, c.key, c.name = "place", None, place.key if place else None, place.name if place else c.name
        else:
            c.kind, c.type, c.key, c.name = "actor", "country", government.key, government.name
        return True
    if first.kind == "organization":
        c.kind, c.type = "actor", first.type or "organization"
        if not _generic_body(first.key):  # "Foreign Ministry" is every state's: qualified later
            c.key, c.name = first.key, first.name
        return True
    if first.kind == "place":
        c.kind, c.key, c.name = "place", first.key, first.name
        return True
    return False


def _generic_body(key: str) -> bool:
    found = gazetteer.entity(key)
    return bool(getattr(found, "generic", False))


def _head_noun_type(c: Candidate) -> tuple[bool, str | None]:
    """What the last word of an unknown capitalised name says: "the White Home" is a
    building, "the Cold War" a period; a person's name says nothing this way."""
    last = c.span[-1].lower_
    if len(c.span) < 2:
        return False, None
    if last in PLACE_NOUNS:
        return True, "place"
    if last in OTHER_NOUNS:
        return True, None
    return False, None


def _classify_by_label(c: Candidate) -> bool:
    known, kind = _head_noun_type(c)
    if known and c.label != "LAW":
        if kind == "place":
            c.kind = "place"
            return True
        return False
    if c.label == "PERSON":
        if not c.role and any(d.dep_ == "det" and d.lower_ in ARTICLES for d in c.root.children):
            return False  # "the Chilly Warfare": a person's name takes no article
        if len(c.span) == 1 and not c.role and c.root.dep_ == "pobj" and c.root.head.lower_ in LOCATIVE:
            return False  # "on Twitter", "in Down Under": a lone word after a preposition
        c.kind, c.type = "actor", "person"
        return True
    if c.label == "ORG":
        c.kind, c.type = "actor", "organization"
        return True
    if c.label in ("GPE", "LOC", "FAC"):
        c.kind = "place"
        return True
    if c.label == "NORP":
        if _locative(c.span):  # "at Mulino": the model took a place for a people
            c.kind = "place"
            return True
        return False  # "Western", "Democrat", religions: adjectives, not actors
    return False


# --------------------------------------------------------------------------- the document


def _resolve_short_names(found: list[Candidate]) -> None:
    """Within one document, a short name means the full name it abbreviates, seen before (or,
    failing that, after): "Sherman" -> "Wendy Sherman", "Le Drian" -> "Jean-Yves Le Drian",
    "Sheikh Abdullah" -> "Abdullah bin Zayed Al Nahyan", "Foreign Ministry" -> "Russian
    Foreign Ministry". Among several candidates, the nearest before wins; two different people
    who share a surname are never merged without that evidence."""
    full = [c for c in found if c.kind == "actor" and c.type in ("person", "organization") and not c.key and len(c.name.split()) >= 2]
    for i, c in enumerate(found):
        if c.kind != "actor" or c.key:
            continue
        words = c.name.split()
        matches = [f for f in full if len(f.name.split()) > len(words) and _abbreviates(words, f.name.split(), f.type)]
        if not matches:
            continue
        before = [f for f in matches if found.index(f) < i]
        target = before[-1] if before else matches[0]
        c.name, c.type = target.name, target.type
        c.role_country = c.role_country or target.role_country


def _abbreviates(short: list[str], full: list[str], kind: str | None) -> bool:
    if kind == "person":
        return full[-len(short):] == short or full[:len(short)] == short
    return full[-len(short):] == short  # "Foreign Ministry" <- "Russian Foreign Ministry"


def _vote_types(found: list[Candidate]) -> None:
    """One name, one type within a document: "Morrison" labelled ORG once and PERSON twice is
    a person; a name that is some person's surname here is that person."""
    surnames = {c.name.split()[-1] for c in found if c.type == "person" and len(c.name.split()) >= 2}
    votes: dict[str, Counter] = {}
    for c in found:
        if c.kind == "actor" and not c.key:
            votes.setdefault(c.name, Counter())[c.type] += 2 if c.role else 1
    for c in found:
        if c.kind != "actor" or c.key:
            continue
        if c.type == "organization" and (c.name in surnames or c.name.split()[-1] in surnames and len(c.name.split()) <= 2):
            c.type = "person"
        elif votes.get(c.name) and len(votes[c.name]) > 1:
            c.type = votes[c.name].most_common(1)[0][0]


def _apply_acronyms(found: list[Candidate], acronyms: dict[str, str]) -> None:
    """An acronym defined in the text takes the kind and type of its long form, and so do
    later mentions of it ("CTBT" after "Comprehensive Nuclear-Test-Ban Treaty (CTBT)")."""
    long_forms = {c.name: c for c in found}
    for c in found:
        long_form = long_forms.get(acronyms.get(c.name, ""))
        if long_form is not None and long_form.kind:
            c.kind, c.type, c.key, c.year = long_form.kind, long_form.type, long_form.key, c.year or long_form.year


def _treaty_names(found: list[Candidate]) -> None:
    """"Open Skies" after "Open Skies Treaty" is the treaty, whatever the model called it."""
    stems = {re.sub(r"\s+\S+$", "", c.name): c for c in found if c.kind == "treaty" and len(c.name.split()) >= 2}
    for c in found:
        if c.kind != "treaty" and c.name in stems and not c.key:
            c.kind, c.type, c.year = "treaty", None, stems[c.name].year


def extract(text: DocumentText, extraction: Extraction) -> None:
    extraction.sentences = text.sentence_records()
    found: list[Candidate] = []
    acronyms: dict[str, str] = {}
    for parsed in text.paragraphs:
        paragraph_found, defined = candidates(parsed)
        found += paragraph_found
        acronyms.update(defined)
    found = [c for c in found if classify(c)]
    _apply_acronyms(found, acronyms)
    _treaty_names(found)
    _vote_types(found)
    _resolve_short_names(found)
    extraction.acronyms = dict(sorted(acronyms.items()))
    extraction.mentions = [
        Mention(
            text=name_of(c.surface),
            name=c.name,
            kind=c.kind,
            type=c.type if c.kind == "actor" else None,
            sentence=text.sentence_of(c.parsed, c.span[0]),
            start=c.span.start_char,
            end=c.span.end_char,
            role=c.role,
            key=c.key,
            year=c.year,
            affiliation=(c.role_country or c.role_org) if c.type == "person" else None,
        )
        for c in found
    ]
