"""Normalised keys for names: two mentions with the same key name the same thing.

Keys ignore case, accents, punctuation and a leading article ("U.S." = "US", "Étienne" =
"Etienne"); person keys also ignore middle initials and generational suffixes ("Joseph R.
Biden Jr." = "Joseph Biden"); organisation keys write a country's possessive as its demonym
("Russia's Foreign Ministry" = "Russian Foreign Ministry"); place keys drop a trailing kind
word ("Kaliningrad region" = "Kaliningrad").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import gazetteer

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A state's forces go by several names in news copy: one key for all of them.
FORCES = (("armed forces", "army"), ("military", "army"), ("defence forces", "army"), ("defense forces", "army"))
PLACE_KIND_WORDS = {"region", "exclave", "enclave", "oblast", "province", "district", "area", "territory"}


@lru_cache(maxsize=1 << 18)  # resolve folds each name of every entity many times
def fold(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces, no leading article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("+", " plus")  # "OPEC+" is not OPEC
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", "", text)
    text = re.sub(r"[\s-]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def person_key(name: str) -> str:
    words = [w for w in fold(name).split() if w not in SUFFIXES]
    if len(words) > 2:  # middle initials: "joseph r biden" -> "joseph biden"
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def organisation_key(name: str) -> str:
    """"Russia's Foreign Ministry" = "Russian Foreign Ministry"; "India's military" = "Indian
    Army" = "the Indian armed forces"."""
    words = name.replace("’", "'").split()
    if words and words[0].endswith("'s"):
        country = gazetteer.lookup(words[0][:-2])
        demonyms = [gazetteer.entity(e.key) for e in country if e.kind == "country"]
        if demonyms and getattr(demonyms[0], "demonyms", None):
            words = [demonyms[0].demonyms[0]] + words[1:]
    key = fold(" ".join(words))
    for synonym, common in FORCES:
        if key.endswith(" " + synonym) and len(key.split()) <= len(synonym.split()) + 2:
            key = key[: -len(synonym)] + common
    return key


def place_key(name: str) -> str:
    words = fold(name).split()
    while len(words) > 1 and words[-1] in PLACE_KIND_WORDS:
        words = words[:-1]
    if len(words) > 2 and words[-2:] == ["training", "ground"]:
        words = words[:-2]
    return " ".join(words)


def treaty_forms(name: str) -> list[str]:
    """Every key a treaty name stands for: the name without its parenthesised acronym, the
    acronym with the instrument noun ("INF Treaty") and the acronym alone."""
    inverted = re.match(r"^(?P<head>Treaty|Convention|Agreement|Protocol) (?:on|of|for) (?:the )?(?P<subject>.+)$", name)
    if inverted:  # "Treaty on Open Skies" is the "Open Skies Treaty"
        return [fold(f"{inverted['subject']} {inverted['head']}"), fold(name)]
    match = re.match(r"^(?P<long>.+?)\s*\((?P<acronym>[^)]+)\)\s*(?P<head>.*)$", name)
    if not match:
        return [fold(name)]
    long_form = f"{match['long']} {match['head']}".strip()
    forms = [fold(long_form), fold(match["acronym"])]
    if match["head"]:
        forms.append(fold(f"{match['acronym']} {match['head']}"))
    return forms


def display_treaty_name(name: str) -> str:
    """"Intermediate-Range Nuclear Forces (INF) Treaty" -> "Intermediate-Range Nuclear Forces Treaty"."""
    return re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
