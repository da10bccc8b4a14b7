"""`python -m generator check`: docs/ compared with what a build would write."""
import io
import re
import shutil
from pathlib import Path

import pytest

from generator.check import check, compare, describe, tree
from generator.config import BuildConfig

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def make(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def test_identical_folders_have_no_difference(tmp_path):
    files = {"index.md": "# Home\n", "actors/nato.md": "x\n"}
    assert not compare(make(tmp_path / "a", files), make(tmp_path / "b", files))


def test_added_removed_and_changed_files_are_listed_with_a_diff(tmp_path):
    before = make(tmp_path / "docs", {"index.md": "# Home\nold line\n", "actors/gone.md": "x\n", "same.md": "s\n"})
    after = make(tmp_path / "rebuilt", {"index.md": "# Home\nnew line\n", "actors/new.md": "y\n", "same.md": "s\n", ".tmp-briefing-x": "ignored"})
    diff = compare(before, after)
    assert (diff.added, diff.removed, diff.changed) == (["actors/new.md"], ["actors/gone.md"], ["index.md"])
    text = describe(diff, before, after)
    assert "add 1, remove 1 and change 1" in text and "make build" in text
    assert "-old line" in text and "+new line" in text


@pytest.mark.slow
def test_check_on_the_real_pipeline(tmp_path):
    from generator import build
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    seeds.mkdir()
    shutil.copy(SEEDS / "russia-leaves-open-skies-2021-12-18.txt", seeds)
    config = BuildConfig(seeds=seeds, docs=docs, cache=cache, progress=False)
    build.build(config)
    before = tree(docs)

    out = io.StringIO()
    assert check(config, out) == 0, out.getvalue()
    assert "in sync" in out.getvalue()

    shutil.copy(SEEDS / "us-leaves-open-skies-2020-11-23.md", seeds)
    out = io.StringIO()
    assert check(config, out) == 1
    assert re.search(r"would add [1-9]\d*, remove 0 and change [1-9]\d* file", out.getvalue())
    assert "added:   " in out.getvalue() and "changed: " in out.getvalue() and "(rebuilt)" in out.getvalue()
    assert tree(docs) == before  # check never writes to docs/
