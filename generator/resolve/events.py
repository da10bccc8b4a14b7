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
    """Records of one date that are the same event (_same_event), joined transitively: a record
    joins every group holding a record it is the same event as, in the order the records come.
    Two records can only be one event when they share a participant, a treaty or the place, so
    each record is compared with the records that share one of those, not with every record of
    its date."""
    by_date: dict[str, list[EventRecord]] = defaultdict(list)
    for record in records:
        by_date[record.date.iso].append(record)
    groups: list[list[EventRecord]] = []
    for iso in sorted(by_date):
        groups.extend(_group_one_date(by_date[iso], actor_types))
    return groups


def _group_one_date(pending: list[EventRecord], actor_types: dict[str, str]) -> list[list[EventRecord]]:
    members: dict[int, list[EventRecord]] = {}  # group number (order of creation) -> its records
    group_of: dict[int, int] = {}  # id(record) -> its group number
    sharing: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)  # a participant, treaty or place -> its records
    for record in pending:
        keys = _shared_keys(record)
        candidates = {id(other): other for key in keys for other in sharing[key]}
        homes = sorted({group_of[key] for key, other in candidates.items() if _same_event(record, other, actor_types)})
        if homes:
            home = members[homes[0]]
            home.append(record)
            group_of[id(record)] = homes[0]
            for number in homes[1:]:  # the record joins groups that were apart until now
                for other in members.pop(number):
                    group_of[id(other)] = homes[0]
                    home.append(other)
        else:
            members[len(group_of)] = [record]
            group_of[id(record)] = len(group_of)
        for key in keys:
            sharing[key].append(record)
    return [members[number] for number in sorted(members)]


def _shared_keys(record: EventRecord) -> list[tuple[str, str]]:
    keys = [("participant", p) for p in record.participants] + [("treaty", t) for t in record.treaties]
    return keys + ([("place", record.place)] if record.place is not None else [])


def headline(group: list[EventRecord]) -> EventRecord:
    """The record whose name titles the event: the one with most participants, then the
    earliest source, then the shortest name."""
    return sorted(group, key=lambda r: (-len(r.participants), str(r.document.date or ""), r.document.id, len(r.event.name), r.event.name))[0]
