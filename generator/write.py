"""The write stage: put the rendered pages into docs/ without losing anything a person wrote.

The rules, in one place:
- a new page is composed whole; on an existing page only the generated blocks whose hash
  still matches are replaced; a person's text, keys and comments stay byte for byte;
- a block a person edited is kept as they left it (its hash is not updated, so the edit stays
  detectable) and the build warns, naming the file and line, until they resolve it;
- the markers around the blocks are always written in the current form (pages.py), so a page
  an earlier build wrote with HTML-comment markers changes to it on its next write;
- a generated page the site no longer has is deleted if nobody edited it, kept (and warned
  about) if somebody did;
- a page with `hidden: true` or `merge_into` is kept as `<id>.hidden.md`, a name mkdocs.yml
  excludes from the site, and renamed back when the key is removed;
- files without generator front matter are never touched;
- every write is atomic (temp file in the same folder, fsync, rename), unchanged files are
  not rewritten, and no path may leave docs/.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import pages
from .diagnostics import Report
from .model import Curation, Page, RenderedSite, UnchangedPage, WriteSummary
from .pages import Block, HumanText, PageFacts, ParsedPage

TEMP_PREFIX = ".tmp-briefing-"  # a dot file: MkDocs ignores it, and the next build deletes it


class UnsafePath(ValueError):
    """A path that would leave docs/ or write through a symbolic link."""


@dataclass
class ExistingPage:
    """A generator page in docs/. Its text is read when the writer needs it (a page to merge
    or to judge), not before: most pages of a rebuild are decided from their facts alone."""

    path: str  # relative to docs/
    facts: PageFacts
    overrides: dict
    docs: Path | None = None
    _read: tuple[str, ParsedPage] | None = None

    @property
    def shelved(self) -> bool:
        """Hidden or merged into another page: kept in docs/ but not published."""
        return self.overrides.get("hidden") is True or bool(self.overrides.get("merge_into"))

    @property
    def text(self) -> str:
        return self.load()[0]

    @property
    def parsed(self) -> ParsedPage:
        return self.load()[1]

    def load(self) -> tuple[str, ParsedPage]:
        if self._read is None:
            assert self.docs is not None
            text = (self.docs / self.path).read_bytes().decode("utf-8")
            self._read = (text, pages.parse(text))
        return self._read

    def forget(self) -> None:
        """Drop the text once merged: a rebuild holds one page's text at a time."""
        if self.docs is not None:
            self._read = None


# --------------------------------------------------------------------------- paths and files


