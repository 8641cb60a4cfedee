"""Ingest: files, folders or stdin → cleaned ``Document`` objects with sentence offsets."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..zh.text import fold_width, to_simplified, traditional_ratio
from .clean import Paragraph, clean_paragraphs, split_paragraphs, strip_controls, strip_markdown
from .decode import decode_bytes
from .html import html_to_text
from .sentences import split_sentences

__all__ = ["SUFFIXES", "RawRecord", "iter_documents", "iter_records", "make_document", "document_from_text"]

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
Warn = Callable[[str], None]


@dataclass(frozen=True)
class RawRecord:
    """One article as read from its source, before cleaning."""

    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    id: str | None = None


def _discover(inputs: Iterable[str | os.PathLike[str]], warn: Warn) -> Iterator[tuple[str, bool]]:
    """Yield (path, explicit) for every readable input; folders are walked in sorted order, and a symbolic link
    that leads out of its folder is skipped with a warning."""
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            yield item, True
            continue
        path = Path(item)
        if path.is_dir():
            found = _walk(path, warn)
            if not found:
                raise InputError(display_path(item), f"folder holds no {', '.join(sorted(SUFFIXES))} files")
            for p in found:
                yield str(p), False
        elif path.is_file():
            yield str(path), True
        else:
            raise InputError(display_path(item), "no such file or folder")


def _walk(folder: Path, warn: Warn) -> list[Path]:
    """The input files under ``folder`` in sorted order; symbolic links are followed only where they stay inside."""
    root = folder.resolve()
    found = []
    for here, dirs, files in os.walk(folder):  # does not descend into linked folders
        for name in dirs + files:
            p = Path(here, name)
            if p.is_symlink() and not _leads_inside(p, root):
                warn(
                    f"skipped {display_path(p)}: a symbolic link that leads out of {display_path(folder)} or nowhere"
                )
            elif name in files and p.suffix.lower() in SUFFIXES and p.is_file():
                found.append(p)
    return sorted(found)


def _leads_inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):  # a broken link, or a loop
        return False


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and written: undecodable bytes of a file name become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def iter_records(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    warn: Warn,
    stdin_format: str = "text",
    max_document_mb: float | None = None,
) -> Iterator[RawRecord]:
    """Read every input. Problems in files named explicitly raise; in files found in a folder they warn.

    A document over ``max_document_mb`` megabytes of UTF-8 text is skipped with a warning."""
    for path, explicit in _discover(inputs, warn):
        try:
            for record in _read_one(path, warn, stdin_format, max_document_mb):
                problem = _too_large(record.text, max_document_mb)
                if problem:
                    warn(f"{record.source}: {problem}; skipped")
                else:
                    yield record
        except InputError as exc:
            if explicit:
                raise
            warn(f"skipped {exc}")


def _too_large(text: str, max_mb: float | None, *, size: int | None = None) -> str | None:
    """Why a document is refused, or None: more than ``max_mb`` MB of UTF-8 text (bytes of a file when ``size``)."""
    if max_mb is None or (size is None and len(text) * 4 <= max_mb * 1e6):
        return None  # no limit, or too short to exceed it even in 4-byte characters
    size = len(text.encode("utf-8", "surrogatepass")) if size is None else size
    if size <= max_mb * 1e6:
        return None
    return f"{size / 1e6:.3g} MB is over the limit of {max_mb:g} MB for one document (--max-document-mb)"


def _read_one(path: str, warn: Warn, stdin_format: str, max_mb: float | None) -> Iterator[RawRecord]:
    if path == "-":
        data = sys.stdin.buffer.read()
        fmt = stdin_format
        name = "<stdin>"
    else:
        fmt = SUFFIXES.get(Path(path).suffix.lower(), "text")
        name = display_path(path)
        try:
            size = os.stat(path).st_size
            if fmt != "jsonl" and max_mb is not None and size > 4 * max_mb * 1e6:  # refused before reading
                raise InputError(
                    name,
                    f"a {size / 1e6:.3g} MB file is too large for one document (--max-document-mb {max_mb:g})",
                )
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise InputError(name, "empty file")
    text = decode_bytes(data, name)
    if fmt == "jsonl":
        yield from _read_jsonl(text, name, warn)
    elif fmt == "html":
        body, meta = html_to_text(text)
        yield RawRecord(name, body, "html", meta.get("title"), meta.get("url"), meta.get("date"))
    else:
        yield RawRecord(name, text, fmt)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) split at "\n" only: U+2028, U+2029 and U+0085 are characters inside a JSON string,
    not line ends (``str.splitlines`` would cut a record there)."""
    start, lineno = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield lineno, text[start:end].rstrip("\r")
        start, lineno = end + 1, lineno + 1


