"""Direct quotes and who said them."""
from __future__ import annotations

from tests.extraction import briefing, document, entity, extraction


def quotes(*paragraphs: str) -> list[tuple[str | None, str]]:
    found = extraction(*paragraphs)
    return [(found.mentions[q.speaker].name if q.speaker is not None else None, q.text) for q in found.quotes]


def test_quote_then_speaker():
    assert quotes('"We are ready to respond forcefully to any aggression," Defence Secretary Alan Pryce said.') == [
        ("Alan Pryce", "We are ready to respond forcefully to any aggression")]


def test_speaker_then_quote_after_a_colon():
    assert quotes('Senator Ruth Calder said in a statement: "This decision fits a broader pattern of neglect."') == [
        ("Ruth Calder", "This decision fits a broader pattern of neglect.")]


def test_a_pronoun_speaker_is_the_person_named_before():
    assert quotes("Foreign Minister Paul Brissac did not hide his anger.",
                  '"It is really a stab in the back," he told a radio station on Thursday.') == [
        ("Paul Brissac", "It is really a stab in the back")]


def test_a_second_quote_continues_the_first_speaker():
    said = quotes('"Nobody should be surprised by a provocation," Alan Pryce told reporters. '
                  '"The idea that the victim is the aggressor is absurd."')
    assert [speaker for speaker, _ in said] == ["Alan Pryce", "Alan Pryce"]


def test_a_few_quoted_words_are_not_a_statement():
    assert quotes('Alan Pryce said the demands were "non-starters" for the alliance.') == []


def test_quotes_reach_the_speaker_with_their_source():
    result = briefing(document('"The risk of conflict is real," NATO Secretary General Ingrid Solheim told reporters on Friday.', doc_id="a"))
    speaker = entity(result, "actor", "Ingrid Solheim")
    [quote] = speaker.quotes
    assert quote.text == "The risk of conflict is real"
    assert (quote.reference.source, quote.reference.paragraph, quote.date) == ("a", 1, "2022-01-08")
