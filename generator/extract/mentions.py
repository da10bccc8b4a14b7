"""Mentions of actors, places and treaties in one document.

Candidates are the spans of the statistical NER and of the EntityRuler (gazetteers, treaty
names), plus rule spans for what the small model misses (rule spans win where they overlap):
- a title followed by capitalised words is a person ("NATO Secretary-General Jens
  Stoltenberg", titles.py), and "<Surname> administration" stands for that person;
- "Long Form (LF)" defines an acronym: both name one entity (acronyms.py);
- "<demonym|country's> <Words> <Ministry|Council|...>" is a state's body ("the Russian
  Foreign Ministry", "Russia's Foreign Ministry");
- a lower-case instrument with an identifying modifier is a treaty ("the 1987 treaty", "two
  draft treaties", "the treaty with Jordan", treaties.py).
Each candidate is typed (kinds.py); a title before a person's name becomes its role. Then,
over the whole document: an acronym takes its long form's kind; "Open Skies" after "Open
Skies Treaty" is the treaty; one name gets one type (votes); a short name is resolved to the
full name it abbreviates ("Sherman" -> "Wendy Sherman", "the Foreign Ministry" -> "Russian
Foreign Ministry"); a generic body nobody qualified ("Parliament") is dropped.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import gazetteer
from ..model import Extraction, Mention
from . import acronyms, kinds, spelling, titles, treaties
from .context import DocumentText, ParsedParagraph

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT", "PRODUCT"}
# Labels whose spans may list several names ("Ashdod and Ashkelon"): split at "and" or commas.
LISTING_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# Capitalised words that make a place name with a known name next to them ("Lake Geneva").
GEO_BEFORE = {"Lake", "Mount", "Cape", "Gulf", "Bay", "Port", "Fort", "Greater", "West", "East", "North", "South",
              "Western", "Eastern", "Northern", "Southern", "Central", "Upper", "Lower"}
GEO_AFTER = {"River", "Sea", "Lake", "Mountains", "Valley", "Strait", "Island", "Islands", "Peninsula", "Canal", "Bay", "Basin", "Desert"}
# Lower-case words that a place's name often carries along ("the Lviv region").
PLACE_KIND_WORDS = {"region", "province", "oblast", "exclave", "enclave", "district", "area", "territory", "county"}
# Nouns that end the name of a state's body: "<Russian|Russia's> <Foreign> Ministry".
BODY_HEADS = {"ministry", "department", "council", "army", "navy", "forces", "force", "embassy", "parliament",
              "agency", "service", "office", "guard", "court", "police", "military", "committee", "commission",
              "assembly", "senate", "congress", "duma", "cabinet", "command", "directorate", "bureau", "junta",
              "administration", "authority", "exchange", "bank", "tribunal", "institute", "corporation", "company"}
# Lower-case heads that still make a body after a country's name: "the Israeli military",
# "Lebanon's foreign ministry", "the Myanmar junta".
LOWER_BODY_HEADS = {"military", "army", "navy", "police", "ministry", "junta", "parliament", "department"}
# Lower-case words a lower-case body's name may have: "Lebanon's foreign ministry".
PORTFOLIOS = {"foreign", "defence", "defense", "interior", "finance", "energy", "health", "justice", "trade",
              "economy", "economic", "agriculture", "education", "transport", "labour", "labor", "environment",
              "information", "culture", "home", "military", "ruling", "electoral"}
# Lower-case particles inside names: "Mocímboa da Praia", "Abdullah bin Zayed", "Ursula von der Leyen".
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "ibn",
                  "bint", "al", "el", "la", "le", "y"}
# Acronyms of common nouns, not of names.
COMMON_ACRONYMS = {"LNG", "GDP", "CPI", "AI", "CEO", "CFO", "NGO", "NGOs", "UAV", "UAVs", "ICBM", "ICBMs", "GPS", "VAT",
                   "IPO", "LGBT", "COVID", "PCR", "EV", "EVs", "SUV", "TV", "PM", "MP", "MPs", "BPD", "bpd"}
QUANTITY_WORDS = {"two", "three", "four", "five", "several", "both", "some", "many"}


@dataclass
class Candidate:
    parsed: ParsedParagraph
    span: Span  # the name: no article, possessive or title
    label: str
    surface: Span  # what the text says, title included ("President Vladimir Putin")
    role: str | None = None
    role_country: str | None = None  # gazetteer key of the country a title names
    role_org: str | None = None  # gazetteer key of the organisation a title names
    in_title: bool = False  # the name qualifies someone's title ("Abu Dhabi's Crown Prince")
    kind: str | None = None
    type: str | None = None
    key: str | None = None
    name: str = ""
    year: int | None = None
    parties: list[str] = field(default_factory=list)
    generic: bool = False  # a body every state has, not yet qualified ("Foreign Ministry")
    descriptive: bool = False  # a treaty described, not named ("the 1987 treaty")
    author: Token | None = None  # a draft's author, as the text names it (subject of "revealed")


# --------------------------------------------------------------------------- spans


def trimmed(span: Span) -> Span | None:
    """The name without a leading article or possessive pronoun and without a trailing "'s"."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in kinds.ARTICLES or doc[start].tag_ == "PRP$"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
                           or (doc[end - 1].is_punct and doc[end - 1].text not in (")", "."))):
        end -= 1
    return doc[start:end] if end > start else None


