"""The spaCy pipeline the extractor runs: the English model plus an EntityRuler fed by the
gazetteers and the treaty patterns, placed before the statistical NER so that known names
keep their full span and the right label ("NATO-Russia Council", "the Kremlin")."""
from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from .. import gazetteer
from ..config import DEFAULT_MODELS, ConfigError
from . import treaties

# The parts of the generator whose code or data change what extraction produces: a change to
# any of them invalidates the extraction cache.
_PACKAGE = Path(__file__).resolve().parent.parent
_VERSIONED = ("extract", "ingest", "data", "gazetteer.py", "model.py")


def model_name(requested: str | None) -> str:
    """The spaCy package to load: the one asked for, else the first default that is installed."""
    candidates = (requested,) if requested else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    if requested:
        raise ConfigError(f"the spaCy model {requested!r} is not installed (install it, or drop --model / $BRIEFING_MODEL to use {DEFAULT_MODELS[0]})")
    raise ConfigError(f"no English spaCy model is installed ({' or '.join(DEFAULT_MODELS)}); run `make build`, which installs it")


# "U.S.-Russia talks": a hyphen after an abbreviation's period joins two names; split it so
# that each country is a token of its own (the default rules split only between letters).
EXTRA_INFIXES = [r"(?<=\.)[-\u2013\u2014](?=[A-Z])"]


@lru_cache(maxsize=2)
def load(requested: str | None = None) -> Language:
    nlp = spacy.load(model_name(requested))
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + EXTRA_INFIXES).finditer
    ruler = nlp.add_pipe("entity_ruler", name="briefing_ruler", before="ner", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    # Demonyms are left to the model: as fixed entities they would cut the names they start
    # ("the Russian Foreign Ministry"), which the statistical NER reads whole.
    known = [p for p in gazetteer.ruler_patterns() if p["label"] != "NORP"]
    ruler.add_patterns(known + treaties.ruler_patterns())
    return nlp


def version(nlp: Language) -> str:
    """Identifies what the extractor would produce: the model, and our code and data."""
    digest = hashlib.sha256(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    for entry in _VERSIONED:
        path = _PACKAGE / entry
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".yml", ".yaml", ".json", ".txt"):
                digest.update(file.relative_to(_PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
