"""Events: what a sentence says happened, or will happen, on a date it gives.

Every resolved date in a sentence is tied to the word it dates: the verb that governs it
("will meet ... on Monday", "invaded Georgia in 2008") or the noun it modifies ("Wednesday's
talks", "the Nov. 3 election"). That word is the event's trigger when it tells that something
happens (not "be", "have", "seem": see STATIVE). When two dates hang from one verb ("invaded
Georgia in 2008 and Ukraine in 2014"), each makes its own event and each object goes with the
date nearest to it.

The participants are the actors of the trigger's clause: its subject (or the noun a relative
clause hangs from, or the agent of a passive) and its objects, leaving out words inside
quotation marks and clauses that belong to another dated word of the sentence. The place is a
place named after a locative preposition attached to the trigger or to its objects. The name
is a short clause rebuilt from the parse: "Wendy Sherman meets Sergei Ryabkov in Geneva".
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..model import DateMention, DateValue, EventMention, Extraction, Mention
from . import dates, titles
from .context import DocumentText

# Verbs that tell a state, not a happening: a date on them makes no event.
STATIVE = {"be", "have", "seem", "appear", "remain", "include", "mean", "know", "want", "need", "like", "belong",
           "contain", "consist", "cost", "exist", "matter", "own", "depend", "deserve", "fit", "lack", "resemble",
           "weigh", "become", "keep", "stay", "do", "can", "will", "would"}
# Nouns that name a happening, so that a date modifying them dates an event.
EVENT_NOUNS = {"talks", "talk", "meeting", "summit", "election", "elections", "vote", "referendum", "invasion",
               "annexation", "visit", "trip", "ceremony", "exercise", "exercises", "drills", "withdrawal", "exit",
               "deployment", "attack", "strike", "strikes", "war", "conference", "session", "round", "negotiations",
               "signing", "announcement", "statement", "speech", "call", "interview", "briefing", "collapse",
               "agreement", "deal", "treaty", "accord", "coup", "protest", "protests", "launch", "test", "tests",
               "explosion", "bombing", "offensive", "ceasefire", "truce", "assembly", "dialogue", "consultations",
               "plenary", "phase", "departure", "arrival", "decision", "ruling", "edition", "game", "games"}
# Nouns that only make a date longer ("Sunday night", "Monday morning").
TIME_NOUNS = {"time", "night", "morning", "afternoon", "evening", "day", "week", "month", "year", "hour"}
# Prepositions whose object is where something happens.
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PHRASE_WORDS = 6
QUOTE_MARKS = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _trigger(token: Token) -> Token | None:
    """The word a date attached at `token` dates: a noun it modifies or its governing verb."""
    while token.dep_ in ("compound", "nmod") and token.head.lemma_.lower() in TIME_NOUNS:
        token = token.head  # "Sunday night time": still the date
    if token.dep_ in ("poss", "compound", "nmod", "amod", "nummod") and token.head.pos_ in ("NOUN", "PROPN"):
        # "Wednesday's talks", "the 1987 treaty": the date dates that noun; "a 1781 naval
        # engagement" dates no event of this sentence
        is_event = token.head.lemma_.lower() in EVENT_NOUNS or token.head.lower_ in EVENT_NOUNS
        return token.head if is_event else None
    while token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        if token.head.i == token.i:
            return None
        token = token.head
    while token.lemma_.lower() in STATIVE and token.dep_ == "xcomp" and token.head.pos_ == "VERB":
        token = token.head  # "ceased to be a party on Saturday": the happening is the ceasing
    if token.lemma_.lower() in STATIVE:
        # "X was in Geneva on Monday" tells no happening, unless its predicate is one
        return next((c for c in token.children if c.dep_ == "attr" and c.lemma_.lower() in EVENT_NOUNS), None)
    return token


def _quoted(doc: Doc) -> set[int]:
    """Tokens inside quotation marks: what someone said is not who did what."""
    inside = set()
    for match in QUOTE_MARKS.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _clause(trigger: Token, other_triggers: set[int], excluded: set[int]) -> set[int]:
    """Token indices of the trigger's clause, without sub-clauses headed by another trigger."""
    members: set[int] = set()
    stack = [trigger]
    while stack:
        token = stack.pop()
        if token.i in excluded:
            continue
        members.add(token.i)
        stack.extend(c for c in token.children if c.i not in other_triggers)
    subject_from = None
    if trigger.dep_ in ("relcl", "acl"):
        # "the NATO-Russia Council that Russia has accepted since July 2019": the noun the
        # clause hangs from, and the noun that one belongs to ("the first meeting of ...")
        head = trigger.head
        members |= {t.i for t in head.subtree if t.i < trigger.i}
        if head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
            members |= {t.i for t in head.head.head.subtree if t.i < head.i}
    elif trigger.dep_ in ("conj", "xcomp", "advcl", "ccomp") and not any(c.dep_ in SUBJECTS for c in trigger.children):
        subject_from = trigger.head  # "Sherman will brief ... and meet ...": a shared subject
    if subject_from is not None:
        for subject in (c for c in subject_from.children if c.dep_ in SUBJECTS):
            members |= {t.i for t in subject.subtree}
    return members - excluded


QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "some", "many", "most", "all",
                  "none", "both", "each", "one", "two", "three", "several", "majority", "number"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}


def _relative(token: Token) -> bool:
    return token.lower_ in RELATIVE_PRONOUNS and token.pos_ in ("PRON", "DET", "SCONJ")


def _phrase(token: Token, limit: int = PHRASE_WORDS) -> str:
    """A compact noun phrase for `token`: its left modifiers and the head, as written; a
    quantity takes its "of" complement ("thousands of migrants"), an event noun too ("the
    2017 edition of Zapad")."""
    keep = [t for t in token.subtree if t.i <= token.i and token.i - t.i < limit
            and t.dep_ not in ("punct", "relcl", "acl", "appos", "advmod", "cc", "conj")]
    while keep and keep[0].lower_ in ("the", "a", "an"):
        keep = keep[1:]
    doc = token.doc
    text = doc[keep[0].i:token.i + 1].text if keep else token.text
    complement = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if complement is not None and (token.lower_ in QUANTITY_HEADS or token.lemma_.lower() in EVENT_NOUNS):
        objects = [c for c in complement.children if c.dep_ == "pobj"]
        if objects:
            text += " of " + _phrase(objects[0], limit=4)
    return text


def _verb_form(trigger: Token, plural: bool) -> str:
    lemma = trigger.lemma_.lower()
    if plural:
        return lemma
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _particle(trigger: Token) -> str:
    particle = next((c for c in trigger.children if c.dep_ == "prt"), None)
    if particle is not None:
        return " " + particle.lower_
    if trigger.lemma_ == "take" and any(c.lower_ == "place" for c in trigger.children):
        return " place"
    return ""


def _head_of(token: Token, through_nouns: bool = True) -> Token:
    """The noun a name is part of: "Wendy" -> "Sherman", "U.S." -> "officials"; not across
    prepositions. Without `through_nouns`, only the name itself: "U.S." in "the U.S.
    delegation" stays a modifier of the delegation."""
    heads = ("PROPN", "NOUN") if through_nouns else ("PROPN",)
    while token.dep_ in ("compound", "flat", "conj", "appos") and token.head.i != token.i and token.head.pos_ in heads:
        token = token.head
    return token