def name_of(span: Span) -> str:
    text = re.sub(r"\s+", " ", span.text)
    text = re.sub(r"(?<=\w)[’']s$", "", text)
    return text.strip(" ,;:-\u2014\u2013\"“”")


def _split_listing(span: Span) -> list[Span]:
    """"Ashdod and Ashkelon" as one span: one span per name. A name with "and" inside
    ("Organization for Security and Co-operation in Europe") is joined below its head, so
    only a span whose head is itself the first of the joined words is a list."""
    if gazetteer.lookup(span.text):
        return [span]  # "Bosnia and Herzegovina", "Trinidad and Tobago"
    is_list = any(t.dep_ == "conj" and t.head.i == span.root.i for t in span)
    inner_phrase = any(t.dep_ == "prep" for t in span)  # "Bureau of Fisheries and Aquatic Resources"
    if span.label_ not in LISTING_LABELS and not (span.label_ == "ORG" and is_list and not inner_phrase):
        return [span]
    parts, start = [], span.start
    for token in span:
        if token.lower_ in ("and", "or", ",", "&"):
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label=span.label_))
    return parts


def _join_adjacent(spans: list[Span]) -> list[Span]:
    """"the National" + "Security Council": neighbouring spans whose words together are a
    name the gazetteers know are one name."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined and joined[-1].end == span.start:
            both = trimmed(span.doc[joined[-1].start:span.end])
            if both is not None and gazetteer.lookup(both.text):
                joined[-1] = Span(span.doc, joined[-1].start, span.end, label=span.label_)
                continue
        joined.append(span)
    return joined


def _widen_place(span: Span) -> Span:
    """"Lake Geneva", "the Moscow River": geographic words around a name are part of it."""
    doc, start, end = span.doc, span.start, span.end
    if start and (doc[start - 1].text in GEO_BEFORE or (doc[start - 1].text == "New" and doc[start - 1].dep_ == "compound")) \
            and not gazetteer.lookup(doc[start - 1:end].text) and not doc[start - 1].ent_type_:
        start -= 1  # "Lake Geneva", "West Philippine Sea", "New Mexico" (not Mexico)
    elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in GEO_AFTER | {"Isle", "Republic"}:
        start -= 2  # "the Sea of Japan"
    if end < len(doc) and doc[end].text in GEO_AFTER:
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="LOC" if doc[start].text in GEO_AFTER | GEO_BEFORE else span.label_)


def _place_surface(span: Span) -> Span:
    """"the Lviv region", "the Mulino training ground": the kind word joins the surface form."""
    doc, end = span.doc, span.end
    while end < len(doc) and (doc[end].lower_ in PLACE_KIND_WORDS or (doc[end].dep_ == "compound" and doc[end].is_lower and doc[end].head.lower_ in kinds.PLACE_NOUNS)):
        end += 1
        if doc[end - 1].lower_ in PLACE_KIND_WORDS | kinds.PLACE_NOUNS:
            return doc[span.start:end]
    return span


def _national_bodies(doc: Doc) -> list[Span]:
    """"the Russian International Ministry", "Russia's Foreign Ministry", "the Israeli military"."""
    spans = []
    for token in doc:
        if token.ent_type_ == "ORG" or (token.i and doc[token.i - 1].text in ("-", "\u2013")) or not token.text[:1].isupper():
            continue  # already inside a known name ("NATO-Russia Council")
        possessive = token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"
        roles = ("demonym", "name", "alias") + (("capital", "seat") if possessive else ())  # "Kyiv's energy ministry"
        if not any(e.kind == "country" and e.role in roles for e in gazetteer.lookup(token.text)):
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].tag_ == "POS":
            end += 1
        last = end
        while last < len(doc) and last - end < 4 and (doc[last].is_title or doc[last].lower_ in LOWER_BODY_HEADS | PORTFOLIOS):
            word = doc[last]
            if word.lower_ in BODY_HEADS and (word.is_title or word.lower_ in LOWER_BODY_HEADS):
                if word.pos_ in ("NOUN", "PROPN") and (word.is_title or word.dep_ not in ("compound", "amod")):
                    # "U.S. army support" is support; "Japan's Ministry of Defense" goes on
                    spans.append(Span(doc, token.i, _name_complement(doc, last + 1), label="ORG"))
                break
            last += 1
    return spans


def _name_complement(doc: Doc, end: int) -> int:
    """Where a name that goes on with "of/for/on <Capitalised words>" ends: "Ministry of
    Defense", "Forum on Debt and Development"; a calendar word or another name stops it."""
    position, joined = end, False
    while position + 1 < len(doc) and doc[position].lower_ in ("of", "for", "on", "and", "&") \
            and (doc[position].lower_ not in ("and", "&") or joined) \
            and doc[position + 1].is_title and not doc[position + 1].ent_type_ in ("DATE", "TIME", "GPE", "NORP"):
        position += 2
        while position < len(doc) and doc[position].is_title and not doc[position].ent_type_ in ("DATE", "TIME"):
            position += 1
        end, joined = position, True
    return end


