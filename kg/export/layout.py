"""Node positions for the HTML view, computed once at export so the page draws at once and never runs physics.

Each connected part is laid out by a force-directed pass (Fruchterman and Reingold's model: every pair of
nodes repels, every edge pulls), the parts are packed in rows, largest first, and the nodes no edge touches
are set on a spiral around them. Positions depend only on the nodes and edges given (sorted), so the same
graph gets the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

SPACING = 70.0  # canvas units between neighbouring nodes (vis draws a node about 25 units wide)
_BLOCK = 512  # rows of the pairwise repulsion computed at a time (memory: BLOCK × n × 2 floats)
_GOLDEN = math.pi * (3 - math.sqrt(5))


def layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], *, iterations: int = 60
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes``; nodes without edges go on a spiral around the connected parts."""
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(index[a], index[b]) for a, b in edges if a != b and a in index and b in index})
    parts = _components(len(nodes), pairs)
    linked = [p for p in parts if len(p) > 1]
    single = [p[0] for p in parts if len(p) == 1]
    pos = np.zeros((len(nodes), 2))
    boxes = []
    for part in linked:
        local = {n: i for i, n in enumerate(part)}
        sub = [(local[a], local[b]) for a, b in pairs if a in local and b in local]
        boxes.append((part, _force_directed(len(part), sub, iterations)))
    width = _pack(boxes, pos)
    _spiral(single, pos, inner=width / 2)
    return {n: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for n, i in index.items()}


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected parts (undirected), each sorted, largest first, ties by their first node."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _force_directed(n: int, pairs: list[tuple[int, int]], iterations: int) -> np.ndarray:
    """Positions of one connected part, scaled so neighbours sit about ``SPACING`` apart."""
    if n == 2:
        return np.array([[-SPACING / 2, 0.0], [SPACING / 2, 0.0]])
    # start on a sunflower spiral in node order: deterministic and already spread out
    i = np.arange(n)
    pos = np.stack([np.sqrt(i + 0.5) * np.cos(i * _GOLDEN), np.sqrt(i + 0.5) * np.sin(i * _GOLDEN)], 1)
    pos /= math.sqrt(n)
    k = 1.0 / math.sqrt(n)  # the ideal distance in a unit square
    src = np.array([a for a, _ in pairs])
    dst = np.array([b for _, b in pairs])
    step = 0.1
    for it in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, n, _BLOCK):  # repulsion k²/d from every other node
            delta = pos[start : start + _BLOCK, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta**2).sum(-1), 1e-6)
            disp[start : start + _BLOCK] += (delta * (k * k / dist2)[..., None]).sum(1)
        delta = pos[src] - pos[dst]  # attraction d²/k along each edge
        pull = delta * (np.sqrt((delta**2).sum(-1)) / k)[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp**2).sum(-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, step * (1 - it / iterations))[:, None]
    pos -= pos.mean(0)
    nearest = _median_edge_length(pos, src, dst)
    return pos * (SPACING / nearest)


def _median_edge_length(pos: np.ndarray, src: np.ndarray, dst: np.ndarray) -> float:
    lengths = np.sqrt(((pos[src] - pos[dst]) ** 2).sum(-1))
    return float(max(np.median(lengths), 1e-6))


def _pack(boxes: list[tuple[list[int], np.ndarray]], pos: np.ndarray) -> float:
    """Place the parts in rows (largest first), centred on the origin; returns the width of the whole."""
    if not boxes:
        return 0.0
    margin = SPACING
    sizes = [(local.max(0) - local.min(0)) + margin for _, local in boxes]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max(float(sizes[0][0]), math.sqrt(area) * 1.2)
    x = y = row_height = 0.0
    placed = []
    for (part, local), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append((part, local - local.min(0) + [x + margin / 2, y + margin / 2]))
        x += float(w)
        row_height = max(row_height, float(h))
    total_w = max(float(local[:, 0].max()) for _, local in placed) + margin / 2
    total_h = y + row_height
    for part, local in placed:
        pos[part] = local - [total_w / 2, total_h / 2]
    return math.hypot(total_w, total_h)


def _spiral(nodes: list[int], pos: np.ndarray, *, inner: float) -> None:
    """Nodes without edges on a sunflower spiral outside a circle of diameter ``inner``, in the order given."""
    c = SPACING * 0.8 / math.sqrt(math.pi)
    r0 = (inner / 2 + SPACING) ** 2 if inner else 0.0
    for j, node in enumerate(nodes):
        r = math.sqrt(r0 + c * c * math.pi * j)
        pos[node] = (r * math.cos(j * _GOLDEN), r * math.sin(j * _GOLDEN))
