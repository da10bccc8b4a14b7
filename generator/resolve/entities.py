"""Actors, places and treaties: mentions from every document merged into one entity per
real-world thing.

Mentions are grouped by key (names.py) with a union-find, then joined where the text gives
evidence that two keys name one thing:
- a gazetteer key ("country:RU" for "Russia", "Moscow" as a government, "the Kremlin");
- an acronym defined in a document ("CTBT" = "Comprehensive Nuclear-Test-Ban Treaty") and the
  acronym forms of a treaty name ("Intermediate-Range Nuclear Forces (INF) Treaty" = "INF
  Treaty" = "INF");
- a short person name that matches exactly one full name in the corpus by its last or first
  words ("Trump" = "Donald Trump"); two people who share a surname stay apart;
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Document, Extraction, Mention, Reference
from . import names


@dataclass
class MentionRecord:
    document: Document
    extraction: Extraction
    index: int  # in extraction.mentions

    @property
    def mention(self) -> Mention:
        return self.extraction.mentions[self.index]

    @property
    def reference(self) -> Reference:
        sentence = self.extraction.sentences[self.mention.sentence]
        return Reference(self.document.id, sentence.paragraph, sentence.text, sentence.start)


@dataclass
class Cluster:
    """The mentions of one entity, before it gets an id."""

    kind: str
    records: list[MentionRecord] = field(default_factory=list)

    @property
    def mentions(self) -> list[Mention]:
        return [r.mention for r in self.records]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def key_of(mention: Mention) -> str:
    """The key a mention is grouped by, prefixed by its kind."""
    if mention.key:
        return f"{mention.kind}|{mention.key}"
    if mention.kind == "treaty":
        return f"treaty|{names.treaty_forms(mention.name)[0]}"
    if mention.kind == "place":
        return f"place|{names.place_key(mention.name)}"
    if mention.type == "person":
        return f"actor|person|{names.person_key(mention.name)}"
    return f"actor|name|{names.organisation_key(mention.name)}"


# Words that alone name no particular thing: an anaphor like "the treaty" is linked to the
# treaty it stands for, but it is not one of that treaty's names.
GENERIC_WORDS = {"treaty", "treaties", "agreement", "agreements", "accord", "accords", "pact", "deal", "convention",
                 "alliance", "ministry", "council", "administration", "government", "organization", "organisation"}


def generic_form(name: str) -> bool:
    return names.fold(name) in GENERIC_WORDS


def cluster_mentions(documents: list[Document], extractions: list[Extraction]) -> list[Cluster]:
    records = [MentionRecord(d, x, i) for d, x in zip(documents, extractions) for i in range(len(x.mentions))]
    groups = _UnionFind()
    for record in records:
        mention = record.mention
        groups.find(key_of(mention))
        if mention.key and mention.kind == "actor" and mention.type != "person":
            # a known body is also every unknown mention of its names ("India's military" and
            # the gazetteer's "Indian Army")
            for name in {mention.name, mention.text}:
                groups.union(key_of(mention), f"actor|name|{names.organisation_key(name)}")
    _join_treaty_forms(records, groups)
    _join_acronyms(documents, extractions, records, groups)
    _join_short_person_names(records, groups)
    clusters: dict[str, Cluster] = {}
    for record in records:
        root = groups.find(key_of(record.mention))
        clusters.setdefault(root, Cluster(record.mention.kind)).records.append(record)
    return [clusters[k] for k in sorted(clusters) if not _lone_word_person(clusters[k])]


def _lone_word_person(cluster: Cluster) -> bool:
    """A one-word "person" named once, with no title and no full name anywhere ("Twitter" in
    "on Twitter", "Down" in "Down Under"): the model's guess, not a person the briefing knows."""
    mentions = cluster.mentions
    return (cluster.kind == "actor" and all(m.type == "person" for m in mentions) and len(mentions) == 1
            and len(mentions[0].name.split()) == 1 and not mentions[0].role and mentions[0].text == mentions[0].name)


