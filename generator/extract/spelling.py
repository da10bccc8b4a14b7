"""Misspelt names of countries and capitals ("Phillipine", "Prisitna"): scraped and hastily
written text has them, and the gazetteer knows the right spelling.

A word is read as a known name when it is one edit away (a letter added, dropped, changed, or
two neighbours swapped) from the names of exactly one country (its name, demonym or capital),
two edits for names of ten letters or more. Short names are left alone: below seven letters
one edit too often turns one real name into another.
"""
from __future__ import annotations

from functools import lru_cache

from .. import gazetteer

MIN_LENGTH = 7  # letters; below this, one edit is too likely to be another real word
TWO_EDITS_LENGTH = 10


def _deletions(word: str, times: int) -> set[str]:
    found = {word}
    for _ in range(times):
        found |= {w[:i] + w[i + 1:] for w in found for i in range(len(w))}
    return found


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment)."""
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def _allowed(word: str) -> int:
    return 2 if len(word) >= TWO_EDITS_LENGTH else 1


@lru_cache(maxsize=1)
def _index() -> dict[str, set[tuple[str, str]]]:
    """Each known one-word form (folded) and its deletions -> (country key, form)."""
    index: dict[str, set[tuple[str, str]]] = {}
    for country in gazetteer.gazetteer().countries:
        for form, role in country.forms():
            if role == "seat" or len(form) < MIN_LENGTH or " " in form:
                continue
            folded = gazetteer.normalize(form)
            for key in _deletions(folded, _allowed(folded)):
                index.setdefault(key, set()).add((country.key, form))
    return index


def correction(word: str) -> str | None:
    """The known name `word` misspells, when it is close to the names of one country only."""
    if len(word) < MIN_LENGTH or not word[:1].isupper() or " " in word:
        return None
    folded = gazetteer.normalize(word)
    index = _index()
    found = {item for key in _deletions(folded, _allowed(folded)) for item in index.get(key, ())}
    close = sorted((_distance(folded, gazetteer.normalize(form)), key, form) for key, form in found)
    close = [c for c in close if 0 < c[0] <= _allowed(folded)]
    if not close or len({key for _, key, _ in close}) > 1:
        return None
    return close[0][2]
