"""What a name is: actor (person, organisation, country, group), place, treaty, or none.

Evidence, strongest first:
1. the gazetteers: a country or its demonym; a capital or seat of government, which is the
   government when it acts ("Moscow said") and a place where things happen ("talks in
   Moscow", "the Vienna talks"); an organisation; a region, sea or territory;
2. the syntax: an apposition or the noun a name is in apposition to ("Rapid Trident, an
   annual exercise"; "the two envoys, A and B"), "the archipelago of X", the head word of an
   unknown name ("the White House" is a building, "the Cold War" a period);
3. the NER label, with its classic mistakes filtered: a "person" with an article ("the Cold
   War"), a lone word after a preposition ("on Twitter"), demonyms of no country ("Western").
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import gazetteer
from . import titles, treaties

# What an apposition or a predicate noun says about the name it describes.
PERSON_NOUNS = {
    "man", "woman", "official", "leader", "member", "head", "chief", "spokesman", "spokeswoman", "spokesperson",
    "minister", "president", "secretary", "ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
    "adviser", "advisor", "aide", "director", "chairman", "chairwoman", "chair", "governor", "senator", "lawmaker",
    "journalist", "reporter", "dissident", "activist", "analyst", "expert", "general", "commander", "officer",
    "prince", "king", "queen", "sheikh", "emir", "son", "daughter", "brother", "sister", "wife", "husband", "father",
    "mother", "son-in-law", "negotiator", "speaker", "mayor", "premier", "chancellor", "politician", "candidate",
    "founder", "executive", "deputy", "counterpart", "statesman", "citizen", "prisoner", "representative",
    "people", "officials", "leaders", "ministers", "presidents", "men", "women", "americans",
}
ORGANISATION_NOUNS = {"organization", "organisation", "company", "firm", "agency", "party", "network", "ministry",
                      "association", "federation", "coalition", "chamber", "league", "consortium", "trader", "operator",
                      "utility", "supplier", "producer", "exporter", "importer", "lender", "insurer", "broker", "charity",
                      "department", "council", "committee", "alliance", "bloc", "institute", "institution", "union",
                      "body", "club", "foundation", "court", "parliament", "movement", "militia", "shipbuilder",
                      "manufacturer", "broadcaster", "airline", "carrier", "newspaper", "university", "bank", "group"}
PLACE_NOUNS = {"city", "cities", "town", "towns", "village", "capital", "region", "province", "district", "area",
               "territory", "island", "islands", "archipelago", "peninsula", "sea", "river", "lake", "mountain",
               "mountains", "valley", "desert", "exclave", "enclave", "port", "base", "ground", "site", "field",
               "mansion", "palace", "building", "airport", "square", "street", "park", "strip", "coast", "villa",
               "resort", "oblast", "county", "neighbourhood", "neighborhood", "suburb", "headquarters", "house",
               "home", "embassy", "consulate", "hotel", "centre", "center", "arena", "stadium", "hall", "camp",
               "prison", "lawn", "office", "plant", "facility", "station", "mine", "reactor", "pipeline", "crossing",
               "checkpoint", "shoal", "reef", "atoll", "strait", "canal", "dam"}
# Place nouns that also head the names of bodies ("the Foreign Office"): a place only where the
# text puts something there ("in the Oval Office").
BODY_OR_PLACE_NOUNS = {"office", "house", "home"}
# Nouns that make a name something that is none of our kinds: an exercise, a weapon, a period.
OTHER_NOUNS = {"exercise", "exercises", "drill", "drills", "operation", "war", "wars", "warfare", "game", "games",
               "missile", "missiles", "aircraft", "plane", "jet", "ship", "vessel", "submarine", "tank", "tanks",
               "system", "program", "programme", "project", "festival", "event", "storm", "hurricane", "virus",
               "book", "film", "song", "magazine", "platform", "website", "app", "phrase", "slogan", "formula",
               "ceremony", "engagement", "battle", "edition", "flight", "flights", "mission", "vehicle", "drone",
               "rocket", "weapon", "revolution", "uprising", "crisis", "pandemic", "wall", "doctrine", "era", "age"}
APPOSITION_TYPES = (("person", PERSON_NOUNS), ("organization", ORGANISATION_NOUNS), ("place", PLACE_NOUNS), (None, OTHER_NOUNS))
# After these prepositions a capital or seat of government is a location, not a government.
LOCATIVE = {"in", "at", "to", "from", "near", "into", "outside", "inside", "toward", "towards", "across", "around",
            "through", "via", "within", "throughout", "above", "beyond", "off"}
# "the government in Kyiv": the capital stands for the state again.
GOVERNMENT_NOUNS = {"government", "governments", "authorities", "leadership", "regime", "officials", "administration"}
# Verbs whose object is a location ("left Moscow").
MOTION_VERBS = {"leave", "visit", "reach", "enter", "tour", "fly", "arrive", "flee", "evacuate", "bomb", "shell"}
# Words before "of" that say where from a place something is: "200 kilometres west of X".
BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside"}
# Words of going somewhere or coming from somewhere: "travelled to X", "a flight from X". Not
# "send" or "call": a letter or a call goes to a person as often as to a place.
TRAVEL_WORDS = {"travel", "fly", "move", "head", "drive", "sail", "deploy", "flee", "relocate", "evacuate", "trip",
                "journey", "flight", "voyage", "arrive"}
COMPASS = {"west", "east", "north", "south", "western", "eastern", "northern", "southern", "westerners"}
COMPASS_WORDS = {"northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
                 "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern"}
ARTICLES = {"the", "a", "an"}
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


# Where a person stands in a photo, as captions say it: "Guy Parmelin, center, greets ...".
# Bare, with no article, such a word in apposition says nothing about what the name is.
PICTURE_POSITIONS = {"center", "centre", "left", "right", "top", "bottom", "front", "rear", "foreground", "background"}


def apposition_type(token: Token) -> tuple[bool, str | None]:
    """What a noun in apposition says about a name: (found, type or None for "not ours")."""
    nouns = [c for c in token.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")  # "Gavi, the Vaccine Alliance"
             and not (c.lower_ in PICTURE_POSITIONS and not any(c.children))]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":
        nouns.append(token.head)
    if token.dep_ == "conj" and token.head.dep_ == "appos" and token.head.head.pos_ == "NOUN":
        nouns.append(token.head.head)  # "the two envoys, A in Washington and B in Canberra"
    anchor = token.head if token.dep_ == "conj" else token
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in PLACE_NOUNS | OTHER_NOUNS:
        nouns.append(anchor.head.head)  # "the archipelago of X", "the cities of A and B", "the 2017 edition of X"
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lower_ in PLACE_NOUNS:
        nouns.append(token.head)  # "the Mulino training ground"
    nouns += [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower  # "the shipping association BIMCO"
              and not titles.role_noun(c)]  # not "Foreign Office spokeswoman X": a title
    for noun in nouns:
        if any(c.dep_ == "compound" and c.lower_ in PLACE_NOUNS for c in noun.children):
            return True, "place"  # "the island group", "a border town"
        for kind, words in APPOSITION_TYPES:
            if noun.lower_ in words or noun.lemma_.lower() in words:
                return True, kind
    return False, None


def named_place(token: Token) -> bool:
    """"the Omani capital, Muscat", "Yemen's capital, Sanaa": in apposition to a place noun."""
    nouns = [token.head] if token.dep_ == "appos" else []
    nouns += [c for c in token.children if c.dep_ == "appos"]
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == ",":
        nouns.append(doc[token.i - 2])  # the words, where the parse attached the apposition elsewhere
    return any(n.lower_ in PLACE_NOUNS for n in nouns)


def head_noun_type(span: Span) -> tuple[bool, str | None]:
    """What the last word of an unknown capitalised name says: "the Oval Office" is a room,
    "the Cold War" a period; a one-word name says nothing this way."""
    if len(span) < 2:
        return False, None
    last = span[-1].lower_
    if last == "capital":
        return False, None  # "the capital" is a city, but a name ending so is a firm ("Halden Capital")
    if last in BODY_OR_PLACE_NOUNS:
        return (True, "place") if locative(span) else (False, None)
    if last in PLACE_NOUNS:
        return True, "place"
    if last in OTHER_NOUNS:
        return True, None
    if last == "state" and span[-1].is_title and span[-2].pos_ == "PROPN" and span[-2].is_title:
        return True, "place"  # "Rakhine State", "Borno State": a federal state (a known "Islamic State" never gets here)
    return False, None


def locative(span: Span) -> bool:
    """Used as a location: "in Moscow", "left Moscow", "the Vienna talks", a dateline."""
    head = span.root
    doc = span.doc
    if named_place(head):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in GOVERNMENT_NOUNS:
        return False  # "the government in Kyiv" is the state (read from the words: the parse often attaches "in" elsewhere)
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ not in GOVERNMENT_NOUNS | {"policy", "position", "view", "demands", "behaviour", "behavior"}:
        return True  # "much of Khartoum", "the streets of Kyiv"
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in ("based", "born", "headquartered"):
        return True  # "the Paris-based agency"
    if head.dep_ == "dobj" and head.head.lemma_.lower() in MOTION_VERBS:
        return True
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        # "the Vienna talks" happen there; a "Kremlin spokesman" or "Beijing officials" speak for the state
        return not titles.role_noun(head.head)
    return span.start == 0 and span.text.isupper() and span.end < len(doc) and doc[span.end].text in ("—", "–", "-", ",")


def listed_with_countries(span: Span) -> bool:
    """"Mali, Burkina Faso and Niger": a name that could be a person's, coordinated with
    countries, is one too."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = [first, *first.conjuncts]
    for member in members:
        if member.i in range(span.start, span.end) or not member.ent_type_:
            continue
        entity = next((e for e in span.doc.ents if e.start <= member.i < e.end), None)
        if entity is not None and any(e.kind == "country" and not e.ambiguous for e in gazetteer.lookup(entity.text)):
            return True
    return False


