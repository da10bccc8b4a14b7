"""A build and Python's garbage collector.

A build holds what each stage made (documents, extractions, the briefing) until it ends: millions
of small objects that the collector's passes would walk again and again (at 1,000 articles,
a third of the time of the render stage). Two tools keep them out of its way.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def stages_kept() -> Iterator[Callable[[], None]]:
    """Yields `settle`: after a stage, settle() collects once and then leaves every object alive
    out of the collector's passes (gc.freeze) until the block ends. What becomes garbage later
    is still freed by reference counting; the block's end gives everything back to the
    collector."""
    def settle() -> None:
        gc.collect()
        gc.freeze()

    try:
        yield settle
    finally:
        gc.unfreeze()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No collector passes in the block: for code that only builds trees of plain data (JSON
    into dataclasses), which makes no reference cycles for the collector to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