def _places_named_by_kind(doc: Doc) -> list[Span]:
    """"the archipelago of Severnaya Zemlya", "the city of Kharkiv": capitalised words after
    "<place noun> of" are a place, whether or not the model saw a name there."""
    spans = []
    for token in doc:
        if token.lower_ != "of" or not token.i or doc[token.i - 1].lower_ not in kinds.PLACE_NOUNS or not doc[token.i - 1].is_lower:
            continue  # "the Sea of Japan" is a name already
        start = end = token.i + 1
        while end <= len(doc):  # "the cities of Ashdod and Ashkelon": one span per name
            if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
                continue
            if end > start and end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].is_title:
                end += 2  # "the port town of Mocímboa da Praia"
                continue
            if end > start:
                spans.append(Span(doc, start, end, label="LOC"))
            if end < len(doc) - 1 and doc[end].lower_ in ("and", ",") and doc[end + 1].is_title:
                start = end = end + 1
                continue
            break
    return spans


PLACE_PREPOSITIONS = {"in", "at", "near", "outside"}


def _unnamed_places(doc: Doc) -> list[Span]:
    """Capitalised words the model left unlabelled, where only a place fits: after a
    preposition of place ("agreed in Ohrid", "a crossing at Margara"), joined to one ("in
    Sucre and Potosí"), or before a word for a region ("Armenia's Syunik province")."""
    spans = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (token.pos_ == "PROPN" and token.is_title and not token.ent_type_) or (i and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        head = doc[i:end].root
        anchor = head
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
            anchor = anchor.head
        after_preposition = anchor.dep_ == "pobj" and anchor.head.lower_ in PLACE_PREPOSITIONS
        before_region = end < len(doc) and doc[end].lower_ in PLACE_KIND_WORDS | {"province", "county", "state"}
        if (after_preposition or before_region) and not gazetteer.lookup(doc[i:end].text):
            spans.append(Span(doc, i, end, label="LOC"))
        i = end
    return spans


def _treaty_spans(doc: Doc) -> list[Span]:
    spans = []
    for token in doc:
        if treaties.descriptive_head(token):
            described = treaties.descriptive_span(token)
            spans.append(Span(doc, described.start, described.end, label="LAW_DESCRIBED"))
        elif treaties.named_instrument(token):
            spans.append(Span(doc, token.i, token.i + 1, label="LAW"))
    return spans


# --------------------------------------------------------------------------- candidates


def _whole_words(spans: list[Span]) -> list[Span]:
    """A name never ends inside a hyphenated word ("Choi Jae-won", "Al-Otaibi",
    "Serb-majority"): spans are widened to whole words, and spans that then touch are one."""
    widened = []
    for span in spans:
        doc, start, end = span.doc, span.start, span.end
        if gazetteer.lookup(span.text):  # "EU-China", "NATO-led", "Paris-based": the known name stands alone
            widened.append(span)
            continue
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start -= 2
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 2
        widened.append(Span(doc, start, end, label=span.label_))
    merged: list[Span] = []
    for span in sorted(widened, key=lambda s: (s.start, -s.end)):
        if merged and span.start == merged[-1].end and span.label_ == merged[-1].label_ == "ORG" and merged[-1][-1].is_lower:
            # a name does not end in a lower-case word: "Association of Serb-majority" + "Municipalities"
            merged[-1] = Span(span.doc, merged[-1].start, span.end, label="ORG")
            continue
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:  # "Association of Serb" + "-majority Municipalities"
                label = last.label_ if len(last) >= len(span) else span.label_
                merged[-1] = Span(span.doc, last.start, span.end, label=label)
            continue
        merged.append(span)
    return merged


def _close_parenthesis(span: Span) -> Span:
    """"the Intergovernmental Authority on Development (IGAD": the model ran into the
    acronym that follows a name; the name stops before the parenthesis."""
    opening = [t.i for t in span if t.text == "("]
    if opening and not any(t.text == ")" for t in span if t.i > opening[-1]) and opening[-1] > span.start:
        return Span(span.doc, span.start, opening[-1], label=span.label_)
    return span


def _agency_credit(span: Span) -> bool:
    """"VIENNA, Sept 30 (Barrel & Basis) -", "UNITED NATIONS (PSW) —": a news agency's credit
    in a dateline, not a name in the story."""
    doc = span.doc
    if not span.start or doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return False
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    before = doc[:span.start - 1]
    return after is not None and after.text in ("-", "—", "–") and any(t.is_upper and t.is_alpha and len(t) > 2 for t in before[:3])


def _qualified_bodies(spans: list[Span]) -> list[Span]:
    """"Africa CDC", "China Chamber of Commerce to the EU": a place that qualifies the name
    right after it (a compound of its head) is part of that name."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None and last.end == span.start and last.label_ in ("GPE", "LOC", "NORP") and span.label_ == "ORG" \
                and last.root.dep_ == "compound" and last.root.head.i in range(span.start, span.end):
            joined[-1] = Span(span.doc, last.start, span.end, label="ORG")
            continue
        joined.append(span)
    return joined


def _complete_people(spans: list[Span]) -> list[Span]:
    """"Havildar Baljit" + "Singh": a one-word name the model cut from a person's name right
    after it (and does not know as anything else) is the rest of that name."""
    joined: list[Span] = []
    heads = titles.head_words()
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None and last.label_ == "PERSON" and last.end == span.start and len(span) == 1 \
                and span[0].is_title and span[0].pos_ == "PROPN" and not gazetteer.lookup(span.text):
            joined[-1] = Span(span.doc, last.start, span.end, label="PERSON")
            continue
        if span.label_ == "PERSON" and span.start and (last is None or last.end < span.start):
            before = span.doc[span.start - 1]  # "Petra" + "Lindholm": a given name the model left out
            if before.is_title and before.pos_ == "PROPN" and not before.ent_type_ and before.lower_ not in heads \
                    and not gazetteer.lookup(before.text) and not gazetteer.title_prefix([before.text]):
                span = Span(span.doc, span.start - 1, span.end, label="PERSON")
        joined.append(span)
    return joined


def _longer_names(spans: list[Span]) -> list[Span]:
    """Names the model cut short: "the African Forum" + "on Debt and Development", "Mocímboa
    da" + "Praia", "Paris" + "Club" (a known name before a capitalised noun is part of a larger
    name)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    longer = []
    for span in spans:
        doc, end, label = span.doc, span.end, span.label_
        if label == "ORG":
            if len(span) > 1 and span[-1].lower_ in ("of", "for", "on", "and"):
                end -= 1  # "Common Framework for": the model stopped in the middle
            end = _name_complement(doc, end)
        while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].is_title and label in ("PERSON", "GPE", "LOC", "FAC", "ORG"):
            end += 2
        if span[-1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].is_title:
            end += 1
        if end == span.end and label in ("GPE", "LOC") and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and span.root.dep_ == "compound" and span.root.head.i == end and end not in taken and doc[end].text not in GEO_AFTER:
            end, label = end + 1, "ORG"  # "the Paris Club"
        swallowed = [s for s in spans if s is not span and span.end <= s.start < end]
        if any(s.label_ in ("GPE", "NORP", "LOC", "PERSON") or s.end > end for s in swallowed):
            end = span.end  # another name starts there: the model was right to stop
        longer.append(Span(doc, span.start, end, label=label) if end != span.end else span)
    # what a longer name swallowed ("Debt" in "African Forum on Debt and Development") goes
    return [s for s in longer if not any(o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in longer)]


