"""Corpus upkeep: remove documents from a store, by id or by the file they were read from.

Removing a document drops its named graph, and from the union (the default graph) exactly the triples that
no other document's graph states: an entity two articles mention keeps its label, types and the other
article's ``kg:mentionedIn``; a fact only the removed article supported is gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import KgError
from .store import Store


def document_sources(store: Store) -> dict[str, str]:
    """Document id → the source it was read from (a path, or path:line for JSON Lines records)."""
    rows = store.query("SELECT ?a ?src WHERE { GRAPH ?a { ?a kg:source ?src } }").rows
    prefix = f"{store.base}article/"
    return {str(a)[len(prefix) :]: str(src) for a, src in rows if str(a).startswith(prefix)}


def _under(source: str, target: str) -> bool:
    """``source`` names ``target`` itself, a record of it (news.jsonl:3) or a file inside it (a folder)."""
    path = source.rsplit(":", 1)[0] if ":" in source and source.rsplit(":", 1)[1].isdigit() else source
    path, target = os.path.normpath(path), os.path.normpath(target)
    return path == target or path.startswith(target.rstrip(os.sep) + os.sep)


def documents_matching(store: Store, items: Iterable[str]) -> list[str]:
    """The document ids that ``items`` name: each a document id, or a path the documents were read from.

    An item that names nothing is an error (and nothing is removed)."""
    sources = document_sources(store)
    found: list[str] = []
    for item in items:
        if item in sources:
            matches = [item]
        else:
            absolute = str(Path(item).resolve())
            matches = sorted(d for d, src in sources.items() if _under(src, item) or _under(src, absolute))
        if not matches:
            raise KgError(f"{store.path}: no document with id or source {item!r}")
        found.extend(m for m in matches if m not in found)
    return found


def remove_documents(store: Store, items: Iterable[str]) -> list[str]:
    """Remove the documents ``items`` name (ids or source paths); returns their ids."""
    doc_ids = documents_matching(store, items)
    for doc_id in doc_ids:
        store.drop_document(doc_id)
    return doc_ids
