"""Mentions: what a name in a sentence is, with the real spaCy pipeline, on sentences written
for these tests (not the sample article's)."""
from __future__ import annotations

import pytest

from tests.extraction import extraction, mention, names


# --------------------------------------------------------------------------- titles and roles


@pytest.mark.parametrize("sentence, person, role", [
    ("Deputy Secretary of State Karen Holloway met the delegation.", "Karen Holloway", "Deputy Secretary of State"),
    ("Russian Deputy Foreign Minister Oleg Vasnetsov said the talks were useful.", "Oleg Vasnetsov", "Deputy Foreign Minister"),
    ("Kremlin spokesman Ivan Dorokhov declined to comment.", "Ivan Dorokhov", "spokesman"),
])
def test_a_title_before_a_name_becomes_the_role(sentence, person, role):
    found = mention(extraction(sentence), person)
    assert found.type == "person"
    assert found.role == role


def test_a_title_names_the_country_it_belongs_to():
    found = mention(extraction("Russian Deputy Foreign Minister Oleg Vasnetsov said the talks were useful."), "Oleg Vasnetsov")
    assert found.affiliation == "country:RU"


def test_an_unknown_title_of_the_usual_shape_still_reveals_the_person():
    # "Secretary-Normal" is how a synonym spinner writes "Secretary-General": the model then
    # misses the name; the shape "<Head>-<Word>" before capitalised words gives it back.
    found = extraction("NATO Secretary-Normal Ingrid Solheim told reporters Friday that the risk was real.")
    person = mention(found, "Ingrid Solheim")
    assert person.type == "person"
    assert person.role == "Secretary-Normal"
    assert "NATO" in names(found, "actor")  # the organisation in the title is still mentioned


def test_the_state_in_secretary_of_state_is_part_of_the_title():
    found = extraction("Secretary of State Karen Holloway spoke to reporters.")
    assert "State" not in names(found)


def test_an_administration_stands_for_its_president():
    found = mention(extraction("The Harlow administration supplied the aid last year."), "Harlow administration")
    assert found.name == "Harlow"
    assert found.type == "person"


# --------------------------------------------------------------------------- countries, capitals, seats


@pytest.mark.parametrize("text", ["U.S.", "US", "United States", "America", "American"])
def test_variants_of_a_country_name_are_that_country(text):
    sentence = f"The {text} officials left." if text == "American" else f"The {text} said it would reply."
    found = mention(extraction(sentence), text)
    assert (found.kind, found.type, found.key) == ("actor", "country", "country:US")


def test_a_capital_that_acts_is_its_government():
    found = mention(extraction("Moscow said it would answer the proposal."), "Moscow")
    assert (found.kind, found.key) == ("actor", "country:RU")


def test_a_capital_where_something_happens_is_a_place():
    found = mention(extraction("The delegations met in Moscow on Monday."), "Moscow")
    assert found.kind == "place"


def test_a_capital_modifying_a_noun_is_a_place():
    found = mention(extraction("He heads the delegation at the Vienna talks on security."), "Vienna")
    assert found.kind == "place"


@pytest.mark.parametrize("sentence, text, key", [
    ("A Kremlin aide said on Tuesday that the summit was off.", "Kremlin", "country:RU"),
    ("Tokyo officials said the drills would go on.", "Tokyo", "country:JP"),
    ("The ministry's Paris spokeswoman declined to comment.", "Paris", "country:FR"),
])
def test_a_capital_or_seat_before_a_role_noun_is_the_state_it_speaks_for(sentence, text, key):
    found = mention(extraction(sentence), text)
    assert (found.kind, found.key) == ("actor", key)


def test_the_government_in_a_capital_is_the_state():
    found = mention(extraction("Washington shares no treaty obligations with the government in Kyiv."), "Kyiv")
    assert (found.kind, found.key) == ("actor", "country:UA")


def test_a_seat_of_government_that_acts_is_the_state():
    found = mention(extraction("The Kremlin said the exercise was defensive."), "Kremlin")
    assert (found.kind, found.key) == ("actor", "country:RU")