def _joined_names(spans: list[Span]) -> list[Span]:
    """Two spans that are one name: "Mocímboa da" + "Praia" (across a name particle),
    "Fritz-Alphonse" + "Jean-Baptiste" (a given name the model took for something else)."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None:
            doc = span.doc
            across_particle = last.end == span.start and last[-1].lower_ in NAME_PARTICLES
            gap_particle = last.end + 1 == span.start and doc[last.end].lower_ in NAME_PARTICLES
            one_word = all(not t.whitespace_ for t in last[:-1])  # "Fritz-Alphonse" is one word
            given_name = last.end == span.start and span.label_ == "PERSON" and one_word \
                and last[0].is_title and not gazetteer.lookup(last.text)
            if across_particle or gap_particle or given_name:
                joined[-1] = Span(doc, last.start, span.end, label="PERSON" if given_name else last.label_)
                continue
        joined.append(span)
    return joined


def _regions_of_countries(spans: list[Span]) -> list[Span]:
    """"southern Lebanon", "northern Israel": a compass word before a country makes a region."""
    regions = []
    for span in spans:
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        if before is not None and span.label_ == "GPE" and before.is_lower and before.lower_ in COMPASS_ADJECTIVES \
                and any(e.kind == "country" for e in gazetteer.lookup(span.text)):
            span = Span(doc, span.start - 1, span.end, label="LOC")
        regions.append(span)
    return regions


COMPASS_ADJECTIVES = kinds.COMPASS_WORDS


def _names_a_body(span: Span) -> bool:
    """"South African Reserve Bank" in "South African Reserve Bank governor X": a name of
    several words ending with a body's noun qualifies a title and is mentioned too."""
    return len(span) >= 2 and span[0].is_title and span[-1].is_title and span[-1].lower_ in BODY_HEADS


def _model_spans(doc: Doc) -> list[Span]:
    """The model's (and the EntityRuler's) names, repaired where it cuts them badly."""
    spans = [e for e in doc.ents if e.label_ in LABELS and not _agency_credit(e) and e.text not in COMMON_ACRONYMS]
    spans = _complete_people(_qualified_bodies(_join_adjacent(_whole_words(spans))))
    spans = _regions_of_countries(_longer_names(_joined_names(spans)))
    spans = [_close_parenthesis(part) for span in spans for part in _split_listing(span)]
    return [_widen_place(s) if s.label_ in ("GPE", "LOC") else s for s in spans if len(s)]


