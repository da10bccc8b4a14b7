"""Events told by several sentences or documents become one event.

Two event mentions are one event when they fall on the same date (to the same precision)
and either share a person among their participants, or tell the same kind of happening (the
same verb, or verbs of one kind: "withdrew", "left", "quit") and share any participant, a
treaty or the place ("Biden and Putin meet in Geneva" told by three
papers). Everything else stays apart: a briefing would rather show two pages than merge two
different happenings.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import DateValue, Document, EventMention, Extraction, Reference


@dataclass
class EventRecord:
    document: Document
    extraction: Extraction
    event: EventMention
    participants: list[str]  # entity ids
    place: str | None
    treaties: list[str]

    @property
    def date(self) -> DateValue:
        return self.extraction.dates[self.event.date].value

    @property
    def date_text(self) -> str:
        return self.extraction.dates[self.event.date].text

    @property
    def reference(self) -> Reference:
        sentence = self.extraction.sentences[self.event.sentence]
        return Reference(self.document.id, sentence.paragraph, sentence.text, sentence.start)


# Verbs that tell the same kind of happening: "left", "withdrew from" and "quit" a treaty in
# one year are one withdrawal, whichever word each source used.
KINDS_OF_HAPPENING = {
    "withdrawal": {"withdraw", "leave", "exit", "quit", "abandon", "pull", "withdrawal", "exit"},
    "signing": {"sign", "conclude", "ink", "signing"},
    "meeting": {"meet", "talk", "hold", "host", "meeting", "talks", "summit"},
    "statement": {"say", "tell", "state", "announce", "declare", "statement", "add", "note"},
    "ratification": {"ratify", "ratification", "approve", "pass"},
    "attack": {"attack", "strike", "hit", "shell", "bomb", "fire"},
    "invasion": {"invade", "invasion", "annex", "annexation"},
}
KIND_OF = {word: kind for kind, words in KINDS_OF_HAPPENING.items() for word in words}


def same_kind(a: str, b: str) -> bool:
    return a == b or (a in KIND_OF and KIND_OF.get(a) == KIND_OF.get(b))


def _same_event(a: EventRecord, b: EventRecord, actor_types: dict[str, str]) -> bool:
    shared = set(a.participants) & set(b.participants)
    if any(actor_types.get(p) == "person" for p in shared):
        return True
    same_trigger = same_kind(a.event.trigger, b.event.trigger)
    same_treaty = bool(set(a.treaties) & set(b.treaties))
    return same_trigger and (bool(shared) or same_treaty or (a.place is not None and a.place == b.place))


def group_events(records: list[EventRecord], actor_types: dict[str, str]) -> list[list[EventRecord]]:
    by_date: dict[str, list[EventRecord]] = defaultdict(list)
    for record in records:
        by_date[record.date.iso].append(record)
    groups: list[list[EventRecord]] = []
    for iso in sorted(by_date):
        pending = by_date[iso]
        merged: list[list[EventRecord]] = []
        for record in pending:
            homes = [g for g in merged if any(_same_event(record, other, actor_types) for other in g)]
            if not homes:
                merged.append([record])
                continue
            home = homes[0]
            home.append(record)
            for other in homes[1:]:  # the record joins groups that were apart until now
                home.extend(other)
                merged.remove(other)
        groups.extend(merged)
    return groups


def headline(group: list[EventRecord]) -> EventRecord:
    """The record whose name titles the event: the one with most participants, then the
    earliest source, then the shortest name."""
    return sorted(group, key=lambda r: (-len(r.participants), str(r.document.date or ""), r.document.id, len(r.event.name), r.event.name))[0]