def part_of_larger_name(span: Span) -> bool:
    """"Berlin" in "the Berlin Wall": a known name that modifies another capitalised noun."""
    root = span.root
    return root.dep_ == "compound" and root.head.i == span.end and root.head.pos_ == "PROPN" \
        and root.head.is_title and not gazetteer.lookup(root.head.text)


def generic_body(key: str | None) -> bool:
    found = gazetteer.entity(key) if key else None
    return bool(getattr(found, "generic", False))


def has_article(span: Span) -> bool:
    """An article right before the name and governing it: "the Cold War", not "the South
    Caucasus Petra Lindholm" (whose article belongs to the title)."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.lower_ in ARTICLES and before.head.i in range(span.start, span.end)


def classify_known(span: Span, label: str, entries: list[gazetteer.GazetteerEntry], in_title: bool) -> tuple[str, str | None, str | None, str] | None:
    """(kind, type, key, name) for a name the gazetteers know, or None to drop it."""
    if part_of_larger_name(span):
        return None
    country = next((e for e in entries if e.kind == "country" and e.role in ("name", "official", "alias", "demonym", "plural")), None)
    government = next((e for e in entries if e.kind == "country" and e.role in ("capital", "seat")), None)
    place = next((e for e in entries if e.kind == "place"), None)
    body_seat = next((e for e in entries if e.kind == "organization" and e.role == "seat"), None)
    if body_seat is not None and government is not None and government.role == "capital" and not (in_title or locative(span)):
        government = body_seat  # "Brussels insists": the EU, whose seat it is, more than Belgium
    same_named_city = place is not None and country is not None and any(e.role == "capital" for e in entries)
    if same_named_city and locative(span):
        return "place", None, place.key, place.name  # "evacuated to Djibouti": the city of that name
    if country is not None and not (country.ambiguous and label == "PERSON" and not listed_with_countries(span)):
        if country.role in ("demonym", "plural") and label not in ("NORP", "GPE") and span.root.dep_ == "compound" \
                and span.root.head.pos_ == "PROPN" and span.root.head.is_title:
            return None  # "Russian" inside another name ("Russian Foreign Ministry") is part of that name
        return "actor", "country", country.key, country.name
    if government is not None:
        if government.role == "seat":  # "the Kremlin said"; "in the Oval Office" is a room
            if locative(span):
                return "place", None, place.key if place else None, place.name if place else span.text
            return "actor", government.type or "country", government.key, government.name
        if place is not None and (in_title or locative(span)):
            return "place", None, place.key, place.name  # "Abu Dhabi's Crown Prince", "in Moscow"
        return "actor", "country", government.key, government.name
    organization = next((e for e in entries if e.kind == "organization"), None)
    if organization is not None:
        if organization.role == "adjective":
            return None  # "the top Democrat": a party's adjective describes a person
        if generic_body(organization.key):
            return "actor", organization.type or "organization", None, span.text  # qualified later
        return "actor", organization.type or "organization", organization.key, organization.name
    if place is not None:
        return "place", None, place.key, place.name
    return None


def describes_person(span: Span) -> bool:
    """"India's DGMO, Lieutenant General Harpreet Singh": the name is the title of the person
    in apposition to it (outside the name itself: "Osei-Lambert" parses as an apposition; not
    in parentheses either: "the Taiwan Affairs Office (TAO)" defines an acronym the model may
    take for a person's name)."""
    doc = span.doc
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and not span.start <= c.i < span.end
               and not (c.i and doc[c.i - 1].text == "(") for c in span.root.children)