def test_a_lower_case_demonym_is_not_a_name():
    # a spinner's "japanese Europe" for "eastern Europe"
    assert "Japan" not in names(extraction("Tensions rose in japanese Europe this winter."))


def test_a_known_name_inside_a_larger_name_is_not_mentioned():
    assert "Germany" not in names(extraction("The Berlin Wall fell in 1989."))


# --------------------------------------------------------------------------- places


def test_names_listed_in_one_span_are_split():
    found = extraction("Sirens sounded in the southern cities of Ashdod and Ashkelon.")
    assert {"Ashdod", "Ashkelon"} <= names(found, "place")


def test_a_geographic_word_joins_the_name():
    assert "Lake Geneva" in names(extraction("The villa stands on the shore of Lake Geneva."), "place")


def test_a_region_word_stays_in_the_surface_form():
    found = mention(extraction("The exercise opens next week in the Lviv region in the west."), "Lviv")
    assert found.kind == "place"
    assert found.text == "Lviv region"


def test_the_archipelago_of_x_is_a_place():
    found = extraction("The last test took place on the Arctic archipelago of Severnaya Zemlya in 1990.")
    assert mention(found, "Severnaya Zemlya").kind == "place"


# --------------------------------------------------------------------------- organisations


def test_a_demonym_and_a_body_noun_make_a_national_body():
    found = mention(extraction("The Russian Foreign Ministry said the treaty had lost its value."), "Russian Foreign Ministry")
    assert (found.kind, found.type) == ("actor", "organization")


def test_a_country_possessive_names_the_same_body():
    found = mention(extraction("Russia's Foreign Ministry said the talks were useful."), "Russia's Foreign Ministry")
    assert found.key == "org:ru-foreign-ministry"


def test_an_unqualified_body_takes_the_qualified_name_used_before():
    found = extraction("The Russian Foreign Ministry said the treaty had lost its value.",
                       "In January the Foreign Ministry announced the start of the procedures.")
    later = [m for m in found.mentions if m.text == "Foreign Ministry"]
    assert later and all(m.name == "Russian Foreign Ministry" for m in later)


def test_an_unqualified_generic_body_alone_is_dropped():
    assert "Parliament" not in names(extraction("Parliament moved quickly on the bill."))


def test_an_acronym_defined_in_the_text_names_the_same_thing():
    found = extraction("Delegates met at the Organization for Security and Co-operation in Europe (OSCE) in May.",
                       "The OSCE later published a report.")
    assert found.acronyms["OSCE"] == "Organization for Security and Co-operation in Europe"
    assert {m.key for m in found.mentions if m.name in ("OSCE", "Organization for Security and Co-operation in Europe")} == {"org:osce"}


# --------------------------------------------------------------------------- false positives


def test_a_person_name_with_an_article_is_no_person():
    # spun "Cold War"
    found = extraction("The build-up is the largest since the Chilly Warfare, analysts say.")
    assert not [m for m in found.mentions if m.type == "person"]


def test_a_name_in_apposition_to_a_thing_is_not_an_actor():
    found = extraction("Rapid Trident, an annual exercise it hosts with the United States, opens next week.")
    assert "Rapid Trident" not in names(found)


def test_a_name_in_apposition_to_people_is_a_person():
    found = extraction("The two envoys, Margaux Delacroix and Hugo Lemaire, were called back to Paris.")
    assert mention(found, "Margaux Delacroix").type == "person"


# --------------------------------------------------------------------------- within the document


def test_a_surname_is_the_full_name_used_before():
    found = extraction("Deputy Secretary of State Karen Holloway led the delegation.", "Holloway said the talks were useful.")
    assert [m.name for m in found.mentions if m.text == "Holloway"] == ["Karen Holloway"]


