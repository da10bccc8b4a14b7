"""The build as a whole, through the command line a user runs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_a_missing_seeds_folder_is_a_clear_error(tmp_path):
    run = build("--seeds", str(tmp_path / "nowhere"), "--docs", str(tmp_path / "docs"))
    assert run.returncode == 2
    assert "does not exist" in run.stderr and "nowhere" in run.stderr


def test_a_title_with_markup_stops_the_build_before_anything_is_published(tmp_path):
    docs, seeds = tmp_path / "docs", tmp_path / "seeds"
    (docs / "actors").mkdir(parents=True)
    seeds.mkdir()
    page = docs / "actors" / "someone.md"
    page.write_text('---\nid: someone\nkind: actor\ntitle: "<img src=x onerror=alert(1)>"\n---\n\n# Someone\n', encoding="utf-8")
    run = build("--seeds", str(seeds), "--docs", str(docs))
    assert run.returncode == 2
    assert "docs/actors/someone.md:4" in run.stderr and "markup" in run.stderr
    assert page.read_text(encoding="utf-8").count("onerror") == 1  # the person's file is left as it is
    assert not (docs / "index.md").exists()  # nothing was written


def test_strict_turns_warnings_into_a_failure(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04 not a supported document")
    assert build("--seeds", str(seeds), "--docs", str(tmp_path / "a")).returncode == 0
    strict = build("--seeds", str(seeds), "--docs", str(tmp_path / "b"), "--strict")
    assert strict.returncode == 1 and "notes.docx" in strict.stderr
