"""The spaCy pipeline the extractor runs: the English model plus an EntityRuler fed by the
gazetteers and the treaty patterns, placed before the statistical NER so that known names
keep their full span and the right label ("NATO-Russia Council", "the Kremlin")."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from .. import gazetteer
from ..config import model_package
from . import treaties

# "U.S.-Russia talks": a hyphen after an abbreviation's period joins two names; split it so
# that each country is a token of its own (the default rules split only between letters).
EXTRA_INFIXES = [r"(?<=\.)[-\u2013\u2014](?=[A-Z])"]


@lru_cache(maxsize=2)
def load(requested: str | None = None) -> Language:
    nlp = spacy.load(model_package(requested))
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + EXTRA_INFIXES).finditer
    ruler = nlp.add_pipe("entity_ruler", name="briefing_ruler", before="ner", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    # Demonyms are left to the model: as fixed entities they would cut the names they start
    # ("the Russian Foreign Ministry"), which the statistical NER reads whole.
    known = [p for p in gazetteer.ruler_patterns() if p["label"] != "NORP"]
    ruler.add_patterns(known + treaties.ruler_patterns())
    return nlp