def unknown_location(span: Span, label: str, role: str | None) -> bool:
    """"in Kosti", "near Krishna Ghati": an unknown name right after a preposition of place,
    with no title, is a place whatever the model labelled it."""
    head = span.root
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    where = following is not None and following.lower_ in ("in", "at") \
        and not (span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ in ("DATE", "TIME"))  # not "X in early May"
    if any(c.dep_ == "prep" and c.lower_ in LOCATIVE and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in head.children) or where:
        return False  # "A in Washington and B in Canberra": B is somewhere, not a where
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "in Takeo and neighbouring Prey Veng"
    prepositions = {"in", "near", "outside", "around", "inside"} | ({"at"} if label in ("PERSON", "NORP") or len(span) == 1 else set())
    preposition = head.head
    journey = preposition.lower_ in ("to", "from") and (preposition.head.lemma_.lower() in TRAVEL_WORDS)  # "travelled to X", "a flight from X"
    bearing = preposition.lower_ == "of" and preposition.head.lower_.replace("-", "") in BEARINGS  # "200 kilometres west of X"
    owned = any(c.dep_ in ("poss", "case") and not span.start <= c.i < span.end for c in head.children)  # not "Cox's Bazar"
    return (not role and head.dep_ == "pobj" and (preposition.lower_ in prepositions or journey or bearing)
            and not owned and span[-1].lower_ not in ORGANISATION_NOUNS)