def _read_jsonl(text: str, name: str, warn: Warn) -> Iterator[RawRecord]:
    good = 0
    for lineno, line in _lines(text):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        record = _jsonl_record(line, where, warn)
        if record is not None:
            good += 1
            yield record
    if not good:
        raise InputError(name, 'no usable JSON Lines record (each line needs a "text" field)')


def _jsonl_record(line: str, where: str, warn: Warn) -> RawRecord | None:
    """One JSON Lines record, or None after a warning that says why the line is skipped."""
    try:
        obj = json.loads(
            line, parse_int=str
        )  # ids of any length stay as written (int() refuses 4,300+ digits)
    except RecursionError:
        warn(f"{where}: JSON nested too deeply; line skipped")
        return None
    except ValueError as exc:  # JSONDecodeError, and integers too long to convert
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0][:100]
        warn(f"{where}: malformed JSON ({message}); line skipped")
        return None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        warn(f'{where}: no non-empty "text" field; line skipped')
        return None
    fields: dict[str, str | None] = {}
    for key in ("text", "title", "url", "date", "id"):
        value = obj.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            warn(f'{where}: "{key}" must be a string or a number; line skipped')
            return None
        value = None if value is None else str(value)
        if value is not None and not _valid_unicode(value):
            warn(
                f'{where}: "{key}" holds a lone surrogate (\\ud800-\\udfff), not a character; replaced by U+FFFD'
            )
            value = valid_unicode(value)
        fields[key] = value
    return RawRecord(
        where, fields["text"] or "", "text", fields["title"], fields["url"], fields["date"], fields["id"]
    )


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate (valid in JSON escapes and Python strings, not in UTF-8) replaced by
    U+FFFD, so that offsets stay the same and every output can be encoded."""
    if _valid_unicode(text):
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def make_document(record: RawRecord, *, clean: bool = True) -> Document:
    """Clean a raw record and split it into sentences; offsets are into the returned ``Document.text``.

    ``clean=False`` keeps every line (for benchmark sentences, which are not web pages)."""
    paragraphs = split_paragraphs(valid_unicode(record.text))
    if record.format == "markdown":
        paragraphs = [Paragraph(strip_markdown(p.text), None) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p.text]
    kept = clean_paragraphs(paragraphs) if clean else paragraphs
    if not kept:
        raise InputError(record.source, "no article text left after removing page furniture")
    title = _one_line(record.title) or _guess_title(kept)
    pieces, spans, pos = [], [], 0
    for para in kept:
        pieces.append(para.text)
        spans.append((pos, pos + len(para.text), para.source_start))
        pos += len(para.text) + 1
    text = "\n".join(pieces)
    traditional = traditional_ratio(text) > 0.05
    norm = fold_width(to_simplified(text) if traditional else text)
    url = _one_line(record.url)
    doc_id = valid_unicode(record.id) if record.id else None  # kept as given: IRIs encode it (kg.vocab)
    return Document(
        id=doc_id or hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:16],
        text=text,
        norm=norm,
        sentences=split_sentences(text, paragraph_spans=spans),
        source=valid_unicode(record.source),
        title=title,
        url=url,
        date=_one_line(record.date),
        traditional=traditional,
    )


def _one_line(value: str | None) -> str | None:
    """A title, URL or date as one line of printable text (blanks and control characters become one space)."""
    if value is None:
        return None
    return " ".join(strip_controls(valid_unicode(value)).split()) or None


def _guess_title(paragraphs: list[Paragraph]) -> str | None:
    first = paragraphs[0].text
    return first if len(first) <= 60 and not first.endswith("。") else None


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]], *, warn: Warn, max_document_mb: float | None = None
) -> Iterator[Document]:
    for record in iter_records(inputs, warn=warn, max_document_mb=max_document_mb):
        try:
            yield make_document(record)
        except InputError as exc:
            warn(f"skipped {exc}")


def document_from_text(
    text: str,
    *,
    source: str = "<text>",
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    id: str | None = None,
) -> Document:
    """Build a Document from a string (library use and tests)."""
    return make_document(RawRecord(source, text, "text", title, url, date, id))
