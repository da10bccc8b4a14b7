"""The page file format: front matter, then generated blocks and a person's text around them.

    ---
    id: vladimir-putin            <- generator-owned keys first (id, kind, tags, search, ...)
    kind: actor
    title: Vladimir V. Putin      <- then a person's keys, kept as they wrote them
    ---

    [//]: # (generated:begin header sha256:0123456789ab)

    ...Markdown the generator owns...

    [//]: # (generated:end header)

    Anything a person writes outside the blocks is theirs and is never changed.

A marker is a Markdown link-reference definition that nothing links to: Python-Markdown and
CommonMark read it and print nothing, so the page's H1 is its first element (MkDocs, and
Zensical, take it as the page title) with stock Markdown and no extension. Earlier builds
wrote the markers as HTML comments (`<!-- generated:begin header sha256:... -->`); those
are still read, and the next write puts the current form in their place.

The hash in a begin marker covers the block's content, so a hand edit inside a block is
detectable: the writer then keeps the person's version instead of overwriting it.
This module parses and composes that format and reads the curation (the human keys and
edits) of every page under docs/.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import heap
from .diagnostics import Report
from .model import ACTOR_TYPES, ENTITY_KINDS, Curation, Diagnostic, Entity, Page, PageCuration, from_json

# Keys the generator writes and refreshes on every build, in this order. Other keys the
# renderer puts in Page.front_matter follow them; a person's keys come last.
GENERATOR_KEYS = ("id", "kind", "tags", "search")
# Keys a person sets to correct the generator. The renderer must never write them.
HUMAN_KEYS = ("title", "name", "aliases", "type", "summary", "hidden", "merge_into", "date")
KIND_DIRS = {"actor": "actors", "place": "places", "treaty": "treaties", "event": "events"}
HIDDEN_SUFFIX = ".hidden.md"  # a hidden or merged page keeps its file under this name; mkdocs.yml excludes it
HASH_LENGTH = 12
UNSAFE_IN_TITLE = "<>&"
YAML_WIDTH = 1 << 20  # wide enough that no string is ever wrapped: the bytes never depend on a line length

_NAME = r"[A-Za-z0-9_-]+"


def _marker_forms(body: str) -> tuple[re.Pattern[str], ...]:
    """A marker line in the form written now (a link-reference definition) and in the form
    earlier builds wrote (an HTML comment), read so that their docs/ keeps working."""
    return (
        re.compile(rf"^[ \t]*\[//\]:[ \t]*#[ \t]*\([ \t]*{body}[ \t]*\)[ \t]*\r?\n?$"),
        re.compile(rf"^[ \t]*<!--[ \t]*{body}[ \t]*-->[ \t]*\r?\n?$"),
    )


BEGIN_FORMS = _marker_forms(rf"generated:begin[ \t]+(?P<name>{_NAME})[ \t]+sha256:(?P<hash>[0-9a-f]+)")
END_FORMS = _marker_forms(rf"generated:end[ \t]+(?P<name>{_NAME})")
LOOKS_LIKE_MARKER = re.compile(r"<!--\s*generated:|\[//\]:\s*#\s*\(\s*generated:")
FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?\n?$")


# --------------------------------------------------------------------------- parsed form


@dataclass(frozen=True)
class Block:
    """A generated block as found in a file."""

    name: str
    recorded_hash: str
    content: str  # the text between the marker lines, exactly as in the file
    line: int  # 1-based line of the begin marker
    begin: str  # the marker lines as in the file, newline included
    end: str

    @property
    def text(self) -> str:
        """The block exactly as in the file: the segments of a page put together are the page."""
        return self.begin + self.content + self.end

    def kept(self, newline: str) -> str:
        """The block as the writer puts it back when a person edited it: their content as it
        is, the recorded hash (so the edit stays detectable), the markers in the current form."""
        return framed_block(self.name, self.recorded_hash, self.content, newline)

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def edited(self) -> bool:
        """A person changed what the generator wrote. An emptied block is not an edit: it
        holds nothing of theirs, and it is how a person asks for generated text again."""
        return not self.blank and content_hash(self.content) != self.recorded_hash


@dataclass(frozen=True)
class HumanText:
    text: str
    line: int  # 1-based line where it starts

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class FrontMatterKey:
    name: str
    line: int  # 1-based line in the file
    text: str | None  # the key's YAML lines exactly as written, None when they cannot be cut out


@dataclass
class ParsedPage:
    front_matter: dict[str, Any] = field(default_factory=dict)
    keys: list[FrontMatterKey] = field(default_factory=list)
    # Lines of the front matter that belong to no key (comments): a person's, kept.
    loose_lines: list[str] = field(default_factory=list)
    has_front_matter: bool = False
    segments: list[HumanText | Block] = field(default_factory=list)
    newline: str = "\n"
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    # Front matter that cannot be read: the page is left untouched until a person fixes it.
    broken: bool = False

    @property
    def blocks(self) -> list[Block]:
        return [s for s in self.segments if isinstance(s, Block)]

    @property
    def generated(self) -> bool:
        """Made by the generator: its front matter names the page's id and kind."""
        return bool(self.front_matter.get("id")) and bool(self.front_matter.get("kind"))

    def human_keys(self, generator_keys: frozenset[str] | set[str] = frozenset(GENERATOR_KEYS)) -> list[str]:
        return [k.name for k in self.keys if k.name not in generator_keys]

    def key_line(self, name: str) -> int | None:
        """The line of the key's value in force (YAML uses the last of a repeated key)."""
        return next((k.line for k in reversed(self.keys) if k.name == name), None)

    def edited(self, generator_keys: frozenset[str] | set[str] = frozenset(GENERATOR_KEYS)) -> bool:
        """Anything on the page a person wrote: text outside blocks, a comment or key of
        theirs in the front matter, or a changed generated block."""
        return (
            any(isinstance(s, HumanText) and not s.blank for s in self.segments)
            or len({k.name for k in self.keys}) < len(self.keys)
            or any(line.strip() for line in self.loose_lines)
            or bool(self.human_keys(generator_keys))
            or any(b.edited for b in self.blocks)
        )


