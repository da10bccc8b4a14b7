"""Small briefings written by hand for the render, export and site-build tests.

The texts are invented for the tests; offsets in `links` are computed from the text so the
fixture cannot drift from it.
"""
from __future__ import annotations

from generator.model import Briefing, Entity, Paragraph, Quote, Reference, Source

TALKS = "talks-2022-01-08"
WITHDRAWAL = "withdrawal-2019-08-02"

TALKS_PARAGRAPHS = [
    ("Diplomacy", "heading"),
    ("Deputy Secretary of State Wendy Sherman will meet Sergei Ryabkov in Geneva on Monday. "
     "The Kremlin has asked for guarantees.", "prose"),
    ("\u201cWe are ready to talk,\u201d Sherman said. Washington and Moscow last met in July 2019.", "prose"),
    ("Subscribe to our newsletter for more.", "boilerplate"),
    ("Key points:\n- talks on Monday\n- a NATO meeting on Wednesday", "list"),
]
WITHDRAWAL_PARAGRAPHS = [
    ("The United States left the INF Treaty in 2019, and Russia followed.", "prose"),
    ("The treaty was signed in 1987 by Washington and Moscow.", "prose"),
]


def paragraphs(texts: list[tuple[str, str]]) -> list[Paragraph]:
    return [Paragraph(number=i, text=text, line=i * 2, kind=kind) for i, (text, kind) in enumerate(texts, 1)]


def span(source_paragraphs: list[tuple[str, str]], number: int, words: str, kind: str, id: str, nth: int = 0):
    """A link span over the nth occurrence of `words` in paragraph `number`."""
    text = source_paragraphs[number - 1][0]
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (number, start, start + len(words), kind, id)


def ref(source: str, paragraph: int, sentence: str) -> Reference:
    return Reference(source=source, paragraph=paragraph, sentence=sentence)