def test_two_people_who_share_a_surname_stay_apart():
    found = extraction("National security adviser Peter Quarles spoke first.",
                       "The ambassador, Thomas Quarles, left Moscow the following month.",
                       "Quarles travelled to Geneva for the talks.")
    assert {"Peter Quarles", "Thomas Quarles"} <= names(found, "actor")
    # the lone surname is the nearest full name before it
    assert [m.name for m in found.mentions if m.text == "Quarles"] == ["Thomas Quarles"]


def test_one_name_gets_one_type_in_a_document():
    found = extraction("Prime Minister Alan Whitcombe spoke on Monday.", "Whitcombe said the deal was fair.",
                       "Whitcombe added that the submarines would be built at home.")
    assert {m.type for m in found.mentions if m.name == "Alan Whitcombe"} == {"person"}


# --------------------------------------------------------------------------- names the model cuts or misses


def test_a_hyphenated_name_is_never_cut():
    found = extraction("Energy Minister Rashid Al-Harbi said the group would act.")
    assert mention(found, "Rashid Al-Harbi").role == "Energy Minister"


def test_a_dateline_agency_credit_is_no_name():
    found = extraction("VIENNA, Oct 2 (Harbour & Wick) - The producers agreed on Sunday to cut output.")
    assert not {"Harbour", "Wick", "Harbour & Wick"} & names(found)


def test_a_name_the_model_ran_into_its_acronym_stops_before_the_parenthesis():
    found = extraction("The Intergovernmental Authority on Development (IGAD) will deploy observers.", "IGAD said so on Friday.")
    assert {m.name for m in found.mentions} == {"Intergovernmental Authority on Development"}


def test_an_acronym_in_another_languages_word_order_is_defined_too():
    found = extraction("The Supreme Electoral Tribunal (TSE) halted the count.", "The TSE later resumed it.")
    assert found.acronyms["TSE"] == "Supreme Electoral Tribunal"
    assert {m.name for m in found.mentions} == {"Supreme Electoral Tribunal"}


def test_an_acronym_defined_in_the_text_overrides_what_it_usually_means():
    found = extraction("The Inuit Circumpolar Council (ICC) welcomed the decision.", "The ICC said it would take part.")
    assert {m.name for m in found.mentions if m.kind == "actor"} == {"Inuit Circumpolar Council"}


def test_a_misspelt_country_adjective_is_read_as_the_country():
    found = extraction("The Phillipine coast guard said the vessel was damaged.")
    assert mention(found, "Phillipine").key == "country:PH"


def test_names_in_apposition_are_one_organisation():
    found = extraction("Gavi, the Vaccine Alliance, said it would buy the doses.")
    assert {m.name for m in found.mentions} == {"Gavi"}


@pytest.mark.parametrize("sentence, place", [
    ("The annex was agreed in Ohrid the next month.", "Ohrid"),
    ("Fuel queues formed in Sucre and Potosí.", "Potosí"),
    ("Turkey opened a crossing at Margara for travellers.", "Margara"),
    ("The corridor crosses Armenia's Syunik province.", "Syunik"),
])
def test_unlabelled_capitalised_words_where_only_a_place_fits_are_places(sentence, place):
    assert mention(extraction(sentence), place).kind == "place"


def test_a_person_located_somewhere_is_not_a_place():
    found = extraction("The envoys, Marie Dubreuil in Washington and Jean-Luc Thoreau in Canberra, were called back.")
    assert mention(found, "Jean-Luc Thoreau").kind == "actor"


def test_codes_and_acronyms_are_nobodys_name():
    found = extraction("The H5N1 strain spread while TREP results were delayed.")
    assert not [m for m in found.mentions if m.type == "person"]


def test_where_a_person_stands_in_a_photo_says_nothing_about_what_they_are():
    found = extraction("Prime Minister Ana Lopes, center, greets the envoys outside the palace on Friday.")
    assert (mention(found, "Prime Minister Ana Lopes").kind, mention(found, "Prime Minister Ana Lopes").type) == ("actor", "person")
    # with its article, the same word still says what a name is
    assert mention(extraction("They met at Riverside, the conference center near the port."), "Riverside").kind == "place"


