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
from .clean import Paragraph, clean_paragraphs, split_paragraphs, strip_markdown
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
    """Yield (path, explicit) for every readable input; folders are walked in sorted order."""
    for item in inputs:
        item = str(item)
        if item == "-":
            yield item, True
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(item, f"folder holds no {', '.join(sorted(SUFFIXES))} files")
            for p in found:
                yield str(p), False
        elif path.is_file():
            yield str(path), True
        else:
            raise InputError(item, "no such file or folder")


def iter_records(
    inputs: Iterable[str | os.PathLike[str]], *, warn: Warn, stdin_format: str = "text"
) -> Iterator[RawRecord]:
    """Read every input. Problems in files named explicitly raise; in files found in a folder they warn."""
    for path, explicit in _discover(inputs, warn):
        try:
            yield from _read_one(path, warn, stdin_format)
        except InputError as exc:
            if explicit:
                raise
            warn(f"skipped {exc}")


def _read_one(path: str, warn: Warn, stdin_format: str) -> Iterator[RawRecord]:
    if path == "-":
        data = sys.stdin.buffer.read()
        fmt = stdin_format
        name = "<stdin>"
    else:
        fmt = SUFFIXES.get(Path(path).suffix.lower(), "text")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from exc
        name = path
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


def _read_jsonl(text: str, name: str, warn: Warn) -> Iterator[RawRecord]:
    good = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(f"{name}:{lineno}: malformed JSON ({exc.msg}); line skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            warn(f'{name}:{lineno}: no non-empty "text" field; line skipped')
            continue
        fields = {
            k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("title", "url", "date", "id")
        }
        good += 1
        yield RawRecord(
            f"{name}:{lineno}",
            obj["text"],
            "text",
            fields["title"],
            fields["url"],
            fields["date"],
            fields["id"],
        )
    if not good:
        raise InputError(name, 'no usable JSON Lines record (each line needs a "text" field)')


def make_document(record: RawRecord, *, clean: bool = True) -> Document:
    """Clean a raw record and split it into sentences; offsets are into the returned ``Document.text``.

    ``clean=False`` keeps every line (for benchmark sentences, which are not web pages)."""
    paragraphs = split_paragraphs(record.text)
    if record.format == "markdown":
        paragraphs = [Paragraph(strip_markdown(p.text), None) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p.text]
    kept = clean_paragraphs(paragraphs) if clean else paragraphs
    if not kept:
        raise InputError(record.source, "no article text left after removing page furniture")
    title = record.title or _guess_title(kept)
    pieces, spans, pos = [], [], 0
    for para in kept:
        pieces.append(para.text)
        spans.append((pos, pos + len(para.text), para.source_start))
        pos += len(para.text) + 1
    text = "\n".join(pieces)
    traditional = traditional_ratio(text) > 0.05
    norm = fold_width(to_simplified(text) if traditional else text)
    doc_id = record.id or hashlib.sha256((record.url or text).encode("utf-8")).hexdigest()[:16]
    return Document(
        id=_safe_id(doc_id),
        text=text,
        norm=norm,
        sentences=split_sentences(text, paragraph_spans=spans),
        source=record.source,
        title=title,
        url=record.url,
        date=record.date,
        traditional=traditional,
    )


def _safe_id(raw: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in raw)
    return keep[:80] or hashlib.sha256(raw.encode()).hexdigest()[:16]


def _guess_title(paragraphs: list[Paragraph]) -> str | None:
    first = paragraphs[0].text
    return first if len(first) <= 60 and not first.endswith("。") else None


def iter_documents(inputs: Iterable[str | os.PathLike[str]], *, warn: Warn) -> Iterator[Document]:
    for record in iter_records(inputs, warn=warn):
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