class _Mentions:
    """The mentions of one sentence, found by token."""

    def __init__(self, doc: Doc, mentions: list[tuple[int, Mention]]):
        self.items = []
        for index, mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                self.items.append((index, mention, span))

    def heading(self, token: Token, through_nouns: bool = True) -> list[tuple[int, Mention]]:
        """Mentions whose head is `token`, a word joined to it by "and", or its apposition
        (with `through_nouns`, also the names that modify it: "U.S. officials")."""
        heads = {token.i} | {c.i for c in token.conjuncts} | {c.i for c in token.children if c.dep_ == "appos"}
        found = [(i, m) for i, m, span in self.items if span.root.i in heads or _head_of(span.root, through_nouns).i in heads]
        titles = [(m.end - len(m.text), m.start) for _, m in found if m.role]  # "Reserve Bank governor" before a name
        return [(i, m) for i, m in found if not any(begin <= m.start and m.end <= name for begin, name in titles)]

    def within(self, members: set[int]) -> list[tuple[int, Mention, Span]]:
        return [(i, m, s) for i, m, s in self.items if s.root.i in members]


def _subject_of(trigger: Token) -> Token | None:
    """Who does what the trigger tells: its subject; the noun a participle or relative clause
    hangs from ("talks starting Sunday"); the subject of the verb it is joined or subordinate
    to ("is due to end", "began ... and will end"); for a passive, what it happened to."""
    verb = trigger
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and _relative(subject) and verb.dep_ in ("relcl", "acl"):
            return verb.head  # "the treaty, which was opened for signature": the treaty
        if subject is not None:
            return subject
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "acomp", "advcl", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return None


def _dateline(token: Token) -> bool:
    """"PARIS — France recalled ...": the place the story was filed from, not the subject."""
    doc = token.doc
    return token.is_upper and len(token) > 2 and token.i + 1 < len(doc) and doc[token.i + 1].text in ("—", "–", "-")


def _passive(trigger: Token) -> bool:
    """"was signed", or a bare participle ("Signed in 1992, the treaty ...")."""
    if any(c.dep_ == "auxpass" for c in trigger.children):
        return True
    return trigger.tag_ == "VBN" and not any(c.dep_ == "aux" for c in trigger.children) and trigger.dep_ in ("advcl", "acl", "conj")


def _objects_of(trigger: Token) -> list[Token]:
    """What the trigger acts on. In a relative clause the noun it hangs from is the object
    when the clause has none of its own ("the conditions that lawmakers wrote into ...")."""
    found = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "attr", "dative", "oprd"):
            found.append(trigger.head if _relative(child) and trigger.dep_ in ("relcl", "acl") else child)
        elif child.dep_ == "prep" and child.lower_ not in PLACE_PREPOSITIONS | {"by", "on", "since", "during", "after", "before", "for", "until"}:
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prt":
            found += [c for c in child.children if c.dep_ in ("pobj", "dobj")]  # "voted down ratification", parsed as "down ratification"
    if trigger.dep_ in ("relcl", "acl") and not any(c.dep_ == "dobj" for c in trigger.children) and trigger.head.pos_ == "NOUN" \
            and any(c.dep_ == "nsubj" and not _relative(c) for c in trigger.children):
        found.insert(0, trigger.head)
    return found


def _describe(token: Token, mentions: _Mentions, preposition: bool = False, trigger: Token | None = None) -> str:
    """How an event name refers to `token`: the name of the actor or treaty it is (or of the
    treaty "it" stands for), or the words."""
    # a name stands for the word only when it is that word: "the U.S. delegation" is not the United States
    named = [m.name for _, m in mentions.heading(token, through_nouns=False) if m.kind in ("actor", "treaty")]
    if not named and token.lower_ == "it":
        named = [m.name for _, m, span in mentions.items if m.kind == "treaty" and span.end <= token.i][-1:]
    if not named and token.pos_ == "NOUN" and titles.role_noun(token):
        # "a spokesperson for Foreign Minister X": whose spokesperson
        named = [_speaker_for(m, span) for _, m, span in mentions.items
                 if m.type == "person" and span.root.dep_ == "pobj" and span.root.head.head.i == token.i][:1]
    text = " and ".join(dict.fromkeys(named)) if named else _phrase(token)
    if preposition and token.dep_ == "pobj" and token.head.dep_ == "prep" and (trigger is None or token.head.head.i == trigger.i):
        text = f"{token.head.lower_} {text}"  # "withdraws from the treaty", not "accepts of the Council"
    return text


