"""Raw bytes to text: byte-order marks, invalid UTF-8, legacy Windows-1252 files, binary
files, and the three line-ending conventions (CRLF, CR, LF), so that line numbers in
messages and paragraph anchors match what an editor shows."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192  # like git, judge "binary" on the first 8 KiB
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(Exception):
    """The file is not text in any encoding we can tell (an image, a PDF, an archive)."""


@dataclass
class Decoded:
    text: str  # with "\n" line endings only
    warnings: list[tuple[str, int | None]] = field(default_factory=list)


def _line_of(raw: bytes, offset: int) -> int:
    head = raw[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: mostly-ASCII text has a NUL in every
    other byte. Returns the codec, or None."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        codec = "utf-16-le"
    elif even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        codec = "utf-16-be"
    else:
        return None
    text = sample.decode(codec, errors="replace")
    readable = sum(c.isprintable() or c.isspace() for c in text)
    return codec if readable > 0.95 * len(text) else None  # else binary with a lucky pattern


def _decode_unicode(raw: bytes, codec: str, warnings: list) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        line = _line_of(raw, error.start) if codec == "utf-8" else None
        where = f" (first at line {line})" if line else ""
        warnings.append((f"invalid {codec.upper()} bytes replaced by U+FFFD{where}", line))
        return raw.decode(codec, errors="replace")


def _decode_guessing(raw: bytes, warnings: list) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of(raw, error.start)
    # No valid multi-byte UTF-8 sequence anywhere: an old single-byte file, most likely
    # Windows-1252 (a superset of Latin-1's printable range), read so that nothing is lost.
    if not _UTF8_MULTIBYTE.search(raw):
        try:
            text = raw.decode("cp1252")
            warnings.append((f"not UTF-8 (first non-UTF-8 byte at line {line}); read as Windows-1252: save the file as UTF-8", line))
            return text
        except UnicodeDecodeError:
            pass
    warnings.append((f"invalid UTF-8 at line {line}: bad bytes replaced by U+FFFD (the rest of the file is read)", line))
    return raw.decode("utf-8", errors="replace")


def decode(raw: bytes) -> Decoded:
    """The text of `raw`; raises NotText for a binary file."""
    warnings: list[tuple[str, int | None]] = []
    bom = next(((mark, codec) for mark, codec in _BOMS if raw.startswith(mark)), None)
    sample = raw[:_SNIFF]
    if bom:
        text = _decode_unicode(raw[len(bom[0]) :], bom[1], warnings)
    elif codec := _utf16_without_bom(sample):
        warnings.append((f"{codec.upper()} text without a byte-order mark; read as {codec.upper()}", None))
        text = _decode_unicode(raw, codec, warnings)
    elif b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > 0.1 * len(sample):
        raise NotText("binary file (NUL bytes or control codes in its first 8 KiB), not a text document: skipped")
    else:
        text = _decode_guessing(raw, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if stray := _CONTROL_CHARS.search(text):
        line = text.count("\n", 0, stray.start()) + 1
        warnings.append((f"control characters (first at line {line}) replaced by spaces", line))
    return Decoded(text, warnings)
