"""`make eval`: build the sample article, the demo corpus, the held-out and the blind articles,
each alone, and score the exports against the hand-written gold annotations with the
project's scorer.

    python -m generator.evaluate [--shared ../shared] [--keep DIR]

The scorer and two gold files live outside the repository (../shared/eval, ../shared/corpus);
the sample article is seeds/000_6266e118e06adb1d.txt (with its front matter); the held-out
articles (tests/heldout/) and the blind ones (tests/blind/) were written, with their gold,
without looking at the extraction code, to measure how the rules do on text nobody tuned
them for. Both have since been used to find general mistakes (rules about language, tested
on sentences of our own), so their figures now flatter the rules somewhat.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import build
from .config import BuildConfig
from .diagnostics import Report
from .ingest.readers import reader_for

SAMPLE = Path("seeds/000_6266e118e06adb1d.txt")
HELDOUT = Path("tests/heldout")  # written without reading the extraction rules; see its README
BLIND = Path("tests/blind")  # a second such set, written later


def _documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if reader_for(p.suffix) is not None and p.stem.upper() != "README")


def _suite(shared: Path) -> list[tuple[str, list[Path], Path]]:
    corpus = shared / "corpus"
    return [
        ("sample article", [SAMPLE], shared / "eval" / "seed-gold.yml"),
        ("demo corpus", _documents(corpus), corpus / "gold.yml"),
        ("held-out articles", _documents(HELDOUT), HELDOUT / "gold.yml"),
        ("blind articles", _documents(BLIND), BLIND / "gold.yml"),
    ]


def evaluate(shared: Path, keep: Path | None) -> int:
    scorer = shared / "eval" / "score.py"
    if not scorer.is_file():
        print(f"error: the scorer {scorer} is not there (pass --shared DIR)", file=sys.stderr)
        return 2
    status = 0
    for label, files, gold in _suite(shared):
        work = Path(tempfile.mkdtemp(prefix="briefing-eval-"))
        try:
            seeds = work / "seeds"
            seeds.mkdir()
            for file in files:
                shutil.copy(file, seeds / file.name)
            report = Report()
            build(BuildConfig(seeds=seeds, docs=work / "docs", progress=False), report)
            print(f"== {label}: {len(files)} documents, gold {gold}")
            for item in report.items:
                print(f"   {item}")
            result = subprocess.run([sys.executable, str(scorer), str(gold), str(work / "docs" / "briefing.json")], check=False)
            status = max(status, result.returncode)
            if keep is not None:
                target = keep / label.replace(" ", "-")
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(work / "docs", target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="folder with eval/score.py and corpus/ (default: ../shared)")
    parser.add_argument("--keep", type=Path, help="copy each generated docs/ here to look at the pages")
    args = parser.parse_args(argv)
    return evaluate(args.shared, args.keep)


if __name__ == "__main__":
    sys.exit(main())