SAYING = {"say", "tell", "add", "warn", "state", "announce", "confirm", "insist", "argue", "claim", "report",
          "note", "stress", "deny", "write", "declare", "explain", "predict", "acknowledge", "admit"}
SAID_WORDS = 10


def _what_was_said(trigger: Token) -> str:
    """"Victor Pârvu says the state trader had secured enough electricity": a verb of saying
    is named with the first words of what was said (its reported clause), not only "says"."""
    if trigger.lemma_.lower() not in SAYING:
        return ""
    clause = next((c for c in trigger.children if c.dep_ == "ccomp" and c.i > trigger.i), None)
    if clause is None or any(t.text in ('"', "“", "”") for t in clause.subtree):
        quoted = QUOTE_MARKS.search(trigger.sent.text)  # '"We will not give up," X said': the words said
        words = quoted.group(0).strip('"“”').rstrip(",.").split() if quoted else []
        if len(words) < 4:
            return ""
        return ": “" + " ".join(words[:SAID_WORDS]) + ("…" if len(words) > SAID_WORDS else "") + "”"
    words = [t for t in clause.subtree if t.dep_ != "mark" and not t.is_punct or t.text in ("-", "'s", "’s")]
    text = " ".join(t.text for t in words[:SAID_WORDS])
    text = text.replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")
    return text + (" …" if len(words) > SAID_WORDS else "")


def _infinitive(trigger: Token, mentions: _Mentions) -> str:
    """"agreed to send their ambassadors back": what was agreed, tried, planned."""
    verb = next((c for c in trigger.children if c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.tag_ == "TO" for a in c.children)), None)
    if verb is None:
        return ""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return f"to {verb.lower_}" + (f" {_describe(obj, mentions)}" if obj is not None else "")


def _name(trigger: Token, subject: Token | None, subject_text: str | None, objects: list[Token], place: str | None,
          mentions: _Mentions, extra_objects: list[str]) -> str:
    if trigger.pos_ in ("VERB", "AUX"):
        words = [subject_text] if subject_text else []
        if _passive(trigger):
            words.append(trigger.text.lower() + _particle(trigger))
            agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is not None and (subject is None or subject.i != by.i):
                words.append(f"by {_describe(by, mentions)}")
        else:
            one_person = subject is not None and any(m.type == "person" for _, m in mentions.heading(subject, through_nouns=False))
            plural = subject is not None and ((subject.tag_ in ("NNS", "NNPS") and not one_person)  # not "Ana Lopes lead"
                                              or any(subject.conjuncts) or subject.lower_ in ("they", "we"))
            words.append(_verb_form(trigger, plural) + _particle(trigger))
        described = [_describe(o, mentions, preposition=True, trigger=trigger) for o in objects[:2]]
        words += described or [" and ".join(extra_objects[:2])]
        words.append(_infinitive(trigger, mentions))
        said = _what_was_said(trigger)
        words = [w for w in words if w]
        if said.startswith(":") and words:
            words[-1] += said  # "Ana Soto says: “We will not give up”"
        else:
            words.append(said)
    else:
        treaty = [m.name for _, m, span in mentions.items if m.kind == "treaty" and span.start <= trigger.i < span.end]
        # "the 1987 treaty": the treaty came into being then ("concluded" says no more than that)
        words = [f"{treaty[0]} concluded"] if treaty else [_phrase(trigger, limit=5)]
        if extra_objects and not treaty and not any(name in words[0] for name in extra_objects):
            words.append("with " + " and ".join(extra_objects[:3]))  # "Summit with Joe Biden and Vladimir Putin"
    if place and place not in " ".join(words):
        words.append(f"in {place}")
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def extract(text: DocumentText, extraction: Extraction) -> None:
    by_sentence: dict[int, list[tuple[int, Mention]]] = {}
    for index, mention in enumerate(extraction.mentions):
        by_sentence.setdefault(mention.sentence, []).append((index, mention))
    dated: dict[int, list[int]] = {}
    for index, found in enumerate(extraction.dates):
        if found.value is not None and found.value.iso:
            dated.setdefault(found.sentence, []).append(index)
    people = [(i, m) for i, m in enumerate(extraction.mentions) if m.type == "person"]  # in document order
    people_sentences = [m.sentence for _, m in people]
    reported = _reporting_month(text.document.date)
    for sentence_index, (parsed, sent) in enumerate(text.sentences):
        earlier = bisect.bisect_left(people_sentences, sentence_index)
        earlier_people = people[max(0, earlier - 1):earlier]  # only the last one is ever used
        mentions = _Mentions(parsed.doc, by_sentence.get(sentence_index, []))
        if sentence_index in dated:
            extraction.events += _sentence_events(extraction, sentence_index, parsed.doc, dated[sentence_index], mentions, earlier_people)
        elif reported is not None:
            event = _reported_event(extraction, sentence_index, sent, mentions, earlier_people, reported)
            if event is not None:
                extraction.events.append(event)
        extraction.events += _dated_instruments(extraction, sentence_index, parsed.doc, by_sentence.get(sentence_index, []))


