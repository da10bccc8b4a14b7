"""Slugs become file names in docs/: they must be safe, short, stable and distinct."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.slugs import MAX_BYTES, RESERVED, slugify, unique_slug


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Vladimir Putin", "vladimir-putin"),
        ("Philippe Étienne", "philippe-etienne"),
        ("Straße des 17. Juni", "strasse-des-17-juni"),
        ("Lech Wałęsa", "lech-walesa"),
        ("O'Brien", "obrien"),
        ("U.S. Department of State", "us-department-of-state"),
        ("  NATO  ", "nato"),
        ("Владимир Путин", "владимир-путин"),
        ("Сергей Рябков", "сергей-рябков"),
        ("محمد بن سلمان", "محمد-بن-سلمان"),
        ("習近平", "習近平"),
        ("Ｆｕｌｌ Ｗｉｄｔｈ", "full-width"),
    ],
)
def test_known_names(name, slug):
    assert slugify(name) == slug


def test_long_names_are_cut_with_a_hash_of_the_whole_name():
    first, second = "Treaty " + "a" * 200 + " one", "Treaty " + "a" * 200 + " two"
    assert len(slugify(first).encode()) <= MAX_BYTES
    assert slugify(first) != slugify(second)
    assert slugify(first).startswith("treaty-aaaa")


def test_a_long_cyrillic_name_is_cut_on_a_character_boundary():
    slug = slugify("Договор " * 30)
    assert len(slug.encode()) <= MAX_BYTES
    slug.encode("utf-8").decode("utf-8")  # would raise on a cut character


@pytest.mark.parametrize("name", ["", ".", "..", "...", "/", "\\", "\0", "🙂", "!!!", "'", "\n\t"])
def test_names_without_letters_get_a_hash(name):
    slug = slugify(name)
    assert slug and slug not in (".", "..") and "/" not in slug


@pytest.mark.parametrize("name", ["Index", "CON", "nul", "Com1"])
def test_reserved_file_names_are_avoided(name):
    assert slugify(name) not in RESERVED
    assert slugify(name).startswith(name.lower() + "-")


@pytest.mark.parametrize("pair", [("Médecins", "Medecins"), ("US", "us"), ("Étienne", "etienne"), ("Straße", "strasse")])
def test_names_that_differ_by_case_or_accent_get_distinct_slugs(pair):
    taken: set[str] = set()
    slugs = [unique_slug(name, taken) for name in pair]
    assert slugs[0] == slugify(pair[0])
    assert slugs[1] != slugs[0]
    assert slugs[1].startswith(slugify(pair[1]) + "-")
    assert taken == set(slugs)


def test_a_collision_suffix_depends_only_on_the_name():
    a = unique_slug("Medecins", {"medecins"})
    b = unique_slug("Medecins", {"medecins", "other", "unrelated-thing"})
    assert a == b


# --------------------------------------------------------------------------- properties

names = st.text(min_size=0, max_size=300)


@given(names)
@settings(max_examples=500)
def test_every_slug_is_a_safe_file_name(name):
    slug = slugify(name)
    assert slug and slug not in (".", "..")
    assert len(slug.encode("utf-8")) <= MAX_BYTES
    assert not any(c in slug for c in "/\\\0.")
    assert not any(unicodedata.category(c)[0] == "C" for c in slug)
    assert slug == unicodedata.normalize("NFC", slug)
    assert slug == slug.lower()
    assert not slug.startswith("-") and not slug.endswith("-")
    assert slug not in RESERVED


@given(names)
def test_slugify_is_stable_and_idempotent(name):
    assert slugify(name) == slugify(name)
    assert slugify(slugify(name)) == slugify(name)


@given(st.lists(names, min_size=1, max_size=30, unique=True))
def test_unique_slugs_are_distinct(items):
    taken: set[str] = set()
    slugs = [unique_slug(name, taken) for name in items]
    assert len(set(slugs)) == len(slugs)
    assert all(len(s.encode()) <= MAX_BYTES for s in slugs)


@given(st.lists(names, min_size=1, max_size=20, unique=True))
def test_same_names_in_the_same_order_give_the_same_slugs(items):
    assert [unique_slug(n, set()) for n in items] == [unique_slug(n, set()) for n in items]
    first, second = set(), set()
    assert [unique_slug(n, first) for n in items] == [unique_slug(n, second) for n in items]


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=20))
def test_case_variants_get_distinct_slugs(name):
    variants = sorted({name, name.lower(), name.upper()})
    taken: set[str] = set()
    slugs = [unique_slug(v, taken) for v in variants]
    assert len(set(slugs)) == len(variants)