def test_a_name_of_a_kind_of_thing_that_is_not_ours_is_not_a_place():
    found = extraction("For the 2019 edition of Tsentr, the ministry declared 12,000 troops.")
    assert "Tsentr" not in names(found)


def test_a_country_name_that_is_also_a_given_name_is_a_country_in_a_list_of_countries():
    found = extraction("Military rulers in Mali, Burkina Faso and Niger have expelled foreign forces.")
    assert (mention(found, "Niger").kind, mention(found, "Niger").key) == ("actor", "country:NE")
    assert "Jordan" not in names(extraction("Jordan Smith and Priya Patel met reporters on Monday."))


def test_a_body_whose_acronym_the_model_takes_for_a_person_is_still_that_body():
    found = extraction("In the capital, the Taiwan Affairs Office (TAO) blamed the drills on Taipei. Later the TAO said so again.")
    office = [m for m in found.mentions if m.name == "Taiwan Affairs Office"]
    assert {m.text for m in office} == {"Taiwan Affairs Office", "TAO"} and len(office) == 3
    assert all((m.kind, m.type) == ("actor", "organization") for m in office)


def test_a_body_owned_by_a_capital_is_that_state_s_body():
    found = extraction("Tokyo's foreign ministry summoned the ambassador on Monday.")
    assert mention(found, "Tokyo's foreign ministry").name == "Japanese Foreign Ministry"
    # without the possessive, a capital's name before a body names the city's own
    assert mention(extraction("The Moscow Metro was closed on Monday."), "Moscow Metro").name == "Moscow Metro"


def test_a_body_that_qualifies_a_title_is_mentioned_and_the_role_keeps_its_words():
    found = extraction("South African Reserve Bank governor Ana Lopes said the meeting agreed.")
    assert mention(found, "South African Reserve Bank").type == "organization"
    assert (mention(found, "Ana Lopes").role, mention(found, "Ana Lopes").affiliation) == ("Reserve Bank governor", "country:ZA")
    assert "State" not in names(extraction("Secretary of State Ana Lopes met the envoys."))


@pytest.mark.parametrize("sentence, text", [
    ("The inspector travelled to Qomsar in early May for a conference.", "Qomsar"),  # a journey's end, then a date
    ("Crowds gathered near King's Landing on Monday.", "King's Landing"),  # a possessive inside the name
    ("The rebels now control most of Kadena State, officials said.", "Kadena State"),  # a federal state
    ("The missile fell about 200 kilometres west of Hokkaido, officials said.", "Hokkaido"),  # a bearing from it
])
def test_unknown_places_are_places(sentence, text):
    found = mention(extraction(sentence), text)
    assert found.kind == "place", (found.kind, found.type)


def test_a_people_before_a_plural_noun_is_a_group_and_a_letter_goes_to_a_person():
    assert (mention(extraction("About a million Rohingya refugees remain in the camps."), "Rohingya").type) == "group"
    assert all(m.kind != "place" for m in extraction("He sent a letter to Kashani on Monday.").mentions)


def test_a_title_noun_before_a_name_is_no_apposition():
    found = extraction("Foreign Office spokeswoman Ana Lopes said the accusations were baseless.")
    assert (mention(found, "Ana Lopes").kind, mention(found, "Ana Lopes").type) == ("actor", "person")


def test_a_name_ending_in_capital_is_a_firm_not_a_city():
    found = extraction("Priya Raman, head of research at Fjordline Capital in London, said so.")
    assert mention(found, "Fjordline Capital").kind == "actor"


def test_a_title_that_goes_on_into_the_name_the_model_found_is_the_whole_title():
    found = extraction("Minister for Foreign Affairs Ana Lopes said on Monday that the talks failed.")
    lopes = mention(found, "Ana Lopes")
    assert (lopes.name, lopes.role) == ("Ana Lopes", "Minister for Foreign Affairs")
