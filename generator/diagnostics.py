"""Collects warnings and errors about inputs while a build goes on: one bad document never
stops the others, and every message names the file (and the line where it applies)."""
from __future__ import annotations

import sys

from .model import Diagnostic


class Report:
    def __init__(self, echo: bool = False):
        self.items: list[Diagnostic] = []
        self.echo = echo  # print each message as it comes (the CLI does; tests don't)

    def warn(self, file: str, message: str, line: int | None = None) -> None:
        self.add(Diagnostic("warning", str(file), message, line))

    def error(self, file: str, message: str, line: int | None = None) -> None:
        self.add(Diagnostic("error", str(file), message, line))

    def add(self, item: Diagnostic) -> None:
        """A warning or error as it was told elsewhere (another process, the last build)."""
        self.items.append(item)
        if self.echo:
            print(item, file=sys.stderr)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "warning"]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]
