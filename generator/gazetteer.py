"""Gazetteers of general knowledge: countries, organisations, places and person titles.

The extractor uses them to give known names the right spaCy label and full span
(`ruler_patterns`), to map the many ways a text names one entity to a single key
(`lookup`: "U.S.", "America", "Washington", "the White House" -> country:US), and to take
titles off person names (`title_prefix`: "Russian Deputy Foreign Minister Sergei Ryabkov"
-> role "Deputy Foreign Minister", country:RU, name "Sergei Ryabkov").

Data files, in generator/data/ (YAML, one per domain; each starts with a comment that says
where its knowledge comes from and what every field means):

- countries.yml      states, territories and historical states: names, abbreviations,
                     demonyms, capitals and seats of government
- organizations.yml  international organisations, national bodies, parties, armed groups,
                     news agencies, state companies
- places.yml         regions, seas, rivers, disputed regions and cities that are not capitals
- titles.yml         the words of person titles, as a small grammar

Keys. Every entry has a key that stays the same from build to build and names its page:
"country:RU" (ISO 3166 alpha-2 code), "org:nato", "place:crimea". Capitals become places
too ("place:moscow", with the country kept in `Place.country`). A generic body named with
its country ("Russian Foreign Ministry", "Foreign Ministry of Russia") is that country's
body, "org:ru-foreign-ministry" (see `national_body`).

Matching. `normalize` folds case, accents, periods, apostrophes, hyphens, "&" and "+", so
a lookup finds "U.S.", "US" and "u.s" alike, and "Côte d’Ivoire" as "Cote d'Ivoire"; a
leading "the" and a possessive "'s" are optional. Two kinds of names match only as written
(or in capitals): those a data file marks `case_sensitive` ("Turkey", "Polish"), and
abbreviations whose lowercase is an English function word ("US" / "us", "WHO" / "who").
Names marked `ambiguous` ("Georgia", "Jordan", "Washington") are returned with
`ambiguous=True` and get no ruler pattern, so that spaCy's model judges them in context.

Ruler patterns. Add them to an EntityRuler placed before "ner", so that the model keeps their
spans ("NATO-Russia Council", "Latin American"). Labels: GPE for countries, cities and
governed territories, NORP for demonyms (capitalised only: "french windows" is no country),
ORG for organisations and for seats of government ("Kremlin", id "country:RU"), LOC for other
places. The `id` of a NORP pattern may be a place ("European" -> "place:europe"). Generic
bodies ("Foreign Ministry") get no pattern: the model reads "Russian Foreign Ministry" whole.

Extending. Edit the YAML files (keep each sorted by key) and run
`pytest tests/test_gazetteer.py`: loading names the file and line of any mistake, and the
tests check the invariants (unique keys, no name shared by two countries unless flagged).
Everything is loaded once per process and cached.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Union

import yaml

DATA_DIR = Path(__file__).parent / "data"

COUNTRY_STATUSES = ("member", "observer", "disputed", "territory", "historical")
ORGANIZATION_TYPES = ("organization", "group")
ORGANIZATION_CATEGORIES = ("international", "coalition", "national", "party", "armed", "media", "company", "ngo")
# spaCy label of a place, by its type: populated, governed places are GPE, the rest LOC.
PLACE_LABELS = {
    "city": "GPE",
    "territory": "GPE",
    "continent": "LOC",
    "region": "LOC",
    "ocean": "LOC",
    "sea": "LOC",
    "strait": "LOC",
    "canal": "LOC",
    "river": "LOC",
    "lake": "LOC",
    "mountains": "LOC",
    "island": "LOC",
    "peninsula": "LOC",
}


class GazetteerError(ValueError):
    """A mistake in a data file, named by file and line."""


# --------------------------------------------------------------------------- normalisation

# Letters that Unicode decomposition leaves alone but English text writes without the mark.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})
_VANISHING = re.compile(r"[.'’‘`´ʻʼ]")  # periods and apostrophes: "U.S." -> "US", "d'Ivoire" -> "dIvoire"
_SEPARATING = re.compile(r"[^\w\s]|_")  # any other punctuation separates words: "Guinea-Bissau"


def _fold(name: str) -> str:
    """`normalize` without the case folding."""
    text = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("+", " plus ")
    text = _SEPARATING.sub(" ", _VANISHING.sub("", text))
    return " ".join(text.split())


def normalize(name: str) -> str:
    """The form used for matching: lowercase ASCII words separated by single spaces.

    >>> normalize("U.S.") == normalize("us") == "us"
    True
    >>> normalize("Côte d’Ivoire"), normalize("Secretary-General"), normalize("OPEC+")
    ('cote divoire', 'secretary general', 'opec plus')
    """
    return _fold(name).casefold()


def slug(name: str) -> str:
    """A key fragment for a name: "Kuwait City" -> "kuwait-city"."""
    return normalize(name).replace(" ", "-")


def _is_abbreviation(form: str) -> bool:
    """All capitals with at least two letters and no spaces: "US", "U.S.", "NATO", "G7"."""
    letters = [c for c in form if c.isalpha()]
    return " " not in form and len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_mixed_case_abbreviation(form: str) -> bool:
    """One word with capitals after the first letter: "DoD", "CoE", "ECtHR"."""
    return " " not in form and any(c.isupper() for c in form[1:]) and not _is_abbreviation(form)


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class Country:
    key: str  # "country:RU"
    code: str  # "RU", the key in countries.yml
    name: str
    official: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # adjectives and singular nouns: "Russian", "Briton"
    attributive: str | None = None  # before its institutions, when not the demonym: "U.S."
    plurals: tuple[str, ...] = ()  # "Russians", "the British"
    capital: str | None = None
    capital_aliases: tuple[str, ...] = ()
    other_capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()  # "Kremlin", "White House"
    status: str = "member"
    ambiguous_names: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()

    kind = "country"

    @property
    def ambiguous(self) -> bool:
        """Some name of this country often means something else ("Georgia", "Washington")."""
        return bool(self.ambiguous_names)

    @property
    def actor_type(self) -> str:
        return "country"

    @property
    def capitals(self) -> tuple[str, ...]:
        return ((self.capital,) if self.capital else ()) + self.other_capitals

    def forms(self) -> Iterator[tuple[str, str]]:
        """Every name of the country with the role it plays."""
        yield self.name, "name"
        yield from ((f, "official") for f in self.official)
        yield from ((f, "alias") for f in self.aliases)
        yield from ((f, "demonym") for f in self.demonyms)
        yield from ((f, "plural") for f in self.plurals)
        yield from ((f, "capital") for f in (*self.capitals, *self.capital_aliases))
        yield from ((f, "seat") for f in self.seats)


@dataclass(frozen=True)
class Organization:
    key: str  # "org:nato"
    code: str  # "nato", the key in organizations.yml
    name: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    type: str = "organization"  # organization | group (ACTOR_TYPES of model.py)
    country: str | None = None  # "country:US" for national bodies
    seats: tuple[str, ...] = ()  # "Foggy Bottom"
    adjectives: tuple[str, ...] = ()  # "Republican", "Houthi"
    category: str = "international"
    generic: bool = False  # a kind of body every state has: "Foreign Ministry"
    ambiguous_names: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()

    kind = "organization"

    @property
    def ambiguous(self) -> bool:
        return bool(self.ambiguous_names)

    @property
    def actor_type(self) -> str:
        return self.type

    def forms(self) -> Iterator[tuple[str, str]]:
        yield self.name, "name"
        yield from ((f, "acronym") for f in self.acronyms)
        yield from ((f, "alias") for f in self.aliases)
        yield from ((f, "seat") for f in self.seats)
        yield from ((f, "adjective") for f in self.adjectives)


@dataclass(frozen=True)
class Place:
    key: str  # "place:crimea"
    code: str  # "crimea"
    name: str
    type: str  # a key of PLACE_LABELS
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None  # "country:UA"
    ambiguous_names: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()

    kind = "place"

    @property
    def ambiguous(self) -> bool:
        return bool(self.ambiguous_names)

    @property
    def label(self) -> str:
        return PLACE_LABELS[self.type]

    def forms(self) -> Iterator[tuple[str, str]]:
        yield self.name, "name"
        yield from ((f, "alias") for f in self.aliases)
        yield from ((f, "demonym") for f in self.demonyms)


KnownEntity = Union[Country, Organization, Place]  # what a gazetteer key names


@dataclass(frozen=True)
class GazetteerEntry:
    """One thing a name can mean, and the role the name plays for it."""

    key: str  # "country:RU"
    kind: str  # country | organization | place
    name: str  # the canonical name ("Russia")
    role: str  # name | official | alias | acronym | demonym | plural | capital | seat | adjective
    form: str  # the name as the data writes it ("Kremlin")
    ambiguous: bool  # this name often means something else
    type: str | None  # actor type (country | organization | group), or the place type ("city")


@dataclass(frozen=True)
class TitleMatch:
    """The title words at the start of a person's name.

    Falsy when there are none. `role` is written canonically ("Deputy Foreign Minister",
    "former Secretary of State", "President-elect"); whose role it is stays apart: the
    `country` and `organization` keys, and the `qualifier` as written ("Russian", "NATO").
    """

    role: str = ""  # the first role ("" when the words are only an honorific)
    n_tokens: int = 0  # how many of the given tokens the title takes
    country: str | None = None  # "country:RU"
    organization: str | None = None  # "org:nato"
    qualifier: str | None = None  # the words that say whose title it is, as written
    honorific: str | None = None  # "Mr.", "Dr.": courtesy titles that are not roles
    roles: tuple[str, ...] = ()  # every role when titles follow each other ("Supreme Leader", "Ayatollah")

    def __bool__(self) -> bool:
        return self.n_tokens > 0


# --------------------------------------------------------------------------- YAML with line numbers


class _Mapping(dict):
    """A YAML mapping that remembers the line it starts on."""

    line = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping(loader.construct_pairs(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_Loader)  # noqa: S506 - a safe loader
    except OSError as err:
        raise GazetteerError(f"{path}: cannot read the gazetteer file ({err.strerror})") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise GazetteerError(f"{where}: not valid YAML ({getattr(err, 'problem', err)})") from err


# --------------------------------------------------------------------------- validation

_TEXT, _TEXTS, _FLAG = "text", "list of text", "true or false"
_COUNTRY_FIELDS = {
    "key": _TEXT, "name": _TEXT, "official": _TEXTS, "aliases": _TEXTS, "demonyms": _TEXTS,
    "attributive": _TEXT, "plurals": _TEXTS, "capital": _TEXT, "capital_aliases": _TEXTS, "other_capitals": _TEXTS,
    "seats": _TEXTS, "status": _TEXT, "ambiguous": _TEXTS, "case_sensitive": _TEXTS,
}  # fmt: skip
_ORGANIZATION_FIELDS = {
    "key": _TEXT, "name": _TEXT, "acronyms": _TEXTS, "aliases": _TEXTS, "seats": _TEXTS,
    "adjectives": _TEXTS, "type": _TEXT, "category": _TEXT, "country": _TEXT, "generic": _FLAG,
    "ambiguous": _TEXTS, "case_sensitive": _TEXTS,
}  # fmt: skip
_PLACE_FIELDS = {
    "key": _TEXT, "name": _TEXT, "type": _TEXT, "aliases": _TEXTS, "demonyms": _TEXTS,
    "country": _TEXT, "ambiguous": _TEXTS, "case_sensitive": _TEXTS,
}  # fmt: skip
_TITLE_FIELDS = {
    "honorifics": _TEXTS, "time_modifiers": _TEXTS, "rank_modifiers": _TEXTS, "suffixes": _TEXTS,
    "portfolios": _TEXTS, "portfolio_heads": _TEXTS, "envoy_heads": _TEXTS, "heads": _TEXTS,
    "abbreviations": "mapping of text to text",
}  # fmt: skip
_COUNTRY_CODE = re.compile(r"^[A-Z]{2,4}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Checker:
    """Validates the entries of one data file; every complaint names the file and line."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, line: int, message: str) -> GazetteerError:
        return GazetteerError(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")

    def entries(self, data: Any) -> list[_Mapping]:
        if not isinstance(data, list):
            raise self.fail(0, "expected a list of entries (lines starting with '- key: ...')")
        for index, entry in enumerate(data, 1):
            if not isinstance(entry, _Mapping):
                raise self.fail(0, f"entry {index} is not a mapping of fields: {entry!r}")
        return data

    def fields(self, entry: _Mapping, known: dict[str, str], required: tuple[str, ...]) -> None:
        who = f"entry {entry.get('key')!r}" if "key" in entry else "entry"
        for name in required:
            if name not in entry:
                raise self.fail(entry.line, f"{who} has no {name!r}")
        for name, value in entry.items():
            kind = known.get(name)
            if kind is None:
                raise self.fail(entry.line, f"{who}: unknown field {name!r} (known fields: {', '.join(known)})")
            if not _has_kind(value, kind):
                hint = " (quote it: YAML reads NO, YES, ON, OFF as true/false)" if isinstance(value, bool) else ""
                raise self.fail(entry.line, f"{who}: {name!r} must be {kind}, not {value!r}{hint}")

    def unique(self, entry: _Mapping, key: str, seen: dict[str, int]) -> None:
        if key in seen:
            raise self.fail(entry.line, f"key {key!r} is used twice (first on line {seen[key]})")
        seen[key] = entry.line

    def listed(self, entry: _Mapping, field_name: str, forms: set[str]) -> tuple[str, ...]:
        names = tuple(entry.get(field_name, ()))
        for name in names:
            if name not in forms:
                raise self.fail(entry.line, f"{entry['key']!r}: {field_name} name {name!r} is not one of its names")
        return names


def _has_kind(value: Any, kind: str) -> bool:
    if kind == _TEXT:
        return isinstance(value, str) and bool(value.strip())
    if kind == _TEXTS:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if kind == _FLAG:
        return isinstance(value, bool)
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _texts(entry: _Mapping, name: str) -> tuple[str, ...]:
    return tuple(entry.get(name, ()))


def _read_countries(path: Path) -> list[Country]:
    check = _Checker(path)
    countries, seen = [], {}
    for entry in check.entries(_read_yaml(path)):
        check.fields(entry, _COUNTRY_FIELDS, ("key", "name"))
        code = entry["key"]
        if not _COUNTRY_CODE.match(code):
            raise check.fail(entry.line, f"country key {code!r} must be 2 to 4 capital letters (an ISO 3166 code)")
        check.unique(entry, code, seen)
        status = entry.get("status", "member")
        if status not in COUNTRY_STATUSES:
            raise check.fail(entry.line, f"{code!r}: status {status!r} is not one of {', '.join(COUNTRY_STATUSES)}")
        country = Country(
            key=f"country:{code}", code=code, name=entry["name"], official=_texts(entry, "official"),
            aliases=_texts(entry, "aliases"), demonyms=_texts(entry, "demonyms"), attributive=entry.get("attributive"),
            plurals=_texts(entry, "plurals"),
            capital=entry.get("capital"), capital_aliases=_texts(entry, "capital_aliases"),
            other_capitals=_texts(entry, "other_capitals"), seats=_texts(entry, "seats"), status=status,
        )  # fmt: skip
        if country.capital_aliases and not country.capital:
            raise check.fail(entry.line, f"{code!r} has capital_aliases but no capital")
        forms = {f for f, _ in country.forms()}
        countries.append(
            replace(country, ambiguous_names=check.listed(entry, "ambiguous", forms), case_sensitive=check.listed(entry, "case_sensitive", forms))
        )
    return countries


def _read_organizations(path: Path, country_codes: set[str]) -> list[Organization]:
    check = _Checker(path)
    organizations, seen = [], {}
    for entry in check.entries(_read_yaml(path)):
        check.fields(entry, _ORGANIZATION_FIELDS, ("key", "name", "type", "category"))
        code = entry["key"]
        if not _SLUG.match(code):
            raise check.fail(entry.line, f"organisation key {code!r} must be a lowercase slug like 'state-duma'")
        check.unique(entry, code, seen)
        if entry["type"] not in ORGANIZATION_TYPES:
            raise check.fail(entry.line, f"{code!r}: type {entry['type']!r} is not one of {', '.join(ORGANIZATION_TYPES)}")
        if entry["category"] not in ORGANIZATION_CATEGORIES:
            raise check.fail(entry.line, f"{code!r}: category {entry['category']!r} is not one of {', '.join(ORGANIZATION_CATEGORIES)}")
        country = entry.get("country")
        if country is not None and country not in country_codes:
            raise check.fail(entry.line, f"{code!r}: country {country!r} is not a key of countries.yml")
        organization = Organization(
            key=f"org:{code}", code=code, name=entry["name"], acronyms=_texts(entry, "acronyms"),
            aliases=_texts(entry, "aliases"), type=entry["type"], country=f"country:{country}" if country else None,
            seats=_texts(entry, "seats"), adjectives=_texts(entry, "adjectives"), category=entry["category"],
            generic=entry.get("generic", False),
        )  # fmt: skip
        forms = {f for f, _ in organization.forms()}
        organizations.append(
            replace(organization, ambiguous_names=check.listed(entry, "ambiguous", forms), case_sensitive=check.listed(entry, "case_sensitive", forms))
        )
    return organizations


def _read_places(path: Path, country_codes: set[str]) -> list[Place]:
    check = _Checker(path)
    places, seen = [], {}
    for entry in check.entries(_read_yaml(path)):
        check.fields(entry, _PLACE_FIELDS, ("key", "name", "type"))
        code = entry["key"]
        if not _SLUG.match(code):
            raise check.fail(entry.line, f"place key {code!r} must be a lowercase slug like 'gaza-strip'")
        check.unique(entry, code, seen)
        if entry["type"] not in PLACE_LABELS:
            raise check.fail(entry.line, f"{code!r}: type {entry['type']!r} is not one of {', '.join(PLACE_LABELS)}")
        country = entry.get("country")
        if country is not None and country not in country_codes:
            raise check.fail(entry.line, f"{code!r}: country {country!r} is not a key of countries.yml")
        place = Place(
            key=f"place:{code}", code=code, name=entry["name"], type=entry["type"], aliases=_texts(entry, "aliases"),
            demonyms=_texts(entry, "demonyms"), country=f"country:{country}" if country else None,
        )  # fmt: skip
        forms = {f for f, _ in place.forms()}
        places.append(replace(place, ambiguous_names=check.listed(entry, "ambiguous", forms), case_sensitive=check.listed(entry, "case_sensitive", forms)))
    return places


def _capital_places(countries: Sequence[Country]) -> Iterator[Place]:
    """Each capital as a city place ("place:moscow"), with its country's flags for its names."""
    for country in countries:
        for capital in country.capitals:
            names = (capital, *country.capital_aliases) if capital == country.capital else (capital,)
            yield Place(
                key=f"place:{slug(capital)}", code=slug(capital), name=capital, type="city", aliases=names[1:],
                country=country.key, ambiguous_names=tuple(n for n in names if n in country.ambiguous_names),
                case_sensitive=tuple(n for n in names if n in country.case_sensitive),
            )  # fmt: skip


# --------------------------------------------------------------------------- titles

_Phrases = dict[tuple[str, ...], str]  # normalised words -> canonical spelling


def _phrases(forms: Sequence[str]) -> _Phrases:
    return {tuple(normalize(f).split()): f for f in forms if normalize(f)}


@dataclass(frozen=True, eq=False)
class TitleGrammar:
    """The words of titles (see titles.yml for the grammar), ready for matching."""

    honorifics: _Phrases
    time_modifiers: _Phrases
    rank_modifiers: _Phrases
    suffixes: _Phrases
    portfolios: _Phrases
    heads: _Phrases  # abbreviations included, mapped to the full title
    portfolio_heads: frozenset[str]
    envoy_heads: frozenset[str]

    @property
    def head_words(self) -> frozenset[str]:
        """The lowercase words that end a title ("minister", "secretary", "general", ...): a
        way to spot a title whose other words are unknown ("Deputy International Minister")."""
        return frozenset(words[0] for words, canon in self.heads.items() if len(words) == 1 and canon.lower() == words[0])

    @property
    def size(self) -> int:
        """How many distinct title words and phrases the grammar knows."""
        tables = (self.honorifics, self.time_modifiers, self.rank_modifiers, self.suffixes, self.portfolios, self.heads)
        return sum(len(t) for t in tables)


def _read_titles(path: Path) -> TitleGrammar:
    check = _Checker(path)
    data = _read_yaml(path)
    if not isinstance(data, _Mapping):
        raise check.fail(0, f"expected a mapping with the fields {', '.join(_TITLE_FIELDS)}")
    check.fields(data, _TITLE_FIELDS, tuple(_TITLE_FIELDS))
    heads = set(data["heads"])
    for name in ("portfolio_heads", "envoy_heads"):
        unknown = sorted(set(data[name]) - heads)
        if unknown:
            raise check.fail(data.line, f"{name} {unknown} are not listed in heads")
    unknown = sorted(set(data["abbreviations"].values()) - heads - _rank_headed(data))
    if unknown:
        raise check.fail(data.line, f"abbreviations stand for {unknown}, which heads do not list")
    return TitleGrammar(
        honorifics=_phrases(data["honorifics"]),
        time_modifiers=_phrases(data["time_modifiers"]),
        rank_modifiers=_phrases(data["rank_modifiers"]),
        suffixes=_phrases(data["suffixes"]),
        portfolios=_phrases(data["portfolios"]),
        heads={**_phrases(data["heads"]), **{tuple(normalize(a).split()): full for a, full in data["abbreviations"].items()}},
        portfolio_heads=frozenset(data["portfolio_heads"]),
        envoy_heads=frozenset(data["envoy_heads"]),
    )


def _rank_headed(data: _Mapping) -> set[str]:
    """Titles made of a rank modifier and a head ("Vice President"), which abbreviations may name."""
    return {f"{rank} {head}" for rank in data["rank_modifiers"] for head in data["heads"]}


# --------------------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class _Name:
    entry: GazetteerEntry
    case_sensitive: bool


# Ruler pattern of each (kind, role): priority (lower wins when two entries share a pattern)
# and label (None: the place's own label). Capitals are matched through their city place.
# Demonyms and adjectives match only capitalised: in lowercase they are mostly ordinary
# adjectives ("french windows") or the words of a synonym-spun copy ("japanese Europe").
_PATTERN_RULES: dict[tuple[str, str], tuple[int, str | None]] = {
    ("country", "name"): (0, "GPE"),
    ("country", "official"): (0, "GPE"),
    ("country", "alias"): (0, "GPE"),
    ("organization", "name"): (1, "ORG"),
    ("organization", "acronym"): (1, "ORG"),
    ("organization", "alias"): (1, "ORG"),
    ("place", "name"): (2, None),
    ("place", "alias"): (2, None),
    ("country", "demonym"): (3, "NORP"),
    ("country", "plural"): (3, "NORP"),
    ("place", "demonym"): (4, "NORP"),
    ("organization", "adjective"): (5, "NORP"),
    ("country", "seat"): (6, "ORG"),
    ("organization", "seat"): (6, "ORG"),
}
_COUNTRY_QUALIFIERS = frozenset({"name", "official", "alias", "demonym"})  # "Russian"/"Russia's" Foreign Ministry
_NATIONAL_BODY_KEY = re.compile(r"^org:(?P<country>[a-z]{2,4})-(?P<body>[a-z0-9-]+)$")
_CAPITALISED_ROLES = frozenset({"demonym", "plural", "adjective"})
_KIND_ORDER = {"country": 0, "organization": 1, "place": 2}
_ROLE_ORDER = {r: i for i, r in enumerate(("name", "official", "alias", "acronym", "demonym", "plural", "capital", "seat", "adjective"))}
_MAX_NAME_WORDS = 8
_POSSESSIVE = "'s"
_JOINERS = frozenset("-‐‑–—.")  # tokens that join the words of one title ("Secretary - General", "Lt .")
_BARRIER = "\x00"  # stands for punctuation that ends a title (",", "(", ...): matches nothing


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """The loaded data files with their name index (use the module functions, or `load`)."""

    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    places: tuple[Place, ...]
    titles: TitleGrammar
    _index: dict[str, tuple[_Name, ...]] = field(repr=False, compare=False)
    _by_key: dict[str, KnownEntity] = field(repr=False, compare=False)

    # ------------------------------------------------------------------ lookups

    def entity(self, key: str) -> KnownEntity | None:
        """The entry of a key, national bodies included ("org:ru-foreign-ministry")."""
        known = self._by_key.get(key)
        if known is None and (parts := _NATIONAL_BODY_KEY.match(key)):
            body, country = f"org:{parts['body']}", f"country:{parts['country'].upper()}"
            if isinstance(self._by_key.get(body), Organization) and isinstance(self._by_key.get(country), Country):
                known = self.national_body(body, country) if self._by_key[body].generic else None  # type: ignore[union-attr]
        return known

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """What a name can mean, most specific first (see the module docstring for matching).

        A generic body named with its country is that country's body: "Russian Foreign
        Ministry", "Foreign Ministry of Russia" -> "org:ru-foreign-ministry"."""
        for text in _query_variants(name):
            found = self._listed(text)
            if found:
                return found
        for text in _query_variants(name):
            body = self._national_body_named(text)
            if body is not None:
                return [GazetteerEntry(body.key, "organization", body.name, "name", text, False, body.type)]
        return []

    def _listed(self, text: str) -> list[GazetteerEntry]:
        names = self._index.get(normalize(text), ())
        found = {(n.entry.key, n.entry.role): n.entry for n in names if not n.case_sensitive or _same_case(text, n.entry.form)}
        return sorted(found.values(), key=lambda e: (_KIND_ORDER[e.kind], _ROLE_ORDER[e.role], e.key))

    def _national_body_named(self, text: str) -> Organization | None:
        """"Russian Foreign Ministry", "Russia's Foreign Ministry", "Foreign Ministry of the
        Russian Federation": a generic body and one unambiguous country."""
        words = text.split()
        for split in range(1, len(words)):
            qualifier = " ".join(words[:split])
            state = self._country_named(qualifier) or self._government_seat_owning(qualifier)
            body = self._generic_body_named(" ".join(words[split:]))
            if state and body:
                return self.national_body(body.key, state.key)
        for match in re.finditer(r" of ", text):
            body = self._generic_body_named(text[: match.start()])
            state = self._country_named(text[match.end() :])
            if state and body:
                return self.national_body(body.key, state.key)
        return None

    def _country_named(self, text: str) -> Country | None:
        variants = (self._listed(t) for t in _query_variants(text))
        entries = [e for e in next((v for v in variants if v), []) if e.kind == "country" and e.role in _COUNTRY_QUALIFIERS and not e.ambiguous]
        keys = {e.key for e in entries}
        if len(keys) != 1:
            return None
        country = self._by_key[keys.pop()]
        return country if isinstance(country, Country) else None

    def _government_seat_owning(self, text: str) -> Country | None:
        """"Kyiv's energy ministry", "the Kremlin's press office": a capital or seat of
        government owns a body only in the possessive ("the Moscow Metro" is the city's)."""
        if not text.endswith(_POSSESSIVE) and not text.endswith("\u2019s"):
            return None
        return self._only_country(text[:-2].strip(), ("capital", "seat"))

    def _generic_body_named(self, text: str) -> Organization | None:
        for entry in self._listed(text):
            body = self._by_key[entry.key]
            if isinstance(body, Organization) and body.generic:
                return body
        return None

    def country_of_demonym(self, word: str) -> Country | None:
        return self._only_country(word, ("demonym", "plural"))

    def country_of_capital(self, name: str) -> Country | None:
        return self._only_country(name, ("capital",))

    def _only_country(self, name: str, roles: tuple[str, ...]) -> Country | None:
        keys = {e.key for e in self.lookup(name) if e.kind == "country" and e.role in roles}
        if len(keys) != 1:
            return None  # unknown, or shared by several countries ("Korean", "Congolese")
        entity = self._by_key[keys.pop()]
        assert isinstance(entity, Country)
        return entity

    # ------------------------------------------------------------------ national bodies

    def national_body(self, body: str, country: str) -> Organization:
        """A generic body of one country: ("org:foreign-ministry", "country:RU") -> the
        Organization "Russian Foreign Ministry" (key "org:ru-foreign-ministry"), whose aliases
        are every name of the body qualified by the country ("Ministry of Foreign Affairs of
        Russia", "Russian Ministry of Foreign Affairs", ...)."""
        organization, state = self._by_key.get(body), self._by_key.get(country)
        if not isinstance(organization, Organization) or not organization.generic:
            raise KeyError(f"{body!r} is not a generic body of organizations.yml")
        if not isinstance(state, Country):
            raise KeyError(f"{country!r} is not a country of countries.yml")
        listed = self._by_key.get(f"org:{state.code.lower()}-{organization.code}")
        if isinstance(listed, Organization):
            return listed  # organizations.yml has it by name: "org:us-senate", the United States Senate
        adjectives = [a for a in (state.attributive, *state.demonyms[:1]) if a]
        bodies = (organization.name, *organization.aliases)
        qualified = [f"{adjective} {b}" for adjective in adjectives for b in bodies]
        qualified += [f"{b} of {_with_article(n)}" for b in bodies for n in (state.name, *state.official)]
        return Organization(
            key=f"org:{state.code.lower()}-{organization.code}", code=f"{state.code.lower()}-{organization.code}",
            name=qualified[0], aliases=tuple(qualified[1:]), type=organization.type, country=state.key,
            category=organization.category,
        )  # fmt: skip

    # ------------------------------------------------------------------ titles

    def title_prefix(self, tokens: Sequence[str]) -> TitleMatch:
        """The longest run of titles at the start of `tokens` (the words before a name).

        ["Russian", "Deputy", "Foreign", "Minister", "Sergei", "Ryabkov"] -> role "Deputy
        Foreign Minister", country "country:RU", n_tokens 4.
        """
        return _TitleParser(self, list(tokens)).parse()

    # ------------------------------------------------------------------ spaCy patterns

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns for every unambiguous name: GPE for countries and cities,
        NORP for demonyms, ORG for organisations and seats of government, LOC for other places;
        `id` is the gazetteer key. Token patterns use LOWER, or ORTH where case matters."""
        return [{"label": label, "pattern": [dict([t]) for t in tokens], "id": key} for label, tokens, key in _patterns(self)]


# Words that make a country's name take "the" in running English ("the Russian Federation",
# "the United States", "the Netherlands"), unlike "Russia" or "Côte d'Ivoire".
_ARTICLE_WORDS = frozenset(
    "republic federation kingdom states state union emirates islands confederation commonwealth "
    "principality duchy sultanate see netherlands philippines bahamas gambia maldives comoros seychelles".split()
)


def _with_article(name: str) -> str:
    return f"the {name}" if _ARTICLE_WORDS & set(normalize(name).split()) and not name.lower().startswith("the ") else name


def _query_variants(name: str) -> Iterator[str]:
    """The name as given, then without a possessive, then without a leading "the"."""
    text = " ".join(name.split())
    variants = [text]
    bare = re.sub(r"(?:'s|’s|'|’)$", "", text)
    if bare != text:
        variants.append(bare)
    for variant in list(variants):
        if variant[:4].lower() == "the ":
            variants.append(variant[4:])
    yield from variants


def _same_case(query: str, form: str) -> bool:
    """A case-sensitive name matches as written or in capitals; an abbreviation matches any
    case once written with periods ("u.s" is the US, "us" is not)."""
    written, wanted = _fold(query), _fold(form)
    if written in (wanted, wanted.upper()):
        return True
    return "." in query and _is_abbreviation(form)


def _is_case_sensitive(form: str, entity: KnownEntity) -> bool:
    if form in entity.case_sensitive:
        return True
    if _is_abbreviation(form) and normalize(form) in _function_words():
        return True  # "US", "WHO", "IS": lowercase they are ordinary words
    return False


def _build(countries: list[Country], organizations: list[Organization], places: list[Place], titles: TitleGrammar) -> Gazetteer:
    by_key: dict[str, KnownEntity] = {}
    index: dict[str, list[_Name]] = {}
    for entity in (*countries, *organizations, *places):
        by_key[entity.key] = entity
        ambiguous = {normalize(n) for n in entity.ambiguous_names}
        for form, role in entity.forms():
            entry = GazetteerEntry(
                key=entity.key, kind=entity.kind, name=entity.name, role=role, form=form,
                ambiguous=normalize(form) in ambiguous, type=entity.type if isinstance(entity, Place) else entity.actor_type,
            )  # fmt: skip
            index.setdefault(normalize(form), []).append(_Name(entry, _is_case_sensitive(form, entity)))
    frozen = {name: tuple(names) for name, names in index.items()}
    return Gazetteer(tuple(countries), tuple(organizations), tuple(places), titles, frozen, by_key)


@functools.lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read and check the four data files of `data_dir` (cached: loaded once per process)."""
    data_dir = Path(data_dir)
    countries = _read_countries(data_dir / "countries.yml")
    codes = {c.code for c in countries}
    organizations = _read_organizations(data_dir / "organizations.yml", codes)
    places = _read_places(data_dir / "places.yml", codes)
    listed = {p.key: p for p in places}
    for city in _capital_places(countries):
        if city.key in listed:
            raise GazetteerError(
                f"{data_dir / 'places.yml'}: {city.name!r} is a capital in countries.yml; remove its entry from places.yml"
            )
        listed[city.key] = city
    places = [listed[k] for k in sorted(listed)]
    return _build(countries, organizations, places, _read_titles(data_dir / "titles.yml"))


# --------------------------------------------------------------------------- title parsing


@dataclass(frozen=True)
class _Known:
    """A gazetteer name found in a title: whose title it is."""

    end: int  # word index after it
    text: str  # as written
    country: str | None
    organization: str | None


@dataclass(frozen=True)
class _Title:
    end: int
    parts: tuple[str, ...] = ()
    country: str | None = None
    organization: str | None = None
    qualifier: str | None = None
    honorific: str | None = None


class _TitleParser:
    """Parses the title grammar of titles.yml over the normalised words of some tokens.

    Words remember their token so that a title ends on a token boundary; every alternative is
    tried and the one reaching furthest wins (the first found on a tie: longer phrases first).
    """

    def __init__(self, gazetteer: Gazetteer, tokens: list[str]):
        self.gazetteer, self.grammar, self.tokens = gazetteer, gazetteer.titles, tokens
        self.words: list[str] = []
        self.owner: list[int] = []  # token index of each word
        for index, token in enumerate(tokens):
            stem, possessive = token, token in ("'s", "’s", "'", "’")
            if possessive:
                stem = ""
            elif token.endswith(("'s", "’s")) and len(token) > 2:
                stem, possessive = token[:-2], True
            words = normalize(stem).split()
            if not words and stem and not set(stem) <= _JOINERS:
                words = [_BARRIER]
            for word in words + ([_POSSESSIVE] if possessive else []):
                self.words.append(word)
                self.owner.append(index)

    def parse(self) -> TitleMatch:
        start = 1 if self.words[:1] == ["the"] else 0
        titles: list[_Title] = []
        position = start
        while (title := self._best(position)) is not None:
            titles.append(title)
            position = title.end
        if not titles:
            return TitleMatch()
        roles = tuple(_join(t.parts) for t in titles if t.parts)
        return TitleMatch(
            role=roles[0] if roles else "",
            n_tokens=self.owner[position - 1] + 1,
            country=next((t.country for t in titles if t.country), None),
            organization=next((t.organization for t in titles if t.organization), None),
            qualifier=next((t.qualifier for t in titles if t.qualifier), None),
            honorific=next((t.honorific for t in titles if t.honorific), None),
            roles=roles,
        )

    def _best(self, i: int) -> _Title | None:
        best = None
        candidates = [_Title(end, honorific=canon) for end, canon in self._phrases(self.grammar.honorifics, i)]
        candidates += self._titles(i)
        for candidate in candidates:
            if self._boundary(candidate.end) and (best is None or candidate.end > best.end):
                best = candidate
        return best

    # --- grammar

    def _titles(self, i: int) -> list[_Title]:
        before, j = self._times(i)
        found = []
        for qualifier in (None, *self._qualifiers(j)):
            after, k = self._times(qualifier.end if qualifier else j)
            for end, parts, country, organization in self._cores(k):
                suffixes = self._phrases(self.grammar.suffixes, end)
                if suffixes:
                    end, suffix = suffixes[0]
                    parts = (*parts, suffix)
                found.append(
                    _Title(
                        end=end, parts=(*before, *after, *parts),
                        country=(qualifier.country if qualifier else None) or country,
                        organization=(qualifier.organization if qualifier else None) or organization,
                        qualifier=qualifier.text if qualifier else None,
                    )  # fmt: skip
                )
        return found

    def _times(self, i: int) -> tuple[tuple[str, ...], int]:
        parts: list[str] = []
        while matches := self._phrases(self.grammar.time_modifiers, i):
            i, canon = matches[0]
            parts.append(canon)
        return tuple(parts), i

    def _cores(self, i: int) -> Iterator[tuple[int, tuple[str, ...], str | None, str | None]]:
        for end, rank in self._phrases(self.grammar.rank_modifiers, i):
            if self._lower_function_word(i):
                continue  # "under President Trump": a preposition, not "Under Secretary"
            for core_end, parts, country, organization in self._cores(end):
                yield core_end, (rank, *parts), country, organization
        for end, portfolio in self._phrases(self.grammar.portfolios, i):
            for head_end, head in self._phrases(self.grammar.heads, end):
                if head in self.grammar.portfolio_heads:
                    yield from self._complements(head_end, (portfolio, head), head)
        for end, head in self._phrases(self.grammar.heads, i):
            yield from self._complements(end, (head,), head)

    def _complements(self, i: int, parts: tuple[str, ...], head: str) -> Iterator[tuple[int, tuple[str, ...], str | None, str | None]]:
        """What may follow a head: "of State", "to the United Nations", "of Russia"."""
        word = self._word(i)
        article = ("the",) if self._word(i + 1) == "the" else ()
        after = i + 1 + len(article)
        if head in self.grammar.portfolio_heads and word in ("of", "for"):
            for end, portfolio in self._phrases(self.grammar.portfolios, after):
                if self._phrases(self.grammar.heads, end):
                    continue  # "a spokesperson for Foreign Minister X": X is the minister, not the spokesperson
                yield end, (*parts, word, *article, portfolio), None, None
        if head in self.grammar.envoy_heads and word in ("to", "for"):
            for known in self._known(after):
                destination = self._text(i + 1, known.end)
                yield known.end, (*parts, word, destination), None, None
        if word == "of":
            for known in self._known(after):
                yield known.end, parts, known.country, known.organization
        yield i, parts, None, None

    def _qualifiers(self, i: int) -> Iterator[_Known]:
        """A country, organisation or both, each maybe with "'s": "Russian Foreign Ministry"."""
        for first in self._known(i):
            end = first.end + (self._word(first.end) == _POSSESSIVE)
            yield replace(first, end=end)
            if first.organization is not None:
                continue
            for body in self._known(end):
                if body.organization is None:
                    continue
                organization = self.gazetteer.entity(body.organization)
                assert isinstance(organization, Organization)
                if organization.generic and first.country:
                    organization = self.gazetteer.national_body(organization.key, first.country)
                fits = organization.category == "international" or organization.country == first.country
                body_end = body.end + (self._word(body.end) == _POSSESSIVE)
                yield _Known(body_end, self._text(i, body.end), first.country or organization.country, organization.key if fits else None)

    def _known(self, i: int) -> Iterator[_Known]:
        """Gazetteer names starting at word i, longest first."""
        if not self._boundary(i):
            return
        for end in range(min(len(self.words), i + _MAX_NAME_WORDS), i, -1):
            if not self._boundary(end) or _POSSESSIVE in self.words[i:end]:
                continue
            entries = self.gazetteer.lookup(self._text(i, end))
            if entries:
                # An ambiguous name ("Georgia Governor") still qualifies the title, but says
                # nothing sure about whose it is.
                country, organization = self._owner([e for e in entries if not e.ambiguous])
                yield _Known(end, self._text(i, end), country, organization)

    def _owner(self, entries: list[GazetteerEntry]) -> tuple[str | None, str | None]:
        """The country and organisation that some gazetteer entries of one name stand for."""
        countries = {e.key for e in entries if e.kind == "country"}
        if countries:
            return (min(countries) if len(countries) == 1 else None), None
        organizations = [e.key for e in entries if e.kind == "organization" and e.role != "seat"]
        if organizations:
            body = self.gazetteer.entity(organizations[0])
            return (body.country if isinstance(body, Organization) else None), organizations[0]
        places = [self.gazetteer.entity(e.key) for e in entries if e.kind == "place"]
        return next((p.country for p in places if isinstance(p, Place) and p.country), None), None

    # --- words and tokens

    def _lower_function_word(self, i: int) -> bool:
        token = self.tokens[self.owner[i]] if i < len(self.owner) else ""
        return token.islower() and token in _function_words()

    def _phrases(self, table: _Phrases, i: int) -> list[tuple[int, str]]:
        """Phrases of a table starting at word i, longest first: (end, canonical)."""
        found = []
        for end in range(min(len(self.words), i + 8), i, -1):
            canon = table.get(tuple(self.words[i:end]))
            if canon is not None:
                found.append((end, canon))
        return found

    def _word(self, i: int) -> str | None:
        return self.words[i] if i < len(self.words) else None

    def _boundary(self, i: int) -> bool:
        """Whether word index i starts a token (or is the end)."""
        return i == 0 or i >= len(self.words) or self.owner[i] != self.owner[i - 1]

    def _text(self, start: int, end: int) -> str:
        """The tokens of words [start, end) as written, hyphens and possessives glued."""
        tokens = self.tokens[self.owner[start] : self.owner[end - 1] + 1]
        return re.sub(r" ?([-‐‑–—]) ?", r"\1", " ".join(tokens)).replace(" 's", "'s").replace(" ’s", "’s")


def _join(parts: Sequence[str]) -> str:
    """Role words as one string: "then-" and "-elect" glue to their neighbour."""
    text = ""
    for part in parts:
        glue = not text or text.endswith("-") or part.startswith("-")
        text += part if glue else f" {part}"
    return text


# --------------------------------------------------------------------------- spaCy patterns


@functools.lru_cache(maxsize=4)
def _patterns(gazetteer: Gazetteer) -> tuple[tuple[str, tuple[tuple[str, str], ...], str], ...]:
    """(label, token specs, key) for every name, the most specific entry winning a shared name;
    a name two entries share at the same priority is left out (it is ambiguous)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    claims: dict[tuple[tuple[str, str], ...], dict[tuple[int, str], set[str]]] = {}
    for entity in (*gazetteer.countries, *gazetteer.organizations, *gazetteer.places):
        ambiguous = {normalize(n) for n in entity.ambiguous_names}
        plain = {normalize(f) for f, _ in entity.forms()} - ambiguous
        for form, role in entity.forms():
            rule = _PATTERN_RULES.get((entity.kind, role))
            if rule is None or normalize(form) in ambiguous or (isinstance(entity, Organization) and entity.generic):
                continue  # generic bodies are left to the model, which reads "Russian Foreign Ministry" whole
            if form[:4].lower() == "the " and normalize(form[4:]) in plain:
                continue  # "the Swiss": the pattern for "Swiss" covers it ("the Quad" stays: "Quad" is ambiguous)
            priority, label = rule
            label = label or entity.label  # type: ignore[union-attr]
            capitalised = role in _CAPITALISED_ROLES
            for tokens in _token_patterns(form, entity, tokenizer, capitalised):
                claims.setdefault(tokens, {}).setdefault((priority, label), set()).add(entity.key)
    patterns = []
    for tokens, by_rule in claims.items():
        label_priority = min(by_rule)
        keys = by_rule[label_priority]
        if len(keys) == 1:  # else two entries claim the name at the same priority: ambiguous
            patterns.append((label_priority[1], tokens, keys.pop()))
    return tuple(sorted(patterns, key=lambda p: (p[2], p[0], p[1])))


def _token_patterns(form: str, entity: KnownEntity, tokenizer: Any, capitalised: bool) -> set[tuple[tuple[str, str], ...]]:
    """Token specs for a name and its spelling variants (accents, apostrophes, hyphens)."""
    variants = {form, _fold_accents(form)}
    variants |= {v.replace("'", "’") for v in variants if "'" in v}
    # "NATO-Russia Council" is also written "NATO Russia Council"; "G-7" is not "G 7"
    variants |= {re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", v) for v in variants}
    abbreviation = _is_abbreviation(form) or _is_mixed_case_abbreviation(form)
    exact = capitalised or _is_case_sensitive(form, entity)
    specs = set()
    for variant in variants:
        words = [t.text for t in tokenizer(variant)]
        if abbreviation:
            specs.add(tuple(("ORTH", w) for w in words))
            if _is_abbreviation(form) and sum(c.isalpha() for c in form) >= 4 and "." not in form:
                specs.add(tuple(("ORTH", w.title()) for w in words))  # "Nato", as some papers write it
        elif exact:
            specs.add(tuple(("ORTH", w) for w in words))
            specs.add(tuple(("ORTH", w.upper()) for w in words))
        else:
            specs.add(tuple(("LOWER", w.lower()) for w in words))
    # A required article may open a sentence: "The Quad", "The Hague"
    return {(("LOWER", "the"), *spec[1:]) if spec[0][1].lower() == "the" else spec for spec in specs}


def _fold_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


# --------------------------------------------------------------------------- module API


def gazetteer() -> Gazetteer:
    """The gazetteer of the package's data files."""
    return load(DATA_DIR)


def lookup(name: str) -> list[GazetteerEntry]:
    """What a name can mean: lookup("the Kremlin") -> [country:RU as seat]."""
    return gazetteer().lookup(name)


def country_of_demonym(word: str) -> Country | None:
    """country_of_demonym("Russians") -> Russia; None when unknown or shared ("Korean")."""
    return gazetteer().country_of_demonym(word)


def country_of_capital(name: str) -> Country | None:
    """country_of_capital("Kiev") -> Ukraine (also other capitals: "The Hague" -> Netherlands)."""
    return gazetteer().country_of_capital(name)


def entity(key: str) -> KnownEntity | None:
    """The Country, Organization or Place of a key ("country:RU")."""
    return gazetteer().entity(key)


def national_body(body: str, country: str) -> Organization:
    """("org:foreign-ministry", "country:RU") -> the Organization "Russian Foreign Ministry"."""
    return gazetteer().national_body(body, country)


def title_prefix(tokens: Sequence[str]) -> TitleMatch:
    """The titles at the start of a person's tokens; see TitleMatch."""
    return gazetteer().title_prefix(tokens)


def title_head_words() -> frozenset[str]:
    """The lowercase words that end a title: see TitleGrammar.head_words."""
    return gazetteer().titles.head_words


def ruler_patterns() -> list[dict[str, Any]]:
    """Patterns for spaCy's EntityRuler (add the ruler before "ner" so the model keeps them)."""
    return gazetteer().ruler_patterns()
