"""Read a CRFsuite model file (the ``lCRF``/``FOMC`` format python-crfsuite writes) into plain arrays.

The file holds a header of offsets, a feature table — (type, source, destination, weight) records where type 0 is a
state feature (attribute → label) and type 1 a transition (label → label) — and two CQDB string databases for the
label and attribute names. Only the backward (id → string) arrays of those databases are needed here. Weights are
read as the file stores them (float64), so scores computed from them match crfsuite's own to the last bit.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

from ..errors import KgError

_HEADER = struct.Struct("<4sI4s9I")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class ModelFormatError(KgError):
    """The file is not a model this reader understands."""


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: (
        np.ndarray
    )  # (len(attributes) + 1, len(labels)); the last row is zeros, for attributes the model lacks
    transitions: np.ndarray  # (len(labels), len(labels)), from → to


def _strings(buf: bytes, offset: int) -> tuple[str, ...]:
    magic, _size, _flag, _order, count, backward = _CQDB.unpack_from(buf, offset)
    if magic != b"CQDB":
        raise ModelFormatError(f"no string database at offset {offset}")
    out = []
    for i, record in enumerate(struct.unpack_from(f"<{count}I", buf, offset + backward)):
        ident, size = struct.unpack_from("<II", buf, offset + record)
        if ident != i:
            raise ModelFormatError(f"string database at offset {offset} is not in id order")
        start = offset + record + 8
        out.append(buf[start : start + size - 1].decode("utf-8"))  # stored with a trailing NUL
    return tuple(out)


def read_model(data: bytes) -> CrfWeights:
    """The weights of a CRFsuite model given as the bytes of its file."""
    if len(data) < _HEADER.size:
        raise ModelFormatError("file too short for a CRFsuite model")
    magic, _size, kind, _version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs, _lr, _ar = (
        _HEADER.unpack_from(data, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError("not a CRFsuite 1st-order CRF model")
    labels, attributes = _strings(data, off_labels), _strings(data, off_attrs)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise ModelFormatError("label or attribute count disagrees with the header")
    chunk, _size, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("no feature table")
    table = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + _CHUNK.size)
    state = np.zeros((n_attrs + 1, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    states, trans = table[table["type"] == 0], table[table["type"] == 1]
    state[states["src"], states["dst"]] = states["weight"]
    transitions[trans["src"], trans["dst"]] = trans["weight"]
    return CrfWeights(labels, attributes, state, transitions)
