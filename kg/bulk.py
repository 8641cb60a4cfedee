"""Loading the shipped data (the knowledge base, its gazetteer) builds some hundred thousand small objects that
hold no reference cycles; the garbage collector, which runs every few hundred allocations, would walk the growing
heap again and again while they are made (a third of the knowledge base's load time). ``no_collection`` pauses it
for such a load and restores it after, whatever happens."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
