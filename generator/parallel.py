"""`map` over worker processes forked from the build's own, in order: for the per-document
stages (ingest, the extraction cache, the analysis), whose work items are independent."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def ordered_map(processes: int) -> Iterator[Callable]:
    """`map` in this process, or the ordered `imap` of a pool of worker processes forked from
    this one (so that each starts with what this one has loaded: the spaCy pipeline, the
    gazetteers) where the system can fork."""
    if processes <= 1:
        yield map
        return
    methods = multiprocessing.get_all_start_methods()
    pool = multiprocessing.get_context("fork" if "fork" in methods else None).Pool(processes)
    try:
        yield pool.imap
    finally:
        pool.terminate()  # every result is in (or the build stopped): end the workers now
        pool.join()


def chunks(items: list, processes: int, largest: int) -> list[list]:
    """`items` cut into runs of at most `largest`, as many as it takes for every process to
    get work as soon as there is some."""
    size = max(1, min(largest, -(-len(items) // max(processes, 1))))
    return [items[i : i + size] for i in range(0, len(items), size)]
