"""Run a command and measure it: wall time and peak memory of the whole process tree.

Peak memory is sampled every 0.1 s as the sum over the command and all its descendants of
PSS (proportional set size: a page shared by k processes counts 1/k in each, so worker
processes forked from a loaded pipeline are not counted several times over). The largest
single process's peak RSS, from the kernel (`wait4`, the figure /usr/bin/time -v reports as
"Maximum resident set size"), is kept too: it cannot miss a short peak.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.1  # seconds


@dataclass
class Measured:
    seconds: float
    peak_pss_mb: float  # whole process tree, sampled
    max_rss_mb: float  # largest single process (kernel's ru_maxrss)
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return {"seconds": round(self.seconds, 2), "peak_pss_mb": round(self.peak_pss_mb, 1), "max_rss_mb": round(self.max_rss_mb, 1)}


def run(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Measured:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output: dict[str, str] = {}
    readers = [threading.Thread(target=lambda name, stream: output.__setitem__(name, stream.read()), args=(name, stream), daemon=True)
               for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    peak = 0.0
    while True:
        peak = max(peak, tree_pss_kb(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return Measured(seconds, peak / 1024, usage.ru_maxrss / 1024, process.returncode, output.get("stdout", ""), output.get("stderr", ""))


def tree_pss_kb(root: int) -> float:
    """PSS of a process and its descendants, in kB (0 for processes that ended meanwhile)."""
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo += _children(pid)
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


def _pss_kb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return float(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0.0