def candidates(parsed: ParsedParagraph) -> tuple[list[Candidate], dict[str, str]]:
    """The name candidates of one paragraph, and the acronyms it defines (acronym -> long form)."""
    doc = parsed.doc
    definitions = acronyms.definitions(doc)
    model = _model_spans(doc)
    rule_spans = (titles.title_people(doc) + titles.administrations(doc) + _national_bodies(doc) + _places_named_by_kind(doc)
                  + _unnamed_places(doc))
    for long_form, _ in definitions:
        if not any(s.start <= long_form.start and long_form.end <= s.end and (s.start, s.end) != (long_form.start, long_form.end) for s in model):
            label = "LAW" if treaties.is_instrument_name(long_form.text) else (long_form.root.ent_type_ or "ORG")
            rule_spans.append(Span(doc, long_form.start, long_form.end, label=label))
    chosen = filter_spans(_whole_words(rule_spans))
    taken = {i for span in chosen for i in range(span.start, span.end)}
    chosen += [span for span in model if not taken.intersection(range(span.start, span.end))]
    # Described treaties may hold other names ("the treaty with Jordan"): both are kept.
    chosen += _treaty_spans(doc)
    found: list[Candidate] = []
    title_tokens: set[int] = set()  # tokens of persons' titles ("Secretary of State")
    for span in sorted(chosen, key=lambda s: (s.start, s.end)):
        candidate = _candidate(parsed, span)
        if candidate is None:
            continue
        if candidate.role:
            title_tokens.update(range(candidate.surface.start, candidate.span.start))
        found.append(candidate)
    kept = []
    for candidate in found:
        if title_tokens.intersection(range(candidate.span.start, candidate.span.end)):
            if not (gazetteer.lookup(candidate.span.text) or _names_a_body(candidate.span)):
                continue  # "State" in "Secretary of State" is part of the title
            candidate.in_title = True  # "NATO" in "NATO Secretary-General" is still mentioned
        kept.append(candidate)
    return kept, {acronym.text: name_of(long) for long, acronym in definitions}


def _candidate(parsed: ParsedParagraph, span: Span) -> Candidate | None:
    doc = parsed.doc
    name = trimmed(span)
    if name is None:
        return None
    label, surface_end = span.label_, name.end
    if label == "PERSON_BODY":  # the person is named; the surface keeps "administration"
        name, label = doc[name.start:name.end - 1], "PERSON"
    if label in ("GPE", "LOC", "NORP", "FAC"):
        surface_end = _place_surface(name).end
    title, title_start = titles.title_before(name) if label in ("PERSON", "ORG") else (None, name.start)
    if title and label == "PERSON":  # "Minister for Foreign | Affairs Penny Wong": the title goes on into the name
        across, across_start, inner_start = titles.title_across(name)
        if across and across_start <= title_start:
            title, title_start, name = across, across_start, doc[inner_start:name.end]
    if not title and label == "PERSON":  # "Sheikh Mohammed": the model took the title into the name
        title, inner_start = titles.title_inside(name)
        if title:
            title_start, name = name.start, doc[inner_start:name.end]
    if not title and label == "PERSON":  # "Vice Minister of | Finance Liao Jianguo": a title across the start
        title, title_start, inner_start = titles.title_across(name)
        if title:
            name = doc[inner_start:name.end]
    candidate = Candidate(parsed, name, label, doc[min(title_start, name.start):surface_end])
    if title and title.role:
        candidate.role, candidate.role_country, candidate.role_org = title.role, title.country, title.organization
        candidate.label = "PERSON"
    elif title_start < name.start and label == "PERSON":  # "Mr. Trump": courtesy, not a role
        candidate.surface = doc[title_start:surface_end]
    if label == "LAW_DESCRIBED":
        candidate.label, candidate.descriptive = "LAW", True
        _describe_treaty(candidate)
    elif label == "LAW":
        following = doc[name.end] if name.end < len(doc) else None
        if following is not None and following.is_title and following.pos_ == "PROPN" and following.lower_ not in treaties.CALENDAR:
            # "the Cape Town International Convention Centre": the name goes on; not an instrument
            end = name.end
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            candidate.span = candidate.surface = doc[name.start:end]
            candidate.label = "FAC"
        elif name.start and kinds.YEAR.match(doc[name.start - 1].text):
            # "the 1899 Paris Arbitral Award": the year is said with the name
            candidate.surface, candidate.year = doc[name.start - 1:surface_end], int(doc[name.start - 1].text)
    return candidate


