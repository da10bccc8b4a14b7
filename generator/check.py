"""`python -m generator check`: is docs/ what a build of seeds/ would write?

It builds into a copy of docs/ (so human edits are merged exactly as a real build would) and
compares the copy with docs/. CI runs it to catch a pull request that changed seeds/ or a
page without regenerating, or a build that is not deterministic.
"""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from .config import BuildConfig
from .diagnostics import Report
from .write import TEMP_PREFIX

LISTED = 15  # files listed per kind of difference
DIFF_FILES = 3  # changed files shown as a diff
DIFF_LINES = 20  # lines of diff shown per file


@dataclass
class TreeDiff:
    added: list[str] = field(default_factory=list)  # in the rebuilt copy only
    removed: list[str] = field(default_factory=list)  # in docs/ only
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative POSIX path (a symlink by its target)."""
    files: dict[str, bytes] = {}
    if not folder.is_dir():
        return files
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in names:
            path = Path(root, name)
            if name.startswith(TEMP_PREFIX):
                continue
            rel = path.relative_to(folder).as_posix()
            files[rel] = ("-> " + os.readlink(path)).encode() if path.is_symlink() else path.read_bytes()
    return files


def compare(before: Path, after: Path) -> TreeDiff:
    old, new = tree(before), tree(after)
    return TreeDiff(
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
        changed=sorted(p for p in set(old) & set(new) if old[p] != new[p]),
    )


def excerpt(before: Path, after: Path, rel: str) -> list[str]:
    """The first lines of a unified diff of one changed file."""
    old = (before / rel).read_bytes().decode("utf-8", errors="replace").splitlines()
    new = (after / rel).read_bytes().decode("utf-8", errors="replace").splitlines()
    name = (before / rel).as_posix()
    lines = list(difflib.unified_diff(old, new, name, f"{name} (rebuilt)", n=1, lineterm=""))
    return lines[:DIFF_LINES] + (["..."] if len(lines) > DIFF_LINES else [])


def describe(diff: TreeDiff, before: Path, after: Path) -> str:
    lines = [
        f"{before} is out of sync: a build would add {len(diff.added)}, remove {len(diff.removed)} "
        f"and change {len(diff.changed)} file(s). Run `make build` and commit {before}."
    ]
    for label, paths in (("added:  ", diff.added), ("removed:", diff.removed), ("changed:", diff.changed)):
        lines += [f"  {label} {p}" for p in paths[:LISTED]]
        lines += [f"  {label} ... and {len(paths) - LISTED} more"] if len(paths) > LISTED else []
    for rel in diff.changed[:DIFF_FILES]:
        lines += ["", *excerpt(before, after, rel)]
    return "\n".join(lines)


def check(config: BuildConfig, out: TextIO, report: Report | None = None) -> int:
    """0 when docs/ is exactly what a build would write, 1 (with a summary) when it is not."""
    from .build import build  # imported late: the pipeline loads spaCy

    report = report or Report()
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as scratch:
        copy = Path(scratch) / "docs"
        if config.docs.is_dir():
            shutil.copytree(config.docs, copy, symlinks=True)
        build(replace(config, docs=copy), report, use_manifest=False)
        diff = compare(config.docs, copy)
        if diff:
            print(describe(diff, config.docs, copy), file=out)
            return 1
    print(f"{config.docs} is in sync with {config.seeds} ({len(report.warnings)} warnings).", file=out)
    return 0