# What is done to an instrument in the year its name is said with ("the 1972 Shanghai
# Communiqué", "the 1991 Alma-Ata Declaration", "the 2013 Brussels Agreement").
INSTRUMENT_VERBS = {"communique": "issue", "communiqué": "issue", "statement": "issue", "declaration": "adopt",
                    "resolution": "adopt", "charter": "adopt", "principles": "adopt", "framework": "adopt"}


def _dated_instruments(extraction: Extraction, sentence_index: int, doc: Doc, mentions: list[tuple[int, Mention]]) -> list[EventMention]:
    """"under the 1972 Simla Agreement": a year said with an instrument's name is, by the
    convention of such names, the year it was concluded: an event of that year, told by this
    sentence, unless the sentence already dates one for that instrument."""
    events = []
    for index, mention in mentions:
        if mention.kind != "treaty" or not mention.year or not mention.name[:1].isupper() or str(mention.year) in mention.name:
            continue
        if any(e.sentence == sentence_index and index in e.treaties and e.date is not None
               and extraction.dates[e.date].value.iso == str(mention.year) for e in extraction.events):
            continue  # "signed the 1987 INF Treaty in 1987": told already
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        year = next((t for t in doc[max(0, span.start - 3):span.end] if t.text == str(mention.year)), None) if span is not None else None
        if year is None:
            continue  # the year comes from elsewhere ("signed in 2019" makes its own event)
        extraction.dates.append(DateMention(text=year.text, sentence=sentence_index, start=year.idx, end=year.idx + len(year.text),
                                            value=DateValue(f"{mention.year}-01-01", f"{mention.year}-12-31", "year")))
        verb = INSTRUMENT_VERBS.get(mention.name.split()[-1].lower(), "conclude")  # as "the 1987 treaty" is
        parties = [i for i, m in mentions if m.kind == "actor" and m.key in mention.parties]
        events.append(EventMention(name=f"{mention.name} {verb.removesuffix('e')}ed", trigger=verb,
                                   sentence=sentence_index, date=len(extraction.dates) - 1, place=None,
                                   participants=parties, treaties=[index]))
    return events


def _reporting_month(published: date | None) -> DateValue | None:
    """The time of what a report tells without a date: the month it was published in, up to
    its publication day (news tells what just happened)."""
    if published is None:
        return None
    return DateValue(published.replace(day=1).isoformat(), published.isoformat(), "month")


