"""The baseline: what a script that only runs spaCy costs on the same articles.

`python -m bench.plain_spacy SEEDS [MODEL]`: load the model with its default pipeline, read
every file's text (front matter dropped), and run it through `nlp.pipe` with spaCy's default
batch size, in one process. Prints the word count and the time spent in `nlp.pipe`.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def article_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            text = text[end + 5 :]
    return text


def main() -> None:
    import spacy

    from generator.config import model_package

    seeds = Path(sys.argv[1])
    nlp = spacy.load(model_package(sys.argv[2] if len(sys.argv) > 2 else None))
    texts = [article_text(p) for p in sorted(seeds.iterdir()) if p.is_file()]
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({"texts": len(texts), "words": words, "tokens": tokens, "pipe_seconds": round(seconds, 2),
                      "words_per_second": round(words / seconds), "pipeline": nlp.pipe_names}))


if __name__ == "__main__":
    main()
