"""Direct quotes attributed to their speaker.

A quote is text between quotation marks (curly or straight) of at least MIN_WORDS words:
shorter quoted words ("false narrative") are a phrase the writer marks, not a statement.
Its speaker is the subject of the speech verb next to it ('"...," Blinken said', 'Blinken
said: "..."', '"...," said Blinken'), read from the parse; a pronoun subject ("he told
reporters") is the last person named before it. A quote with no speech verb of its own that
follows another quote in the same paragraph continues it, with the same speaker.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from ..model import Extraction, QuoteMention
from .context import DocumentText

MIN_WORDS = 4
SPEECH_VERBS = {"say", "tell", "add", "warn", "write", "state", "declare", "note", "insist", "stress", "explain",
                "announce", "ask", "answer", "reply", "respond", "call", "describe", "argue", "claim", "caution",
                "urge", "tweet", "comment", "conclude", "continue", "recall", "admit", "acknowledge", "suggest",
                "predict", "promise", "vow", "complain", "confirm", "deny", "assert", "emphasize", "emphasise",
                "instruct", "report", "remark", "quip", "observe", "thank", "defend", "accuse", "condemn"}
PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i"}
QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def _speech_verb(sent: Span, quote_start: int, quote_end: int) -> Token | None:
    """The speech verb outside the quote, nearest to it, in the sentence."""
    verbs = [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"
             and not (quote_start <= t.idx < quote_end)]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.idx - quote_start), abs(t.idx - quote_end)))


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("conj", "advcl", "ccomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return subject


def extract(text: DocumentText, extraction: Extraction) -> None:
    people = sorted(((m.sentence, m.start), i) for i, m in enumerate(extraction.mentions) if m.type == "person")
    for parsed in text.paragraphs:
        doc = parsed.doc
        previous_speaker: int | None = None
        for match in QUOTE.finditer(doc.text):
            words = (match.group(1) or match.group(2)).strip()
            start, end = match.span()
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            sentence = text.sentence_of(parsed, span[0])
            last_person = _last_person_before(people, sentence, start)
            speaker = _attribute(text, extraction, parsed, span, last_person)
            if speaker is None and previous_speaker is not None and _continues(doc.text, start):
                speaker = previous_speaker
            if len(words.split()) < MIN_WORDS:
                continue
            extraction.quotes.append(QuoteMention(text=words.rstrip(",").strip(), speaker=speaker, sentence=sentence))
            previous_speaker = speaker if speaker is not None else previous_speaker


def _attribute(text: DocumentText, extraction: Extraction, parsed, quote: Span, last_person: int | None) -> int | None:
    sentences = [quote.sent]
    doc = parsed.doc
    # 'Blinken said: "..."' or '"..." Blinken said.' across a sentence break
    if quote.sent.start > 0:
        sentences.append(doc[quote.sent.start - 1].sent)
    if quote.sent.end < len(doc):
        sentences.append(doc[quote.sent.end].sent)
    for sent in sentences:
        verb = _speech_verb(sent, quote.start_char, quote.end_char)
        if verb is None:
            continue
        subject = _subject(verb)
        if subject is None:
            continue
        if subject.lower_ in PERSONAL_PRONOUNS:
            return last_person if subject.lower_ in ("he", "she") else None
        sentence = text.sentence_of(parsed, subject)
        return _speaker_mention(extraction, sentence, subject)
    return None


def _speaker_mention(extraction: Extraction, sentence: int, subject: Token) -> int | None:
    """The actor the subject names: the mention at its head word ("NATO Secretary General X":
    X, not NATO), else a person in it, else any actor in it."""
    inside = [(i, m) for i, m in enumerate(extraction.mentions)
              if m.sentence == sentence and m.kind == "actor" and subject.left_edge.idx <= m.start < subject.right_edge.idx + len(subject.right_edge)]
    at_head = [i for i, m in inside if m.start <= subject.idx < m.end]
    people = [i for i, m in inside if m.type == "person"]
    return (at_head or people or [i for i, _ in inside] or [None])[0]


def _continues(paragraph: str, start: int) -> bool:
    """A quote right after another one's attribution continues the same speaker."""
    return '"' in paragraph[:start] or "”" in paragraph[:start]


def _last_person_before(people: list[tuple[tuple[int, int], int]], sentence: int, start: int) -> int | None:
    """The person named last before (sentence, start); `people` is sorted by position."""
    at = bisect.bisect_left(people, ((sentence, start), -1))
    return people[at - 1][1] if at else None