def inside(docs: Path, rel: str, safe_folders: set[Path] | None = None) -> Path:
    """The file `rel` under docs/, or UnsafePath when it is not plainly inside it.
    `safe_folders` holds the folders a writer found inside docs/ already, so that thousands
    of pages of one folder do not each resolve it again."""
    parts = rel.split("/")
    if (
        not rel
        or rel.startswith("/")
        or re.match(r"^[A-Za-z]:", rel)
        or any(part in ("", ".", "..") for part in parts)
        or any(c == "\\" or ord(c) < 32 for c in rel)
    ):
        raise UnsafePath(f"refusing to write {rel!r}: not a plain relative path inside docs/")
    path = docs.joinpath(*parts)
    if path.is_symlink():
        raise UnsafePath(f"refusing to write {rel!r}: it leads outside docs/ through a symbolic link")
    if safe_folders is not None and path.parent in safe_folders:
        return path
    root, folder = docs.resolve(), path.parent.resolve()
    if folder != root and root not in folder.parents:
        raise UnsafePath(f"refusing to write {rel!r}: it leads outside docs/ through a symbolic link")
    if safe_folders is not None:
        safe_folders.add(path.parent)
    return path


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` in one step: a reader (or a crash) sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename or delete durable: the folder entry is data too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftover_temp_files(docs: Path) -> None:
    for root, dirs, files in os.walk(docs, followlinks=False):
        for name in files:
            if name.startswith(TEMP_PREFIX):
                Path(root, name).unlink(missing_ok=True)


# --------------------------------------------------------------------------- merging one page


@dataclass(frozen=True)
class Notice:
    """Something the build must tell about a merged page, at a line of the file it writes."""

    line: int
    message: str


def merge(existing: ExistingPage, page: Page, generator_keys: set[str]) -> tuple[str, list[Notice]]:
    """The existing file with the new generated parts put in and everything else kept, and
    the notices about it (their lines are lines of the new text, where a person will look)."""
    front_matter = merged_front_matter(existing.parsed, page, generator_keys)
    body, notices = merged_body(existing.parsed, page)
    offset = front_matter.count("\n")
    return front_matter + body, [Notice(n.line + offset, n.message) for n in notices]


def merged_front_matter(parsed: ParsedPage, page: Page, generator_keys: set[str]) -> str:
    """Fresh generator keys, then the person's keys and comments exactly as they wrote them."""
    nl = parsed.newline
    generated = pages.generator_front_matter(page)
    owned = generator_keys | set(generated)
    theirs = [k for k in parsed.keys if k.name not in owned]
    if all(k.text is not None for k in parsed.keys):
        fresh = set(_lines(pages.dump_yaml(generated).replace("\n", nl)))
        comments = [line for k in parsed.keys if k.name in owned for line in _lines(k.text) if _comment(line, fresh)]
        human = "".join(parsed.loose_lines) + "".join(comments) + "".join(k.text for k in theirs)
    else:  # flow-style YAML cannot be cut by line: keep the values, in their order
        human = pages.dump_yaml({k.name: parsed.front_matter[k.name] for k in theirs}).replace("\n", nl)
    return pages.front_matter_text(generated, human, nl)


def _comment(line: str, generated_lines: set[str]) -> bool:
    """A comment a person put among the generator's keys (an indented '#' line that the
    generator itself writes, inside a multi-line value, is not one)."""
    return line.startswith("#") or (line.lstrip().startswith("#") and line not in generated_lines)


def _lines(text: str | None) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text or "")


@dataclass
class _Piece:
    text: str
    block: str | None = None  # the generated block's name; None for a person's text
    notice: str | None = None  # what the build tells about this piece


def merged_body(parsed: ParsedPage, page: Page) -> tuple[str, list[Notice]]:
    """The body with fresh blocks put in; the notices' lines count from the body's first line."""
    nl = parsed.newline
    fresh = {name: pages.block_text(name, markdown).replace("\n", nl) for name, markdown in page.blocks}
    pieces: list[_Piece] = []
    placed: set[str] = set()
    for segment in parsed.segments:
        if isinstance(segment, HumanText):
            pieces.append(_Piece(segment.text))
        elif segment.name in fresh and segment.name not in placed:
            placed.add(segment.name)
            edited = _edited_block_notice(segment) if segment.edited else None
            pieces.append(_Piece(segment.kept(nl) if edited else fresh[segment.name], segment.name, edited))
        elif segment.edited:
            pieces.append(_Piece(segment.kept(nl), segment.name, _orphan_block_notice(segment, segment.name in placed)))
        else:
            _drop_block(pieces)
    for name in [n for n, _ in page.blocks if n not in placed]:
        _insert_block(pieces, name, fresh[name], [n for n, _ in page.blocks], nl)
    notices, line = [], 1
    for piece in pieces:
        if piece.notice:
            notices.append(Notice(line, piece.notice))
        line += piece.text.count("\n")
    return "".join(piece.text for piece in pieces), notices


def _drop_block(pieces: list[_Piece]) -> None:
    """Leave out an unedited block the renderer no longer makes, and the blank line before it."""
    if pieces and pieces[-1].block is None and not pieces[-1].text.strip():
        pieces.pop()


def _insert_block(pieces: list[_Piece], name: str, text: str, order: list[str], nl: str) -> None:
    """A block the page does not have yet goes before the next block (in the renderer's order)
    the page has, else after the page's last block, else at the end of the page."""
    later = order[order.index(name) + 1 :]
    at = next((i for i, piece in enumerate(pieces) if piece.block in later), None)
    if at is not None:
        pieces[at:at] = [_Piece(text, name), _Piece(nl)]
        return
    last = max((i for i, piece in enumerate(pieces) if piece.block is not None), default=None)
    if last is not None:
        pieces[last + 1 : last + 1] = [_Piece(nl), _Piece(text, name)]
        return
    body = "".join(piece.text for piece in pieces)
    ending = "" if not body or body.endswith("\n") else nl
    pieces.append(_Piece(ending + nl))
    pieces.append(_Piece(text, name))


def _edited_block_notice(block: Block) -> str:
    return (
        f"the generated block '{block.name}' was edited by hand, so the build kept your version and did not update it. "
        "To take generated updates again, move your text out of the block (above its begin marker or below its end marker) "
        "and leave the block empty: the next build fills it in."
    )


def _orphan_block_notice(block: Block, duplicate: bool) -> str:
    why = "appears twice on the page" if duplicate else "is no longer generated"
    return (
        f"the generated block '{block.name}' {why}, but it was edited by hand, so it is kept as it is. "
        "Move your text out of it and delete the block (both marker lines too) when it is no longer needed."
    )


# --------------------------------------------------------------------------- the whole site


def write_site(site: RenderedSite, docs: Path, curation: Curation, report: Report,
               found: dict[str, PageFacts] | None = None) -> WriteSummary:
    """Write the site into docs/. `found`: the facts of the pages in docs/ when the caller has
    them (pages.scan_pages, as read_curation used them), else docs/ is read."""
    return write_pages(site, docs, curation, report, found).summary


def write_pages(site: RenderedSite, docs: Path, curation: Curation, report: Report,
                found: dict[str, PageFacts] | None = None) -> "_SiteWriter":
    """write_site, returning the writer: its summary and the facts of the pages it wrote."""
    keys = set(pages.GENERATOR_KEYS).union(*(p.front_matter for p in site.pages))
    return write_stream(sorted(site.pages, key=lambda p: p.path), lambda: site.files, docs, curation, report, found, keys)


def write_stream(stream: Iterable[Page | UnchangedPage], files: Callable[[], dict[str, str]], docs: Path, curation: Curation, report: Report,
                 found: dict[str, PageFacts] | None = None, generator_keys: set[str] | None = None) -> "_SiteWriter":
    """write_site for pages that come one at a time in path order (render.render_pages), so
    that the site is never in memory whole; `files()` gives the other files (briefing.json)
    once the pages are written. The pages' front matter keys must be among `generator_keys`
    (default: pages.GENERATOR_KEYS), the keys a person's front matter cannot keep."""
    docs.mkdir(parents=True, exist_ok=True)
    _remove_leftover_temp_files(docs)
    existing, untouchable = _scan(docs, curation, pages.scan_pages(docs) if found is None else found)
    writer = _SiteWriter(docs, report, existing, untouchable, set(generator_keys or pages.GENERATOR_KEYS))
    for page in stream:
        if isinstance(page, UnchangedPage):
            writer.unchanged_page(page)
        else:
            writer.page(page)
    for path in sorted(set(existing) - writer.claimed):
        writer.unclaimed(existing[path])
    for rel, text in sorted(files().items()):
        writer.file(rel, text)
    return writer


def _scan(docs: Path, curation: Curation, found: dict[str, PageFacts]) -> tuple[dict[str, ExistingPage], set[str]]:
    """The generator's pages in docs/ (by path), and the Markdown files it must not touch."""
    known = {c.path: c.overrides for c in curation.pages}
    existing: dict[str, ExistingPage] = {}
    untouchable: set[str] = set()
    for rel, facts in found.items():
        if not facts.readable or facts.broken or not (facts.generated or facts.blocks):
            untouchable.add(rel)
            continue
        overrides = known.get(rel)
        if overrides is None and facts.generated:
            overrides = facts.overrides  # its warnings were reported when the curation was read
        existing[rel] = ExistingPage(rel, facts, overrides or {}, docs)
    return existing, untouchable


@dataclass
class _SiteWriter:
    docs: Path
    report: Report
    existing: dict[str, ExistingPage]
    untouchable: set[str]
    generator_keys: set[str]
    claimed: set[str] = field(default_factory=set)
    summary: WriteSummary = field(default_factory=WriteSummary)
    written: dict[str, PageFacts] = field(default_factory=dict)  # the facts of the pages written, for the manifest
    files: list[str] = field(default_factory=list)  # the other files of the site (briefing.json)
    safe_folders: set[Path] = field(default_factory=set)  # folders found inside docs/ (see inside)
    render_keys: dict[str, str] = field(default_factory=dict)  # page path -> its render key, for the manifest

    def page(self, page: Page) -> None:
        """Write one page of the site: compose it, or merge it into the file that has its edits."""
        shown = f"docs/{page.path}"
        if not self.generator_keys.issuperset(page.front_matter):
            raise ValueError(f"{page.path}: front matter keys {sorted(set(page.front_matter) - self.generator_keys)} are not among the writer's generator keys")
        try:
            inside(self.docs, page.path, self.safe_folders)
            inside(self.docs, pages.hidden_path(page.path), self.safe_folders)
        except UnsafePath as error:
            self.report.error(shown, str(error))
            return
        current = self._current_file(page.path)
        if current is None and page.path in self.untouchable:
            self.report.warn(shown, "this file was not written by the generator (it has no generator front matter or blocks, or its front matter cannot be read), so it is left as it is and the generated page is not written. Fix or move the file to let the generator update it.")
            return
        self.render_keys[page.path] = page.render_key
        if current is None:
            self._put(page.path, pages.compose(page))
            return
        self.claimed.add(current)
        now = self.existing[current]
        if current == page.path and not now.shelved and not now.facts.edited and _distinct_blocks(page):
            # A page as the generator wrote it, nobody's edits on it: merging the new page into
            # it gives the new page composed whole, so when that is what the file holds (same
            # hash) the file is not even read.
            composed = pages.compose(page)
            if hashlib.sha256(composed.encode("utf-8")).hexdigest() == now.facts.sha256:
                self.summary.unchanged.append(current)
                return
        now.load()  # before a rename moves the file
        path = self._move(current, pages.hidden_path(page.path) if now.shelved else page.path)
        text, notices = merge(now, page, self.generator_keys)
        for notice in notices:
            self.report.warn(f"docs/{path}", notice.message, line=notice.line)
        self._put(path, text, renamed=path != current, old_text=now.text)
        now.forget()
        if now.shelved:
            self.summary.kept.append(path)

    def unchanged_page(self, page: UnchangedPage) -> None:
        """A page the render stage did not render again: its file is the one the last build
        left (the build asked for this only for such files), so it stays as it is."""
        if page.path not in self.existing or self.existing[page.path].shelved or self.existing[page.path].facts.edited:
            raise ValueError(f"{page.path}: not rendered again, but its file is not the one the last build wrote")
        self.claimed.add(page.path)
        self.render_keys[page.path] = page.render_key
        self.summary.unchanged.append(page.path)

    def _current_file(self, path: str) -> str | None:
        """The file that holds a page now: its hidden name first when the person hid it."""
        hidden = pages.hidden_path(path)
        if hidden in self.existing and self.existing[hidden].shelved:
            return hidden
        return next((p for p in (path, hidden) if p in self.existing), None)

    def unclaimed(self, page: ExistingPage) -> None:
        """A generator page the new site does not have: shelved, kept for its edits, or deleted."""
        if page.shelved:
            path = self._move(page.path, pages.hidden_path(page.path))
            if path != page.path:
                self.summary.written.append(path)
            self.summary.kept.append(path)
            return
        path = self._move(page.path, pages.public_path(page.path))
        if not page.facts.generated:
            self.summary.kept.append(path)  # blocks but no id (a section page): not the generator's to delete
        elif page.facts.edited:
            self.report.warn(f"docs/{path}", f"{_gone(page.facts)}, so the build has no page for it; this file is kept, untouched, because a person edited it. Delete it if it is no longer needed.")
            self.summary.kept.append(path)
        else:
            (self.docs / path).unlink()
            _sync_folder((self.docs / path).parent)
            self.summary.removed.append(path)

    def file(self, rel: str, text: str) -> None:
        self.files.append(rel)
        try:
            self._put(rel, text)
        except UnsafePath as error:
            self.report.error(f"docs/{rel}", str(error))

    def _move(self, current: str, target: str) -> str:
        """Rename a page (to or from its .hidden.md name); the path it has afterwards."""
        if current == target:
            return current
        if (self.docs / target).exists():
            self.report.warn(f"docs/{current}", f"should be renamed to docs/{target}, but that file exists already; both are kept. Merge them by hand and delete one.")
            return current
        os.replace(inside(self.docs, current, self.safe_folders), inside(self.docs, target, self.safe_folders))
        _sync_folder((self.docs / target).parent)
        return target

    def _put(self, rel: str, text: str, renamed: bool = False, old_text: str | None = None) -> None:
        path = inside(self.docs, rel, self.safe_folders)
        if old_text is None and path.is_file():
            old_text = path.read_bytes().decode("utf-8", errors="surrogateescape")
        if old_text == text:
            (self.summary.written if renamed else self.summary.unchanged).append(rel)
            return
        write_atomic(path, text)
        self.summary.written.append(rel)
        if rel.endswith(".md"):
            self.written[rel] = pages.page_facts(rel, text.encode("utf-8"), pages.stamp(path.stat()))


def _distinct_blocks(page: Page) -> bool:
    """No block name twice (merging keeps the first of two, composing writes both)."""
    return len({name for name, _ in page.blocks}) == len(page.blocks)


def _gone(facts: PageFacts) -> str:
    kind, id_ = facts.kind, facts.id
    if kind == "source":
        return f"the source '{id_}' is no longer in the seeds"
    return f"no source mentions the {kind} '{id_}' any more"