def _join_treaty_forms(records: list[MentionRecord], groups: _UnionFind) -> None:
    for record in records:
        mention = record.mention
        if mention.kind == "treaty" and not mention.key:
            forms = names.treaty_forms(mention.name)
            for form in forms[1:]:
                groups.union(f"treaty|{forms[0]}", f"treaty|{form}")


def _join_acronyms(documents, extractions, records: list[MentionRecord], groups: _UnionFind) -> None:
    """An acronym defined in a document and its long form are one entity, of the long form's kind."""
    keys_by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        keys_by_name[(record.document.id, names.fold(record.mention.name))].add(key_of(record.mention))
    for document, extraction in zip(documents, extractions):
        for acronym, long_form in extraction.acronyms.items():
            long_keys = keys_by_name.get((document.id, names.fold(long_form)), set())
            short_keys = keys_by_name.get((document.id, names.fold(acronym)), set())
            for long_key in long_keys:
                kind = long_key.split("|")[0]
                for short_key in short_keys:
                    if short_key.split("|")[0] == kind:
                        groups.union(long_key, short_key)


def _join_short_person_names(records: list[MentionRecord], groups: _UnionFind) -> None:
    """"Trump" (from "the Trump administration") is the corpus's only full name ending so."""
    full_names: dict[str, set[str]] = defaultdict(set)  # last or first word -> person keys
    shorts: set[str] = set()
    for record in records:
        mention = record.mention
        if mention.kind != "actor" or mention.type != "person":
            continue
        key = names.person_key(mention.name)
        words = key.split()
        if len(words) >= 2:
            full_names[words[-1]].add(key)
            full_names[words[0]].add(key)
            full_names[" ".join(words[-2:])].add(key)
        else:
            shorts.add(key)
    for short in sorted(shorts):
        candidates = full_names.get(short, set())
        if len(candidates) == 1:
            groups.union(f"actor|person|{short}", f"actor|person|{next(iter(candidates))}")


# --------------------------------------------------------------------------- attributes


def best_name(cluster: Cluster) -> str:
    """The name a page shows: the gazetteer's canonical one, else the form most documents use
    (a typo or a spun word is usually one document's), then the most frequent, then the
    longest, without a parenthesised acronym."""
    display = names.display_treaty_name if cluster.kind == "treaty" else (lambda n: n)
    documents: dict[str, set[str]] = {}
    for record in cluster.records:
        documents.setdefault(display(record.mention.name), set()).add(record.document.id)
    frequency = Counter(display(m.name) for m in cluster.mentions)
    candidates = list(frequency)
    if cluster.kind == "actor" and any(m.type == "person" for m in cluster.mentions):
        words = max(len(n.split()) for n in candidates)  # a person's full name, not a surname
        candidates = [n for n in candidates if len(n.split()) == words]
    keyed = [m.name for m in cluster.mentions if m.key]
    if keyed:
        return Counter(keyed).most_common(1)[0][0]
    best = min(candidates, key=lambda n: (-len(documents[n]), -frequency[n], -len(n), n))
    return best[:1].upper() + best[1:]  # "Submarine contract": a described treaty, as a title


def actor_type(cluster: Cluster) -> str:
    votes = Counter(m.type for m in cluster.mentions if m.type)
    keyed = [m.type for m in cluster.mentions if m.key and m.type]
    if keyed:
        return Counter(keyed).most_common(1)[0][0]
    return sorted(votes, key=lambda t: (-votes[t], t))[0] if votes else "organization"


def roles(cluster: Cluster) -> list[str]:
    counts = Counter(m.role for m in cluster.mentions if m.role)
    return sorted(counts, key=lambda r: (-counts[r], r))


def affiliation(cluster: Cluster) -> str | None:
    counts = Counter(m.affiliation for m in cluster.mentions if m.affiliation)
    return sorted(counts, key=lambda a: (-counts[a], a))[0] if counts else None


def treaty_year(cluster: Cluster) -> int | None:
    years = Counter(m.year for m in cluster.mentions if m.year)
    return sorted(years, key=lambda y: (-years[y], y))[0] if years else None