def classify_by_label(span: Span, label: str, role: str | None) -> tuple[str, str | None] | None:
    """(kind, type) for a name the gazetteers do not know, or None to drop it."""
    if label == "LAW":
        return "treaty", None
    if label in ("ORG", "EVENT", "FAC", "PRODUCT") and treaties.is_instrument_name(span.text):
        return "treaty", None
    if span.text.lower() == span.text or (span[0].is_lower and span[0].lower_ not in COMPASS_WORDS):
        return None  # a lower-case phrase is no name ("southern Lebanon" is: a region of one)
    if label in ("PERSON", "ORG") and describes_person(span):
        return None
    known, kind = apposition_type(span.root)
    if known:
        return None if kind is None else (("place", None) if kind == "place" else ("actor", kind))
    known, kind = head_noun_type(span)
    if known:
        return ("place", None) if kind == "place" else None
    if label in ("PERSON", "ORG", "NORP") and unknown_location(span, label, role):
        return "place", None
    if label == "PERSON":
        if not role and has_article(span):
            return None  # "the Chilly Warfare": a person's name takes no article
        if any(ch.isdigit() for ch in span.text) or (len(span) == 1 and span.text.isupper()):
            return None  # "H5N1", "TREP": codes and acronyms are no one's name
        if len(span) == 1 and not role and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE:
            return None  # "on Twitter": a lone word after a preposition
        return "actor", "person"
    if label == "ORG":
        return "actor", "organization"
    if label in ("GPE", "LOC", "FAC"):
        if len(span) == 1 and span.text.lower() in COMPASS:
            return None  # "the West": a direction, not a place
        return "place", None
    people_of = span.root.dep_ == "compound" and span.root.head.tag_ == "NNS" and span.root.pos_ in ("NOUN", "PROPN")
    if label == "NORP" and people_of:
        return "actor", "group"  # "Rohingya refugees": the people the refugees are
    if label == "NORP" and locative(span):
        return "place", None  # "at Mulino": the model took a place for a people
    if label == "PRODUCT":
        return None  # weapons, vehicles, software; a product named as a place was typed above
    named_people = span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "appos") or (span.root.dep_ == "pobj" and has_article(span))
    if label == "NORP" and span.root.pos_ in ("NOUN", "PROPN") and named_people:
        return "actor", "group"  # "the Inuit", "the plight of the Rohingya": a people named as such
    return None  # NORP of no country used as an adjective ("Western"), EVENT, ...