def _reported_event(extraction: Extraction, sentence_index: int, sent: Span, mentions: _Mentions,
                    earlier_people: list[tuple[int, Mention]], reported: DateValue) -> EventMention | None:
    """"The Philippine Coast Guard called the attack deliberate and dangerous": a sentence
    whose main verb tells, in the simple past, what an actor did or said is an event of the
    time of the report, though it gives no date. Its date words are empty: the timeline says
    it is the date of the report."""
    verb = sent.root
    if verb.pos_ != "VERB" or verb.lemma_.lower() in STATIVE or dates.tense_of(verb) != "past" \
            or any(c.tag_ == "VBD" and c.lemma_ == "have" for c in verb.children):  # "had called": before the report, when?
        return None
    quoted = _quoted(sent.doc)
    subject = _subject_of(verb)
    if verb.i in quoted or subject is None:
        return None
    actors = pronoun_antecedents(subject, mentions, earlier_people) if subject.pos_ == "PRON" else \
        [(i, m) for i, m in mentions.heading(subject) if m.kind == "actor"]
    if not actors:
        return None  # "a senior official said": nobody the briefing knows
    extraction.dates.append(DateMention(text="", sentence=sentence_index, start=sent.start_char, end=sent.start_char, value=reported))
    return _event(sentence_index, len(extraction.dates) - 1, verb, _clause(verb, set(), quoted), mentions, earlier_people, False)


def _sentence_events(extraction: Extraction, sentence_index: int, doc: Doc, date_indices: list[int], mentions: _Mentions,
                     earlier_people: list[tuple[int, Mention]]) -> list[EventMention]:
    quoted = _quoted(doc)
    triggers: list[tuple[int, Token, Span]] = []
    for date_index in date_indices:
        found = extraction.dates[date_index]
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        trigger = _trigger(span.root) if span is not None and span.root.i not in quoted else None
        if trigger is not None and trigger.i not in quoted:
            triggers.append((date_index, trigger, span))
    trigger_tokens = {t.i for _, t, _ in triggers}
    events = []
    for date_index, trigger, date_span in triggers:
        subject = _subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.lemma_.lower() in TIME_NOUNS | {"decade", "century"}:
            continue  # "five years, which leaves negotiators until 2026": a length of time does nothing
        members = _clause(trigger, trigger_tokens, quoted)
        siblings = [s for _, t, s in triggers if t.i == trigger.i and s is not date_span]
        if siblings:
            # Two dates on one verb ("invaded Georgia in 2008 and Ukraine in 2014"): each
            # object goes with the date nearest to it; the subject is shared.
            subject_side = {t.i for c in trigger.children if c.dep_ in SUBJECTS for t in c.subtree}
            nearest_other = {t.i for t in trigger.subtree
                             if t.i not in subject_side and t.i != trigger.i
                             and any(abs(t.i - s.start) < abs(t.i - date_span.start) for s in siblings)}
            members = (members | {t.i for t in trigger.subtree if t.i not in quoted}) - nearest_other
            members -= {t.i for s in siblings for t in s}
        events.append(_event(sentence_index, date_index, trigger, members, mentions, earlier_people, bool(siblings)))
    return events