# --------------------------------------------------------------------------- hashing


def content_hash(content: str) -> str:
    """The hash recorded in a begin marker. It ignores line endings, trailing spaces and
    blank lines at either end, so an editor that normalises whitespace is not a hand edit."""
    lines = [line.rstrip() for line in content.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    normal = "\n".join(lines).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# --------------------------------------------------------------------------- compose


def compose(page: Page) -> str:
    """The text of a brand-new page file."""
    blocks = "\n".join(block_text(name, markdown) for name, markdown in page.blocks)
    front_matter = front_matter_text(generator_front_matter(page))
    return front_matter + "\n" + blocks if front_matter else blocks


def generator_front_matter(page: Page) -> dict[str, Any]:
    """The renderer's keys in the fixed order: id, kind, tags, search, then the rest as given."""
    given = dict(page.front_matter)
    if page.id is not None:
        given["id"] = page.id
    if page.kind is not None:
        given["kind"] = page.kind
    clash = sorted(set(given) & set(HUMAN_KEYS))
    if clash:
        raise ValueError(f"{page.path}: the renderer must not write the human front matter key(s) {', '.join(clash)}")
    ordered = {k: given[k] for k in GENERATOR_KEYS if k in given}
    ordered.update((k, v) for k, v in given.items() if k not in ordered)
    return ordered


def block_text(name: str, markdown: str) -> str:
    if not re.fullmatch(_NAME, name):
        raise ValueError(f"generated block name {name!r} must be letters, digits, '-' or '_'")
    content = _defuse_markers(markdown.strip("\n"))
    content = content + "\n" if content else ""
    return framed_block(name, content_hash(content), content)


def begin_marker(name: str, recorded_hash: str) -> str:
    return f"[//]: # (generated:begin {name} sha256:{recorded_hash})"


def end_marker(name: str) -> str:
    return f"[//]: # (generated:end {name})"


def framed_block(name: str, recorded_hash: str, content: str, newline: str = "\n") -> str:
    """A block's content between its two marker lines, each marker set apart by a blank line:
    a marker glued to a table would be read as one of its rows, and CommonMark lets no
    definition interrupt a paragraph. The hash ignores those blank lines."""
    lines = _lines(content)
    if lines and not lines[-1].endswith("\n"):
        content += newline
    opening = newline if not lines or lines[0].strip() else ""
    closing = newline if lines and lines[-1].strip() else ""
    return f"{begin_marker(name, recorded_hash)}{newline}{opening}{content}{closing}{end_marker(name)}{newline}"


def _defuse_markers(markdown: str) -> str:
    """A source could quote text that looks like our markers; it must not end a block early."""
    return "\n".join(
        line.replace("<!--", "&lt;!--").replace("[//]", "\\[//]") if LOOKS_LIKE_MARKER.search(line) else line
        for line in markdown.split("\n")
    )


def _match(forms: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    return next((m for m in (form.match(line) for form in forms) if m), None)


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as the text a person wrote ("2021-06-16"): a date is
    checked by our own rule, and an impossible one ("2021-02-30") is a warning, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same loader on libyaml's parser (PyYAML's wheels ship it): ten times faster. Its
    error messages are worded otherwise, so a page it rejects is parsed again by `_Loader`,
    whose words (and lines) the warnings keep."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _load_yaml(source: str) -> tuple[yaml.Node | None, Any]:
    """The YAML's node tree (for the keys' lines) and its value, from one parse."""
    try:
        return _compose_and_construct(source, _FastLoader)
    except (yaml.YAMLError, ValueError):
        return _compose_and_construct(source, _Loader)


def _compose_and_construct(source: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the same list twice must be written twice, not as &id001
        return True


def dump_yaml(data: dict[str, Any]) -> str:
    """A mapping as block YAML. A block mapping is its entries one after the other, each
    written alone as it would be within it (no anchors, no line width), so each entry is
    dumped on its own and remembered: pages share their kinds, tags and search settings, and
    a slug is written as it is, which is what PyYAML writes for it."""
    return "".join(_dump_entry(key, value) for key, value in data.items())


_PLAIN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RESOLVER = yaml.resolver.Resolver()


def _dump_entry(key: Any, value: Any) -> str:
    if type(key) is str and type(value) is str and _plain_string(key) and _plain_string(value):
        return f"{key}: {value}\n"
    try:
        return _dump_known_entry(key, json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):  # not JSON (a date a person wrote): dumped as it is
        return _dump_one({key: value})


@lru_cache(maxsize=1 << 16)
def _plain_string(text: str) -> bool:
    """A slug that YAML reads back as the same string (not `null`, `yes`, a number...), short
    enough to be a simple key (PyYAML writes a key of 128 characters or more as `? key`)."""
    return len(text) < 100 and bool(_PLAIN.fullmatch(text)) and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


@lru_cache(maxsize=1 << 12)
def _dump_known_entry(key: Any, value_json: str) -> str:
    return _dump_one({key: json.loads(value_json)})


def _dump_one(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=YAML_WIDTH)


def front_matter_text(data: dict[str, Any], human_yaml: str = "", newline: str = "\n") -> str:
    """The front matter with its fences; nothing at all when there are no keys."""
    generated = dump_yaml(data).replace("\n", newline)
    return f"---{newline}{generated}{human_yaml}---{newline}" if generated or human_yaml else ""


# --------------------------------------------------------------------------- parse


def _lines(text: str) -> list[str]:
    """Lines with their endings; only \\n ends a line (a lone \\r or form feed does not)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def parse(text: str) -> ParsedPage:
    """Split a page file into front matter, generated blocks and the human text between them.

    Never raises: what cannot be read is kept as human text and listed in `problems`.
    """
    page = ParsedPage()
    text = text.removeprefix("\ufeff")
    lines = _lines(text)
    page.newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    body_start = _parse_front_matter(lines, page)
    _parse_body(lines, body_start, page)
    return page


def _parse_front_matter(lines: list[str], page: ParsedPage) -> int:
    """Fill the front matter fields; return the index of the first body line."""
    if not lines or not FENCE.match(lines[0]) or not lines[0].startswith("---"):
        return 0
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if close is None:
        page.problems.append((1, "the front matter starts with '---' but has no closing '---' line; the page is read as text"))
        return 0
    page.has_front_matter = True
    source = "".join(lines[1:close])
    try:
        node, data = _load_yaml(source)
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        page.problems.append((line, f"the front matter is not valid YAML ({problem}); the generator leaves this page as it is until it is fixed"))
        page.broken = True
        return close + 1
    if data is None:
        return close + 1
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        page.problems.append((2, "the front matter is not a list of 'key: value' lines; the generator leaves this page as it is until it is fixed"))
        page.broken = True
        return close + 1
    page.front_matter = {str(k): v for k, v in data.items()}
    _cut_keys(node, lines[1:close], page)
    return close + 1


def _cut_keys(node: yaml.MappingNode, yaml_lines: list[str], page: ParsedPage) -> None:
    """Record each top-level key with its exact lines, so a person's keys can be written back
    byte for byte (comments and quoting included)."""
    starts = [key.start_mark.line for key, _ in node.value]
    cuttable = (
        not node.flow_style
        and all(key.start_mark.column == 0 for key, _ in node.value)
        and starts == sorted(set(starts))
    )
    for i, (key, _) in enumerate(node.value):
        text = None
        if cuttable:
            stop = starts[i + 1] if i + 1 < len(starts) else len(yaml_lines)
            text = "".join(yaml_lines[starts[i] : stop])
        # A key written twice is kept twice: YAML uses the last, but the first is still text a person wrote.
        page.keys.append(FrontMatterKey(str(key.value), key.start_mark.line + 2, text))
    if cuttable:
        page.loose_lines = yaml_lines[: starts[0]] if starts else list(yaml_lines)
    elif not starts:
        page.loose_lines = list(yaml_lines)


def _parse_body(lines: list[str], start: int, page: ParsedPage) -> None:
    human: list[str] = []
    human_line = start + 1
    open_block: tuple[int, str, str, str] | None = None  # (line index, name, hash, marker text)
    inside: list[str] = []

    def flush_human(next_line: int) -> None:
        nonlocal human, human_line
        page.segments.append(HumanText("".join(human), human_line))
        human, human_line = [], next_line

    def abandon_open_block() -> None:
        nonlocal open_block, inside
        assert open_block is not None
        index, name, _, marker = open_block
        page.problems.append((index + 1, f"generated block '{name}' has no end marker '{end_marker(name)}'; its text is treated as yours"))
        human.extend([marker, *inside])
        open_block, inside = None, []

    for index in range(start, len(lines)):
        line = lines[index]
        begin, end = _match(BEGIN_FORMS, line), _match(END_FORMS, line)
        if begin:
            if open_block:
                abandon_open_block()
            open_block, inside = (index, begin["name"], begin["hash"], line), []
        elif end and open_block and end["name"] == open_block[1]:
            first, name, recorded, marker = open_block
            flush_human(index + 2)
            page.segments.append(Block(name, recorded, "".join(inside), first + 1, marker, line))
            open_block, inside = None, []
        elif open_block:
            inside.append(line)
        else:
            if LOOKS_LIKE_MARKER.search(line):
                page.problems.append((index + 1, "this line looks like a generated-block marker but is not part of a whole block; it is treated as your text"))
            human.append(line)
    if open_block:
        abandon_open_block()
    page.segments.append(HumanText("".join(human), human_line))


def read_page(path: Path) -> tuple[str, ParsedPage] | None:
    """The text of a page file and its parsed form; None when it is not UTF-8 text."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text, parse(text)


def page_files(docs: Path) -> list[str]:
    """Every Markdown file under docs/, relative POSIX paths, sorted. Symlinks are not followed:
    a link could point outside docs/, and the generator never writes through one."""
    found = []
    if not docs.is_dir():
        return found
    for root, dirs, files in os.walk(docs, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root, name)
            if name.endswith(".md") and not name.startswith(".") and not path.is_symlink():
                found.append(path.relative_to(docs).as_posix())
    return sorted(found)


def hidden_path(path: str) -> str:
    return path if path.endswith(HIDDEN_SUFFIX) else path.removesuffix(".md") + HIDDEN_SUFFIX


def public_path(path: str) -> str:
    return path.removesuffix(HIDDEN_SUFFIX) + ".md" if path.endswith(HIDDEN_SUFFIX) else path


# --------------------------------------------------------------------------- curation


@dataclass
class PageFacts:
    """What a build needs to know of one page file, read from its bytes: enough for the
    curation and the writer's plan without holding the text. The build manifest keeps them
    with the file's stat (generator/manifest.py), so a file nobody touched since the last
    build is not read again."""

    sha256: str  # of the file's bytes
    stamp: tuple[int, ...] | None = None  # os.stat before reading (see `stamp`); None when unknown
    readable: bool = True  # UTF-8 text
    generated: bool = False  # front matter with id and kind
    broken: bool = False  # front matter that cannot be read
    blocks: bool = False  # has generated blocks
    kind: str | None = None
    id: str | None = None
    id_line: int | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # the human keys, validated
    edited: bool = False  # see ParsedPage.edited
    problems: list[tuple[int, str]] = field(default_factory=list)  # the page's format problems: warnings
    override_warnings: list[tuple[int | None, str]] = field(default_factory=list)  # bad human keys: warnings
    blocking: list[tuple[int | None, str]] = field(default_factory=list)  # markup in a title: errors

    @property
    def shelved(self) -> bool:
        """Hidden or merged into another page: kept in docs/ but not published."""
        return self.overrides.get("hidden") is True or bool(self.overrides.get("merge_into"))


def stamp(status: os.stat_result) -> tuple[int, ...]:
    """A file's identity for "nobody touched it": size, mtime, ctime (which no tool can set
    back, unlike mtime) and inode (a file replaced by another)."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def page_facts(rel: str, data: bytes, status: tuple[int, ...] | None = None) -> PageFacts:
    """The facts of one page file (its path relative to docs/, its bytes)."""
    facts = PageFacts(hashlib.sha256(data).hexdigest(), status)
    try:
        page = parse(data.decode("utf-8"))
    except UnicodeDecodeError:
        facts.readable = False
        return facts
    facts.problems = list(page.problems)
    facts.generated, facts.broken, facts.blocks = page.generated, page.broken, bool(page.blocks)
    if not page.generated:
        return facts
    shown = f"docs/{rel}"
    facts.kind, facts.id, facts.id_line = str(page.front_matter["kind"]), str(page.front_matter["id"]), page.key_line("id")
    checked = Report()
    facts.overrides = validate_overrides(page, shown, checked)
    facts.override_warnings = [(d.line, d.message) for d in checked.items]
    facts.edited = page.edited()
    for name in ("title", "name"):
        value = page.front_matter.get(name)
        if isinstance(value, str) and set(value) & set(UNSAFE_IN_TITLE):
            # MkDocs and the theme read the key from the file whatever we do with it, and put
            # it into <title>, the header, tag lists and the search index as it is.
            facts.blocking.append((page.key_line(name), f"'{name}: {value}' would put markup into the published site; "
                                                        f"remove {', '.join(repr(c) for c in UNSAFE_IN_TITLE)} from it"))
    return facts


def scan_pages(docs: Path, known: dict[str, PageFacts] | None = None) -> dict[str, PageFacts]:
    """The facts of every page file under docs/ (by relative path, sorted). A file whose stat
    is the one `known` recorded is not read: its facts are the recorded ones."""
    known = known or {}
    found: dict[str, PageFacts] = {}
    for rel in page_files(docs):
        path = docs / rel
        try:
            now = stamp(path.stat())
            before = known.get(rel)
            if before is not None and before.stamp == now:
                found[rel] = before
                continue
            found[rel] = page_facts(rel, path.read_bytes(), now)
        except OSError:
            continue  # gone since the folder was listed, or unreadable: as if it were not there
    return found


def read_curation(docs: Path, report: Report, found: dict[str, PageFacts] | None = None) -> Curation:
    """What people set on the pages under docs/, checked up front, plus the previous build's
    entities (from docs/briefing.json) so that ids stay stable across builds. `found`: the
    pages' facts when the caller has them (scan_pages), else docs/ is read."""
    curation = Curation(previous=read_previous(docs / "briefing.json", report))
    seen: dict[tuple[str, str], str] = {}
    for rel, facts in (scan_pages(docs) if found is None else found).items():
        if not facts.readable:
            continue
        shown = f"docs/{rel}"
        for line, message in facts.problems:
            report.warn(shown, message, line=line)
        if not facts.generated:
            continue
        key = (facts.kind, facts.id)
        if key in seen:
            report.warn(shown, f"docs/{seen[key]} has the same id '{key[1]}'; this page's curation is ignored until one of them is renamed or deleted", line=facts.id_line)
            continue
        seen[key] = rel
        for line, message in facts.override_warnings:
            report.warn(shown, message, line=line)
        curation.pages.append(PageCuration(rel, *key, dict(facts.overrides), facts.edited))
        curation.blocking += [Diagnostic("error", shown, message, line) for line, message in facts.blocking]
    return curation


def validate_overrides(page: ParsedPage, shown: str, report: Report) -> dict[str, Any]:
    """The human keys of a page, each checked by its own rule; a bad value is reported with
    its line and ignored, so one typo never stops a build."""
    kind = str(page.front_matter["kind"])
    own_id = str(page.front_matter["id"])
    overrides: dict[str, Any] = {}
    for name in HUMAN_KEYS:
        if name not in page.front_matter:
            continue
        value, problem = CHECKS[name](page.front_matter[name], kind, own_id)
        if problem:
            report.warn(shown, f"'{name}: {_show(page.front_matter[name])}' is ignored: {problem}", line=page.key_line(name))
            continue
        if name in ("title", "name"):
            if "title" in overrides and overrides["title"] != value:
                report.warn(shown, f"both 'title' and 'name' are set; the page uses the title '{overrides['title']}'", line=page.key_line(name))
                continue
            overrides["title"] = value  # 'name' is a synonym: one key for the resolver
        else:
            overrides[name] = value
    return overrides


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)


def _check_text(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return None, "write some text"
    text = str(value).strip()
    return (text, None) if text else (None, "write some text")


def _check_title(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    """Free text, except markup characters: Material prints a page's front-matter title into
    the header and <title> as it is, unescaped, so '</title><script>' would become markup."""
    text, problem = _check_text(value, kind, own_id)
    if problem is None and set(text) & set(UNSAFE_IN_TITLE):
        return None, f"a title is shown as it is in the page header, so it cannot contain {', '.join(repr(c) for c in UNSAFE_IN_TITLE)} (write 'and' for '&')"
    return text, problem


def _check_aliases(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(a, (str, int, float)) and not isinstance(a, bool) and str(a).strip() for a in items):
        return None, "write a list of names, one per line, each starting with '- '"
    return sorted({str(a).strip() for a in items}), None


def _check_type(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    if kind != "actor":
        return None, f"only actors have a type, and this page is a {kind}"
    if value not in ACTOR_TYPES:
        return None, f"the type is one of {', '.join(ACTOR_TYPES)}"
    return value, None


def _check_hidden(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    if not isinstance(value, bool):
        return None, "write 'hidden: true' to hide the page (or 'hidden: false')"
    return value, None


def _check_merge_into(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    folder = KIND_DIRS.get(kind, f"{kind}s")
    example = f"write the id of another {kind}, e.g. 'merge_into: some-id' or 'merge_into: {folder}/some-id'"
    if not isinstance(value, str) or not value.strip():
        return None, example
    target = value.strip().removesuffix(".md")
    if "/" in target:
        prefix, _, target = target.rpartition("/")
        if prefix != folder:
            return None, f"a {kind} can only be merged into another {kind} (in {folder}/), not into {prefix}/"
    if not re.fullmatch(r"[^\s/\\]+", target) or target in (".", ".."):
        return None, example
    if target == own_id:
        return None, "a page cannot be merged into itself"
    return target, None


def _check_date(value: Any, kind: str, own_id: str) -> tuple[Any, str | None]:
    if kind != "event":
        return None, f"only events have a date, and this page is a {kind}"
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat(), None
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            date(year, month or 1, day or 1)
            return text, None
        except ValueError:
            pass
    return None, "write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06-16)"


CHECKS = {
    "title": _check_title,
    "name": _check_title,
    "summary": _check_text,
    "aliases": _check_aliases,
    "type": _check_type,
    "hidden": _check_hidden,
    "merge_into": _check_merge_into,
    "date": _check_date,
}


def read_previous(path: Path, report: Report) -> list[Entity]:
    """The entities of the previous build, as briefing.json recorded them (resolve needs at
    least id, kind, name and aliases; the rest lets it show a stale entity as it was)."""
    if not path.is_file():
        return []
    shown = f"docs/{path.name}"
    try:
        with heap.collection_paused():  # JSON makes no reference cycles for the collector to find
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        report.warn(shown, f"cannot be read ({error}); ids of the previous build are not reused, so some pages may be renamed", line=line)
        return []
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list):
        report.warn(shown, "has no 'entities' list; ids of the previous build are not reused")
        return []
    previous = []
    with heap.collection_paused():
        for number, item in enumerate(entities, 1):
            entity = _previous_entity(item)
            if entity is None:
                report.warn(shown, f"entity number {number} is not an entity (it needs at least id, kind, name and aliases); it is skipped")
            else:
                previous.append(entity)
    return sorted(previous, key=lambda e: (e.kind, e.id))


def _previous_entity(item: Any) -> Entity | None:
    if not (isinstance(item, dict) and isinstance(item.get("id"), str) and item.get("kind") in ENTITY_KINDS and isinstance(item.get("name"), str)):
        return None
    if not isinstance(item.get("aliases", []), list) or not all(isinstance(a, str) for a in item.get("aliases", [])):
        return None
    try:
        return from_json(Entity, item)
    except (TypeError, KeyError, ValueError, AttributeError):  # a hand-mangled field: keep what identifies it
        return Entity(id=item["id"], kind=item["kind"], name=item["name"], aliases=list(item.get("aliases", [])))