def _describe_treaty(c: Candidate) -> None:
    """A described treaty's name leaves out its year and quantity ("treaty with Jordan"), keeps
    them in the surface ("the 1994 treaty with Jordan"), and names a draft by its author
    ("Russian draft treaties")."""
    words = [t for t in c.span if not kinds.YEAR.match(t.text) and t.lower_ not in QUANTITY_WORDS and not t.like_num]
    years = [int(t.text) for t in c.span if kinds.YEAR.match(t.text)]
    c.year = years[0] if years else treaties.signing_year(c.span.root)
    c.parties = treaties.parties(c.span)
    head = c.span.root
    if head.lower_ in ("treaty", "treaties", "agreement", "agreements", "accord", "accords") and len(words) == 1 and c.year:
        c.name = c.span.text  # "1987 treaty": stands for a named one (resolve links it)
        return
    c.name = c.span.doc[words[0].i:words[-1].i + 1].text if words else c.span.text
    # "declaration of peace between Israel and Bahrain": the parties stay in the surface form;
    # the name is what is left when that still says which instrument it is.
    tail = next((t for t in c.span if t.dep_ == "prep" and t.lower_ in ("between", "with") and t.i > head.i), None)
    if tail is not None and words:
        shorter = [w for w in words if w.i < tail.i]
        if len(shorter) > 1:
            c.name = c.span.doc[shorter[0].i:shorter[-1].i + 1].text
    if any(t.lower_ in treaties.DRAFT_WORDS for t in c.span) and not c.parties:
        c.author = treaties.author(head)


def _link_treaty_descriptions(found: list[Candidate]) -> None:
    """A described treaty that the document has already named is that treaty:
    - the same parties: "the Emirati-Israeli agreement" after "a Treaty of Peace ... between
      Israel and the UAE";
    - a shorter form of an earlier description: "the draft treaties" after "Russian draft
      treaties";
    - a definite description that says nothing new ("the 1987 treaty", "the surveillance-flight
      agreement"): the treaty named last before it, when its year does not contradict."""
    treaty_list = [c for c in found if c.kind == "treaty"]
    for i, c in enumerate(treaty_list):
        if not c.descriptive:
            continue
        before = treaty_list[:i]
        same_parties = [o for o in before + treaty_list[i + 1:] if len(c.parties) >= 2 and o.parties == c.parties and o is not c]
        longer = [o for o in before if len(o.name.split()) > len(c.name.split()) and o.name.split()[-len(c.name.split()):] == c.name.split()]
        named = [o for o in before if not o.descriptive and (c.year is None or o.year in (None, c.year))]
        if same_parties:
            target = next((o for o in same_parties if not o.descriptive), same_parties[0])
        elif longer:
            target = longer[-1]
        elif named and _anaphoric(c):
            target = named[-1]
        else:
            continue
        c.name, c.parties = target.name, target.parties or c.parties
        if c.year and not target.year:
            for other in treaty_list:  # "the 1987 treaty" dates the treaty it stands for
                if other.name == target.name:
                    other.year = c.year
        c.year = c.year or target.year


def _anaphoric(c: Candidate) -> bool:
    """"the 1987 treaty", "the surveillance-flight agreement": definite, no parties, no draft,
    and either a year or a subject, not both ("the 1992 ceasefire agreement" is another one)."""
    head = c.span.root
    definite = any(d.dep_ == "det" and d.lower_ == "the" for d in head.children)
    year = any(kinds.YEAR.match(t.text) for t in c.span)
    subject = any(t.i != head.i and not kinds.YEAR.match(t.text) and t.is_alpha for t in c.span)
    return definite and not (year and subject) and not c.parties and not any(t.lower_ in treaties.DRAFT_WORDS | {"joint"} for t in c.span)


ANAPHORIC_HEADS = {"treaty", "accord", "agreement", "pact", "deal", "convention", "protocol"}


def _treaty_anaphors(text: DocumentText, found: list[Candidate]) -> list[Candidate]:
    """"the treaty" after a named treaty is that treaty: a mention (so its page lists the
    sentence and the source links the word), never one of its names (see resolve)."""
    taken = {(c.parsed.paragraph.number, i) for c in found for i in range(c.surface.start, c.surface.end)}
    named = iter(sorted((((c.parsed.paragraph.number, c.span.start), c) for c in found if c.kind == "treaty" and not c.descriptive),
                        key=lambda item: item[0]))
    upcoming = next(named, None)
    last: Candidate | None = None  # the treaty named last before the current word
    added = []
    for parsed in text.paragraphs:
        for token in parsed.doc:
            position = (parsed.paragraph.number, token.i)
            while upcoming is not None and upcoming[0] < position:
                last, upcoming = upcoming[1], next(named, None)
            if token.lower_ not in ANAPHORIC_HEADS or position in taken or last is None:
                continue
            # "the treaty" only: any modifier makes it a description (see treaties.py), but a
            # clause after a comma only says more of it ("the treaty, which was opened ...")
            aside = token.i + 1 < len(parsed.doc) and parsed.doc[token.i + 1].text == ","
            if [c.lower_ for c in token.children if c.dep_ != "punct" and not (aside and c.dep_ == "relcl")] != ["the"]:
                continue
            span = parsed.doc[token.i:token.i + 1]
            added.append(Candidate(parsed, span, "LAW", span, kind="treaty", name=last.name, year=last.year,
                                   parties=last.parties, descriptive=True))
    return sorted(found + added, key=lambda c: (c.parsed.paragraph.number, c.span.start))


