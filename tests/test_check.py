"""`python -m generator check`: docs/ compared with what a build would write."""
import io
from pathlib import Path

from generator.check import compare, describe


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
