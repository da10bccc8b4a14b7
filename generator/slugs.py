"""File-name-safe slugs for entity ids.

A slug is lowercase, ASCII where the name has an ASCII form ("Philippe Étienne" ->
"philippe-etienne") and NFC Unicode letters where it has none ("Владимир Путин" ->
"владимир-путин"), at most MAX_BYTES of UTF-8, and never empty, "." or "..", never a name
a file system reserves, and never holding "/", "\\", NUL or a control character.
"""
from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

MAX_BYTES = 100
HASH_LENGTH = 8
# Letters that Unicode does not decompose into an ASCII letter plus accents.
TRANSLITERATIONS = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t",
}
# Dropped rather than turned into a hyphen: "O'Brien" -> "obrien", "U.S." -> "us".
SILENT = set("'’ʼ`´.")
# A file with one of these names cannot be created on Windows; "index" is each section's own page.
RESERVED = {"index", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def name_hash(name: str) -> str:
    """A short stable hash of the name as written (NFC), distinct for names that differ only
    by case or accents."""
    return hashlib.sha256(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()[:HASH_LENGTH]


@lru_cache(maxsize=4096)  # names repeat their letters: each is looked at once
def _letters(char: str) -> str:
    """The slug letters of one character: its ASCII form if it has one, else itself
    lowercased if it is a letter, digit or combining mark, else "-"."""
    lower = char.lower()
    if lower in TRANSLITERATIONS:
        return TRANSLITERATIONS[lower]
    if char in SILENT:
        return ""
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    if bare and bare.isascii():
        return "".join(c if c.isalnum() else "-" for c in bare)
    if unicodedata.category(char)[0] in "LNM":
        return unicodedata.normalize("NFC", lower)
    return "-"


def _truncate(slug: str, limit: int) -> str:
    """At most `limit` bytes of UTF-8, cut on a character boundary."""
    cut = slug.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    return cut.rstrip("-")


@lru_cache(maxsize=1 << 16)  # ids are computed twice per build (fresh slugs, then new ones)
def slugify(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    letters = "".join(map(_letters, name))
    slug = "-".join(part for part in letters.split("-") if part)
    slug = unicodedata.normalize("NFC", slug)
    if not slug:
        return name_hash(name)
    if slug in RESERVED:
        return f"{slug}-{name_hash(name)}"
    if len(slug.encode("utf-8")) > MAX_BYTES:
        return f"{_truncate(slug, MAX_BYTES - HASH_LENGTH - 1)}-{name_hash(name)}"
    return slug


def unique_slug(name: str, taken: set[str]) -> str:
    """The slug of `name`, made distinct from every slug in `taken` (and added to it).

    Only a collision changes a slug, and then by a hash of the name itself, so the slug does
    not depend on unrelated names: "Médecins" and "Medecins" get "medecins" (whichever comes
    first) and "medecins-<hash of the other>".
    """
    slug = slugify(name)
    attempt = 0
    while slug in taken:
        attempt += 1
        salt = name if attempt == 1 else f"{name}\0{attempt}"
        base = _truncate(slugify(name), MAX_BYTES - HASH_LENGTH - 1)
        slug = f"{base}-{name_hash(salt)}" if base else name_hash(salt)
    taken.add(slug)
    return slug