def _name_drafts(found: list[Candidate]) -> None:
    """"two draft treaties" that "the Russian Foreign Ministry revealed" are the Russian draft
    treaties: the author's country (read after short names are resolved) names them."""
    for c in found:
        if c.author is None:
            continue
        by = next((o for o in found if o.parsed is c.parsed and o.span.start <= c.author.i < o.span.end and o.kind == "actor"), None)
        country = _country_of(by) if by is not None else None
        known = gazetteer.entity(country) if country else None
        if known is not None and getattr(known, "demonyms", None):
            c.name, c.parties = f"{known.demonyms[0]} {c.name}", [country]


def _country_of(c: Candidate) -> str | None:
    if c.type == "country":
        return c.key
    known = gazetteer.entity(c.key) if c.key else None
    if getattr(known, "country", None):
        return known.country
    first = c.name.split()[0] if c.name else ""
    return next((e.key for e in gazetteer.lookup(first) if e.kind == "country"), None)


# --------------------------------------------------------------------------- typing


def classify(c: Candidate) -> bool:
    """Decide kind, type, key and name; False when the candidate is none of our kinds."""
    text = c.name or name_of(c.span)
    if not text or not any(ch.isalpha() for ch in text) or "/" in text:
        return False
    if c.label == "LAW":
        c.kind, c.name = "treaty", text
        c.year = c.year or next((int(t.text) for t in c.span if kinds.YEAR.match(t.text)), None)
        if kinds.YEAR.match(c.span[0].text) and len(c.span) > 2 and not c.descriptive:
            c.name = name_of(c.span[1:])  # "1899 Paris Arbitral Award": the year is a fact; "1992 Consensus" keeps it
        c.parties = c.parties or treaties.parties(c.span)
        return True
    entries = gazetteer.lookup(text)
    if entries and text == text.lower():
        # "america" is still the country; a lower-case demonym or common word ("coast guard")
        # is not a name
        entries = [e for e in entries if e.kind == "country" and e.role in ("name", "alias", "official") and not e.ambiguous and len(text) > 4]
    if not entries and c.label != "PERSON" and len(c.span) == 1:
        corrected = spelling.correction(text)  # "Phillipine", "Prisitna"
        entries = gazetteer.lookup(corrected) if corrected else []
    if entries:
        known = kinds.classify_known(c.span, c.label, entries, c.in_title)
        if known is None:
            return False
        c.kind, c.type, c.key, c.name = known
        c.generic = c.kind == "actor" and c.key is None
        return True
    by_label = kinds.classify_by_label(c.span, c.label, c.role)
    if by_label is None:
        return False
    c.kind, c.type = by_label
    c.name = text
    if c.kind == "treaty":
        c.year = next((int(t.text) for t in c.span if kinds.YEAR.match(t.text)), None)
    return True


# --------------------------------------------------------------------------- the document


def _apply_acronyms(found: list[Candidate], defined: dict[str, str]) -> None:
    """An acronym defined in the text is its long form here, whatever else it can mean
    ("CTBT" after "Comprehensive Nuclear-Test-Ban Treaty (CTBT)"; "ICC" after "Inuit
    Circumpolar Council (ICC)", not the International Criminal Court)."""
    long_forms = {c.name: c for c in found}
    long_forms.update({name_of(c.span): c for c in found})
    for acronym, long_form in defined.items():
        if long_form not in long_forms:  # "Taiwan's Ministry of National Defense (MND)": a qualified name
            qualified = [c for c in found if name_of(c.span).endswith(" " + long_form)]
            if qualified:
                long_forms[long_form] = qualified[0]
    for c in found:
        acronym_of = defined.get(name_of(c.span))
        long = long_forms.get(acronym_of) if acronym_of else None
        if long is not None and long.kind and long is not c:
            c.kind, c.type, c.key, c.name, c.year = long.kind, long.type, long.key, long.name, c.year or long.year
            c.generic = False


def _treaty_stems(found: list[Candidate]) -> None:
    """"Open Skies" after "Open Skies Treaty" is the treaty, whatever the model called it."""
    named = [c for c in found if c.kind == "treaty" and not c.descriptive]
    stems = {re.sub(r"\s+\S+$", "", c.name): c for c in named if len(c.name.split()) >= 2}
    stems.update({c.name: c for c in named})  # "AUKUS", named as a partnership, is one thing here
    for c in found:
        if c.kind != "treaty" and c.name in stems:
            c.kind, c.type, c.key, c.name = "treaty", None, None, stems[c.name].name


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
        words = c.name.split()
        if c.type == "organization" and not c.generic and (c.name in surnames or (len(words) <= 2 and words[-1] in surnames)):
            c.type = "person"
        elif len(votes.get(c.name, ())) > 1:
            c.type = votes[c.name].most_common(1)[0][0]


