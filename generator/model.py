"""The plain data that flows between the stages.

ingest -> Document          (one per source file)
extract -> Extraction       (one per Document; pure, cacheable as JSON)
resolve -> Briefing         (all entities, merged across documents, curation applied)
render -> Page              (Markdown text per file; pure)
write -> files in docs/     (atomic; keeps human edits)

Every class here is a dataclass of plain values (str, int, lists, dicts, other dataclasses)
so that a stage can be tested alone and an Extraction can be cached with `to_json`.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import date

# --------------------------------------------------------------------------- vocabularies

ENTITY_KINDS = ("actor", "place", "treaty", "event")
ACTOR_TYPES = ("person", "organization", "country", "group")
DATE_PRECISIONS = ("year", "month", "day")


# --------------------------------------------------------------------------- diagnostics


@dataclass(frozen=True)
class Diagnostic:
    """A warning or error about an input, named by file and (where it applies) line."""

    level: str  # "warning" | "error"
    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Paragraph:
    """One block of a source, numbered in source order (1-based) so anchors stay stable.

    `prose` is False for page furniture (boilerplate, bylines, captions, datelines that
    stand alone, headings): it is shown on the source page but not analysed.
    """

    number: int
    text: str
    line: int  # line of the source file where the paragraph starts
    kind: str = "prose"  # prose | heading | byline | caption | boilerplate | list

    @property
    def prose(self) -> bool:
        return self.kind == "prose"


@dataclass
class Document:
    id: str  # slug of the file name, unique in the corpus
    path: str  # path relative to the seeds folder, POSIX separators
    title: str
    date: date | None
    paragraphs: list[Paragraph]
    content_hash: str  # sha256 of the raw bytes
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    date_source: str = "front matter"  # where the date came from: front matter, meta, text, file name


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int  # character offsets in the paragraph text
    end: int
    text: str


@dataclass(frozen=True)
class DateValue:
    """A resolved calendar date or period: [start, end] inclusive, ISO strings."""

    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD
    precision: str  # year | month | day

    @property
    def iso(self) -> str:
        """The most precise ISO prefix that holds the whole period: YYYY-MM-DD, YYYY-MM, YYYY
        (empty when the period spans several years)."""
        if self.precision == "day" and self.start == self.end:
            return self.start
        if self.precision in ("day", "month") and self.start[:7] == self.end[:7]:
            return self.start[:7]
        return self.start[:4] if self.start[:4] == self.end[:4] else ""

    @property
    def iso_precision(self) -> str | None:
        return {10: "day", 7: "month", 4: "year"}.get(len(self.iso))


@dataclass(frozen=True)
class DateMention:
    text: str  # the words in the source ("on Monday", "last month")
    sentence: int  # index into Extraction.sentences
    start: int  # offsets in the paragraph text
    end: int
    value: DateValue | None  # None when the words cannot be placed on the calendar


@dataclass(frozen=True)
class Mention:
    """A surface form that names an actor, a place or a treaty."""

    text: str  # exactly as in the source ("President Vladimir Putin's")
    name: str  # the name with titles, articles and possessives removed ("Vladimir Putin")
    kind: str  # actor | place | treaty
    type: str | None  # for actors: person | organization | country | group
    sentence: int
    start: int
    end: int
    role: str | None = None  # a title or role given in the text ("Deputy Secretary of State")
    key: str | None = None  # a gazetteer key when the name is known ("country:RU")
    year: int | None = None  # treaties: year the text ties to it ("the 1987 treaty")
    affiliation: str | None = None  # persons: gazetteer key of the country or body their title names
    parties: list[str] = field(default_factory=list)  # treaties: gazetteer keys of the states the text names as parties


@dataclass(frozen=True)
class EventMention:
    """A sentence that tells that something happened or will happen."""

    name: str  # a short readable name ("Sherman and Ryabkov meet in Geneva")
    trigger: str  # the lemma of the word that tells what happened ("meet")
    sentence: int
    date: int | None  # index into Extraction.dates
    place: int | None  # index into Extraction.mentions
    participants: list[int]  # indices into Extraction.mentions
    treaties: list[int] = field(default_factory=list)  # indices into Extraction.mentions


@dataclass(frozen=True)
class QuoteMention:
    text: str  # the quoted words, faithful to the source
    speaker: int | None  # index into Extraction.mentions
    sentence: int


@dataclass
class Extraction:
    """Everything found in one document. Pure function of (document, pipeline version)."""

    doc_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "INF" -> "Intermediate-Range Nuclear Forces"


# --------------------------------------------------------------------------- resolve


@dataclass(frozen=True)
class Reference:
    """Where an entity is mentioned: a source paragraph and the sentence."""

    source: str  # Document.id
    paragraph: int
    sentence: str
    offset: int = 0  # where the sentence starts in the paragraph: keeps sentences in text order


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str  # entity id
    reference: Reference
    date: str | None = None  # ISO date of the statement where known (the source's date otherwise)


@dataclass
class Entity:
    id: str  # stable, unique within its kind; also the page file name
    kind: str  # actor | place | treaty | event
    name: str
    aliases: list[str] = field(default_factory=list)  # every surface form seen, sorted
    mentions: list[Reference] = field(default_factory=list)
    summary: str | None = None  # written by a person in the page's front matter
    # actors
    type: str | None = None
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # entity id of the actor's country where known
    quotes: list[Quote] = field(default_factory=list)
    # treaties
    year: int | None = None
    status: str | None = None  # e.g. "in force", "withdrawn", "draft"
    parties: list[str] = field(default_factory=list)  # entity ids
    # events
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str | None = None
    date_text: str | None = None
    participants: list[str] = field(default_factory=list)  # entity ids
    place: str | None = None  # entity id
    treaties: list[str] = field(default_factory=list)  # entity ids the event concerns
    # curation
    stale: bool = False  # no source mentions it any more; kept because a person edited its page


@dataclass
class Source:
    """A source document as the site shows it."""

    id: str
    path: str
    title: str
    date: str | None
    paragraphs: list[Paragraph]
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    # entity id per character span, for linking names on the source page: (paragraph, start, end, kind, id)
    links: list[tuple[int, int, int, str, str]] = field(default_factory=list)


@dataclass
class Briefing:
    sources: list[Source]
    entities: list[Entity]

    def by_id(self) -> dict[tuple[str, str], Entity]:
        return {(e.kind, e.id): e for e in self.entities}


# --------------------------------------------------------------------------- curation


@dataclass
class PageCuration:
    """What a person set on an existing page: its human front matter keys."""

    path: str  # relative to docs/
    kind: str
    id: str
    overrides: dict[str, typing.Any] = field(default_factory=dict)  # title, aliases, type, summary, hidden, merge_into, date
    edited: bool = False  # any human text, human key or edited generated block on the page


@dataclass
class Curation:
    pages: list[PageCuration] = field(default_factory=list)
    # entities of the previous build (from docs/briefing.json): keeps ids stable across builds
    previous: list[Entity] = field(default_factory=list)
    # edits the site must not be built with (a title the theme would print as markup)
    blocking: list[Diagnostic] = field(default_factory=list)


# --------------------------------------------------------------------------- render


@dataclass
class Page:
    """A generated page: front matter owned by the generator plus named generated blocks."""

    path: str  # relative to docs/, POSIX separators
    front_matter: dict[str, typing.Any]
    blocks: list[tuple[str, str]]  # (block name, Markdown)
    id: str | None = None
    kind: str | None = None
    render_key: str = ""  # a hash of what it was rendered from (render.render_key)


@dataclass(frozen=True)
class UnchangedPage:
    """A page that would be rendered from the same data as the last build's, into a file nobody
    touched since: it is not rendered again, and its file stays as it is."""

    path: str
    render_key: str


@dataclass
class RenderedSite:
    pages: list[Page]  # merged with human edits by the writer
    files: dict[str, str]  # other generated files, written whole (briefing.json): path -> text


@dataclass
class WriteSummary:
    written: list[str] = field(default_factory=list)  # created or changed
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # stale pages nobody edited
    kept: list[str] = field(default_factory=list)  # stale or hidden pages kept for their human edits


# --------------------------------------------------------------------------- JSON (cache)


def to_json(obj: typing.Any) -> typing.Any:
    """A dataclass tree as JSON-ready values."""
    if isinstance(obj, (str, int, float)) or obj is None:
        return obj
    if dataclasses.is_dataclass(obj):
        return {name: to_json(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [to_json(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def from_json(cls: typing.Any, data: typing.Any) -> typing.Any:
    """The inverse of `to_json`, driven by the type hints of `cls`. Each class's hints are
    read once (`typing.get_type_hints` per object cost 60 ms a document)."""
    return _decoder(cls)(data)


@functools.lru_cache(maxsize=None)
def _decoder(cls: typing.Any) -> typing.Callable[[typing.Any], typing.Any]:
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        return _decoder(next(a for a in typing.get_args(cls) if a is not type(None)))
    if origin is list:
        item = _decoder(typing.get_args(cls)[0])
        return _none_or(list if item is _as_is else lambda data: [item(x) for x in data])
    if origin is tuple:
        return _none_or(tuple)
    if origin is dict:
        value = _decoder(typing.get_args(cls)[1])
        return _none_or(lambda data: {k: value(v) for k, v in data.items()})
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        known = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]
        as_is = [name for name, decoded in known if decoded is _as_is]  # most fields: no call per value
        converted = [(name, decoded) for name, decoded in known if decoded is not _as_is]

        def decode(data: dict) -> typing.Any:
            values = {name: data[name] for name in as_is if name in data}
            for name, decoded in converted:
                if name in data:
                    values[name] = decoded(data[name])
            return cls(**values)
        return _none_or(decode)
    if cls is date:
        return _none_or(date.fromisoformat)
    return _as_is


def _as_is(data: typing.Any) -> typing.Any:
    return data


def _none_or(convert: typing.Callable[[typing.Any], typing.Any]) -> typing.Callable[[typing.Any], typing.Any]:
    return lambda data: None if data is None else convert(data)
