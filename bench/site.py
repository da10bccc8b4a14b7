"""`python -m bench.site DOCS SITE`: the project's mkdocs.yml, built from another docs folder,
then its search index, as `make site` does.

The configuration is the repository's own (theme overrides, plugins, extensions), loaded by
MkDocs with only docs_dir and site_dir replaced, so the timing is that of `make site`. Run
from the repository root: the block-marker extension is imported from there, and Pagefind
reads pagefind.yml there. Not strict: the benchmark reports the warnings (their count)
instead of stopping at the first. Prints JSON: `seconds` is mkdocs alone (as in earlier
results), `pagefind_seconds` the indexing after it, `pagefind_mb` the size of its bundle.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.first) < 5:
            self.first.append(record.getMessage()[:300])


def main() -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    warnings = Counter()
    logging.getLogger("mkdocs").addHandler(warnings)
    start = time.perf_counter()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=False)
    build(config)
    seconds = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], cwd=ROOT, check=True)
    bundle = site / "pagefind"
    print(json.dumps({"seconds": seconds, "warnings": warnings.count, "first_warnings": warnings.first,
                      "pagefind_seconds": round(time.perf_counter() - start, 2),
                      "pagefind_mb": round(sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) / 1e6, 2)}))


if __name__ == "__main__":
    main()