def pronoun_antecedents(pronoun: Token, mentions: _Mentions, earlier_people: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """What "he", "she" or "they" stands for: for "they", names joined by "and" earlier in the
    sentence ("Reagan and Gorbachev ... when they met"); for "he" or "she", the last person
    named before (in this sentence or the ones before)."""
    before = [(i, m, s) for i, m, s in mentions.items if s.end <= pronoun.i]
    if pronoun.lower_ in ("they", "them"):
        for i, m, span in reversed(before):
            group = [span.root] + list(span.root.conjuncts)
            if len(group) > 1:
                return [(j, n) for j, n, s in mentions.items if s.root in group and n.kind == "actor"]
        return []
    if pronoun.lower_ in ("he", "she", "him", "her"):
        people = [(i, m) for i, m, _ in before if m.type == "person"]
        return people[-1:] if people else earlier_people[-1:]
    return []


def _event(sentence_index: int, date_index: int, trigger: Token, members: set[int], mentions: _Mentions,
           earlier_people: list[tuple[int, Mention]], split: bool) -> EventMention:
    participants, treaties, place, place_name = [], [], None, None
    for index, mention, span in mentions.within(members):
        if mention.kind == "actor":
            participants.append(index)
        elif mention.kind == "treaty":
            treaties.append(index)
        elif mention.kind == "place" and place is None and _where(span.root, trigger):
            place, place_name = index, mention.name
    subject = _subject_of(trigger)
    subject_text = None
    if subject is not None and _dateline(subject):
        subject = next((c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != subject.i), None)
    if subject is None and trigger.pos_ in ("VERB", "AUX"):
        # no subject in the parse ("In Canberra, a spokesperson for X said ..."): the nearest
        # person or body named before the verb
        before = [(m, span) for _, m, span in mentions.within(members | {t.i for t in trigger.sent if t.i < trigger.i})
                  if m.kind == "actor" and span.end <= trigger.i and m.type in ("person", "organization", "group")]
        subject_text = _speaker_for(*before[-1]) if before else None
    if subject is not None:
        if subject.pos_ == "PRON":
            antecedents = pronoun_antecedents(subject, mentions, earlier_people)
            subject_text = " and ".join(dict.fromkeys(m.name for _, m in antecedents)) or None
            participants += [i for i, _ in antecedents]
        else:
            subject_text = _describe(subject, mentions)
    objects = [o for o in _objects_of(trigger) if o.i in members or (trigger.dep_ == "relcl" and o.i == trigger.head.i)]
    # Two dates on one verb: the actors near this date say whom this event concerns
    # ("invaded Georgia in 2008 and Ukraine in 2014").
    extra = []
    if split:
        in_subject = {t.i for t in subject.subtree} if subject is not None else set()
        extra = [m.name for _, m, span in mentions.within(members)
                 if m.kind == "actor" and span.root.i not in in_subject and m.name not in (subject_text or "")]
    elif trigger.pos_ not in ("VERB", "AUX"):
        # "their summit": who held it is the subject of the verb the noun depends on
        in_phrase = {t.i for t in trigger.subtree if t.i <= trigger.i}
        extra = [m.name for _, m, span in mentions.within(members) if m.kind == "actor" and span.root.i not in in_phrase]
        verb = next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
        possessed = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children)
        doer = _subject_of(verb) if verb is not None and possessed and not extra else None
        if doer is not None and doer.pos_ != "PRON":
            extra = [m.name for _, m in mentions.heading(doer) if m.kind == "actor"]
    return EventMention(name=_name(trigger, subject, subject_text, objects, place_name, mentions, list(dict.fromkeys(extra))),
                        trigger=trigger.lemma_.lower(),
                        sentence=sentence_index, date=date_index, place=place,
                        participants=sorted(set(participants)), treaties=sorted(set(treaties)))


def _speaker_for(mention: Mention, span: Span) -> str:
    """Who speaks when "a spokesperson for X" does: the body X (its voice), but not the person
    X ("a spokesperson for Foreign Minister Marise Payne" is not Marise Payne)."""
    preposition = span.root.head
    role = preposition.head
    if mention.type == "person" and span.root.dep_ == "pobj" and preposition.lower_ in ("for", "to") \
            and role.pos_ == "NOUN" and titles.role_noun(role):
        return f"{role.text} for {mention.name}"
    return mention.name


def _where(token: Token, trigger: Token) -> bool:
    """A place after a locative preposition attached to the trigger or one of its arguments."""
    if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS:
        return False
    attached = token.head.head
    return attached.i == trigger.i or attached.head.i == trigger.i