def sample_briefing() -> Briefing:
    s_meet = "Deputy Secretary of State Wendy Sherman will meet Sergei Ryabkov in Geneva on Monday."
    s_kremlin = "The Kremlin has asked for guarantees."
    s_ready = "\u201cWe are ready to talk,\u201d Sherman said."
    s_last = "Washington and Moscow last met in July 2019."
    s_left = "The United States left the INF Treaty in 2019, and Russia followed."
    s_signed = "The treaty was signed in 1987 by Washington and Moscow."
    sherman = Entity(
        id="wendy-sherman", kind="actor", name="Wendy Sherman", type="person",
        aliases=["Deputy Secretary of State Wendy Sherman", "Sherman", "Wendy Sherman"],
        roles=["Deputy Secretary of State"], country="united-states",
        mentions=[ref(TALKS, 2, s_meet), ref(TALKS, 3, s_ready)],
        quotes=[Quote("We are ready to talk,", "wendy-sherman", ref(TALKS, 3, s_ready), "2022-01-08")],
    )
    ryabkov = Entity(id="sergei-ryabkov", kind="actor", name="Sergei Ryabkov", type="person",
                     aliases=["Ryabkov", "Sergei Ryabkov"], country="russia", mentions=[ref(TALKS, 2, s_meet)])
    usa = Entity(id="united-states", kind="actor", name="United States", type="country",
                 aliases=["U.S.", "United States", "Washington"],
                 mentions=[ref(TALKS, 3, s_last), ref(WITHDRAWAL, 1, s_left), ref(WITHDRAWAL, 2, s_signed)])
    russia = Entity(id="russia", kind="actor", name="Russia", type="country",
                    aliases=["Kremlin", "Moscow", "Russia", "the Kremlin"],
                    mentions=[ref(TALKS, 2, s_kremlin), ref(TALKS, 3, s_last), ref(WITHDRAWAL, 1, s_left),
                              ref(WITHDRAWAL, 2, s_signed)])
    nato = Entity(id="nato", kind="actor", name="NATO", type="organization",
                  aliases=["NATO", "North Atlantic Treaty Organization"], stale=True)
    geneva = Entity(id="geneva", kind="place", name="Geneva", aliases=["Geneva"], mentions=[ref(TALKS, 2, s_meet)])
    inf = Entity(id="inf-treaty", kind="treaty", name="Intermediate-Range Nuclear Forces Treaty",
                 aliases=["INF", "INF Treaty", "the treaty"], year=1987, status="withdrawn",
                 parties=["united-states", "russia"],
                 mentions=[ref(WITHDRAWAL, 1, s_left), ref(WITHDRAWAL, 2, s_signed)])
    meeting = Entity(id="sherman-meets-ryabkov", kind="event", name="Sherman meets Ryabkov in Geneva",
                     date="2022-01-10", date_precision="day", date_text="on Monday",
                     participants=["wendy-sherman", "sergei-ryabkov"], place="geneva",
                     mentions=[ref(TALKS, 2, s_meet)])
    last_met = Entity(id="last-meeting", kind="event", name="Washington and Moscow last meet",
                      date="2019-07", date_precision="month", date_text="in July 2019",
                      participants=["united-states", "russia"], mentions=[ref(TALKS, 3, s_last)])
    left = Entity(id="us-leaves-inf", kind="event", name="United States leaves the INF Treaty",
                  date="2019", date_precision="year", date_text="in 2019",
                  participants=["united-states"], treaties=["inf-treaty"], mentions=[ref(WITHDRAWAL, 1, s_left)])
    signed = Entity(id="inf-signed", kind="event", name="INF Treaty signed", date="1987", date_precision="year",
                    date_text="in 1987", participants=["united-states", "russia"], treaties=["inf-treaty"],
                    mentions=[ref(WITHDRAWAL, 2, s_signed)])
    asked = Entity(id="kremlin-asks-guarantees", kind="event", name="Kremlin asks for guarantees",
                   participants=["russia"], mentions=[ref(TALKS, 2, s_kremlin)])
    talks = Source(
        id=TALKS, path=f"{TALKS}.md", title="Envoys to meet in Geneva as tensions rise", date="2022-01-08",
        paragraphs=paragraphs(TALKS_PARAGRAPHS), url="https://news.example.org/2022/01/08/envoys",
        publisher="Example Wire", author="A. Writer",
        links=[
            span(TALKS_PARAGRAPHS, 2, "Deputy Secretary of State Wendy Sherman", "actor", "wendy-sherman"),
            span(TALKS_PARAGRAPHS, 2, "Wendy Sherman", "actor", "wendy-sherman"),  # nested in the one above
            span(TALKS_PARAGRAPHS, 2, "Sergei Ryabkov", "actor", "sergei-ryabkov"),
            span(TALKS_PARAGRAPHS, 2, "Geneva", "place", "geneva"),
            span(TALKS_PARAGRAPHS, 2, "Kremlin", "actor", "russia"),
            span(TALKS_PARAGRAPHS, 3, "Sherman", "actor", "wendy-sherman"),
            span(TALKS_PARAGRAPHS, 3, "Washington", "actor", "united-states"),
            span(TALKS_PARAGRAPHS, 3, "Moscow", "actor", "russia"),
            span(TALKS_PARAGRAPHS, 3, "Moscow last", "actor", "ghost"),  # no such entity: not linked
        ],
    )
    withdrawal = Source(
        id=WITHDRAWAL, path=f"{WITHDRAWAL}.txt", title="United States leaves the INF Treaty", date="2019-08-02",
        paragraphs=paragraphs(WITHDRAWAL_PARAGRAPHS), url="javascript:alert(1)", publisher="Example Post",
        links=[
            span(WITHDRAWAL_PARAGRAPHS, 1, "United States", "actor", "united-states"),
            span(WITHDRAWAL_PARAGRAPHS, 1, "INF Treaty", "treaty", "inf-treaty"),
            span(WITHDRAWAL_PARAGRAPHS, 1, "United States left the INF", "event", "us-leaves-inf"),  # crosses
            span(WITHDRAWAL_PARAGRAPHS, 1, "Russia", "actor", "russia"),
        ],
    )
    return Briefing(
        sources=[withdrawal, talks],
        entities=[sherman, ryabkov, usa, russia, nato, geneva, inf, meeting, last_met, left, signed, asked],
    )