def _surnames_the_model_missed(text: DocumentText, found: list[Candidate]) -> list[Candidate]:
    """A capitalised word that is the surname of a person the document names in full is a
    mention of that person even where the model saw no name ("Quarles travelled ...")."""
    surnames = {c.name.split()[-1] for c in found if c.type == "person" and len(c.name.split()) >= 2}
    taken = {(c.parsed.paragraph.number, i) for c in found for i in range(c.surface.start, c.surface.end)}
    added = []
    for parsed in text.paragraphs:
        for token in parsed.doc:
            # the model may tag a rare surname as a common noun: a bare subject still counts
            as_name = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ == "nsubj" and not any(token.children))
            if token.text in surnames and as_name and (parsed.paragraph.number, token.i) not in taken \
                    and not token.ent_type_ and token.dep_ != "compound":
                span = parsed.doc[token.i:token.i + 1]
                added.append(Candidate(parsed, span, "PERSON", span, kind="actor", type="person", name=token.text))
    return sorted(found + added, key=lambda c: (c.parsed.paragraph.number, c.span.start))


def _resolve_short_names(found: list[Candidate]) -> None:
    """A short name is the full name it abbreviates, the nearest one before it (or, failing
    that, after): "Sherman" -> "Wendy Sherman", "Le Drian" -> "Jean-Yves Le Drian", "Sheikh
    Abdullah" -> "Abdullah bin Zayed Al Nahyan", "Foreign Ministry" -> "Russian Foreign
    Ministry". Two people who share a surname are never merged without that evidence."""
    # full names indexed by their first and last words, in document order
    by_edge: dict[str, list[tuple[int, Candidate]]] = {}
    for i, c in enumerate(found):
        words = c.name.split()
        if c.kind == "actor" and c.type in ("person", "organization", "group") and len(words) >= 2:
            for edge in {words[0], words[-1]}:
                by_edge.setdefault(edge, []).append((i, c))
    for i, c in enumerate(found):
        if c.kind != "actor" or (c.key and not c.generic) or c.type == "country":
            continue
        words = c.name.split()
        candidates = by_edge.get(words[-1], []) + by_edge.get(words[0], [])
        matches = sorted({j: f for j, f in candidates if f is not c and len(f.name.split()) > len(words) and _abbreviates(words, f)}.items())
        if not matches:
            continue
        before = [f for j, f in matches if j < i]
        target = before[-1] if before else matches[0][1]
        c.name, c.type, c.key, c.generic = target.name, target.type, target.key, False
        c.role_country = c.role_country or target.role_country


def _the_publisher(c: Candidate, publisher: str | None) -> bool:
    """"seen by the Courier": the source's own publisher is not an actor of the story."""
    if not publisher or c.kind != "actor" or c.key:
        return False
    words, own = c.name.lower().split(), publisher.lower().removeprefix("the ").split()
    return bool(words) and own[-len(words):] == words


def _short_place_names(found: list[Candidate]) -> None:
    """"Addis" after "Addis Ababa": a one-word place that starts a longer place name in the
    document is that place."""
    full = {c.name.split()[0]: c for c in found if c.kind == "place" and len(c.name.split()) >= 2}
    for c in found:
        if c.kind == "place" and not c.key and len(c.name.split()) == 1 and c.name in full:
            c.name, c.key = full[c.name].name, full[c.name].key


def _appositions(found: list[Candidate]) -> None:
    """"Gavi, the Vaccine Alliance": two names in apposition are one thing; the first names it."""
    by_root = {(c.parsed.paragraph.number, c.span.root.i): c for c in found}
    for c in found:
        for child in c.span.root.children:
            other = by_root.get((c.parsed.paragraph.number, child.i))
            if child.dep_ == "appos" and other is not None and other.kind == c.kind == "actor" and other.type == c.type \
                    and not other.key and other.type in ("organization", "group"):
                other.name = c.name


def _abbreviates(short: list[str], full: Candidate) -> bool:
    words = full.name.split()
    if full.type == "person":
        return words[-len(short):] == short or words[:len(short)] == short
    return words[-len(short):] == short  # "Foreign Ministry" <- "Russian Foreign Ministry"


def extract(text: DocumentText, extraction: Extraction) -> None:
    extraction.sentences = text.sentence_records()
    found: list[Candidate] = []
    defined: dict[str, str] = {}
    for parsed in text.paragraphs:
        paragraph_found, paragraph_defined = candidates(parsed)
        found += paragraph_found
        defined.update(paragraph_defined)
    # An acronym the text defines is kept whatever the model took it for ("TAO" as a person's
    # name): it is what its long form is.
    found = [c for c in found if classify(c) or name_of(c.span) in defined]
    found = _surnames_the_model_missed(text, found)
    _apply_acronyms(found, defined)
    found = [c for c in found if c.kind]
    _treaty_stems(found)
    _vote_types(found)
    _resolve_short_names(found)
    _short_place_names(found)
    _appositions(found)
    _name_drafts(found)
    _link_treaty_descriptions(found)
    found = _treaty_anaphors(text, found)
    found = [c for c in found if not (c.generic and len(c.name.split()) == 1)]  # "Parliament", unqualified
    found = [c for c in found if not _the_publisher(c, text.document.publisher)]
    extraction.acronyms = dict(sorted(defined.items()))
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
            parties=c.parties,
        )
        for c in found
    ]
