"""Regular expressions compiled once per machine rather than once per run, and data read once per machine.

kg's rules and vocabulary expand to about 800 KB of patterns; Python compiles them in a few seconds, most of a
small build. This keeps what Python's own compiler makes of each pattern (its code list and groups) in a cache
folder and rebuilds the pattern object from it next time, which takes a few milliseconds. The folder is
``$KG_CACHE_DIR`` (``none`` turns the cache off), else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``, with one
sub-folder per Python build, so that one interpreter never reads another's code. The folder must be one only the
user can write: what is read there becomes a pattern object, which Python checks for well-formed code but not for
intent. A file that cannot be read or written, or an interpreter whose regular-expression internals differ, only
means compiling as usual: the result is the same pattern either way.

``cached_data`` keeps plain data (tuples, dicts, strings, frozensets: what ``marshal`` writes, never code to run)
made from the package's data files, under a key that names those files' bytes and the code that reads them;
``parsed_toml`` keeps what ``tomllib`` makes of a text (the rules and the vocabulary: a third of a second to parse).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import tomllib
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # CPython's regular-expression compiler, in the shape of 3.11–3.13
    import _sre
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

OFF = "none"
_UNREADABLE = (OSError, ValueError, EOFError, TypeError, RuntimeError, IndexError, zlib.error)


def cache_folder() -> Path | None:
    """The folder for this interpreter's compiled patterns, or None where caching is off or not possible."""
    if _sre is None or sys.implementation.name != "cpython":
        return None
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen is not None and chosen.strip().lower() == OFF:
        return None
    if chosen:
        root = Path(chosen)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = Path(xdg) / "kg" if xdg else Path.home() / ".cache" / "kg"
    build = hashlib.sha256(f"{sys.version}\0{_constants.MAGIC}".encode()).hexdigest()[:12]
    folder = root / f"re-{sys.implementation.cache_tag}-{build}"
    return folder if _private(folder) else None


def _private(folder: Path) -> bool:
    """Whether ``folder`` is not there yet, or is the user's own and no one else may write in it."""
    try:
        info = folder.stat()
    except OSError:
        return True
    uid = getattr(os, "getuid", None)  # (no owners to compare on Windows)
    return (uid is None or info.st_uid == uid()) and not info.st_mode & 0o022


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from the cache folder where an earlier run left it (and left there for the next
    run where it was not). Raises ``re.error`` for a pattern that does not compile, as ``re.compile`` does."""
    folder = cache_folder()
    if folder is None:
        return re.compile(pattern)
    path = folder / (hashlib.sha256(pattern.encode("utf-8")).hexdigest()[:32] + ".re")
    try:
        return _sre.compile(pattern, *marshal.loads(zlib.decompress(path.read_bytes())))
    except _UNREADABLE:
        pass  # not there yet, damaged, or written by something else: compiled afresh and written again
    try:
        parts = _compiled_parts(pattern)
        compiled = _sre.compile(pattern, *parts)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the interpreter's internals are not what this module expects
        return re.compile(pattern)
    _write(path, zlib.compress(marshal.dumps(parts), 1))  # (a tenth of the size, read as fast)
    return compiled


def cached_data(name: str, key: bytes, build: Callable[[], Any]) -> Any:
    """``build()``, or what an earlier run with the same ``key`` kept of it in the cache folder. ``build`` must
    return plain data; the caller checks what it reads (a damaged or foreign file must fail its checks there, and
    the caller then calls ``build`` itself)."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{hashlib.sha256(key).hexdigest()[:32]}.data"
    try:
        return marshal.loads(zlib.decompress(path.read_bytes()))
    except _UNREADABLE:
        pass
    value = build()
    try:
        data = zlib.compress(marshal.dumps(value), 1)
    except ValueError:  # not plain data: nothing kept
        return value
    _write(path, data)
    return value


def parsed_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, or what an earlier run kept of the same text. The parse depends on the text and the
    interpreter alone (the folder is the interpreter's), so the text is the key. Raises ``TOMLDecodeError`` as
    ``tomllib`` does; a value ``marshal`` cannot keep (a date) is parsed every time."""
    value = cached_data("toml", text.encode("utf-8"), lambda: tomllib.loads(text))
    return value if isinstance(value, dict) else tomllib.loads(text)  # (a damaged or foreign file)


def _compiled_parts(pattern: str) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern itself: flags, code, groups."""
    tree = _parser.parse(pattern, 0)
    code = [int(op) for op in _compiler._code(tree, 0)]  # (opcodes are an int subclass marshal does not take)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all (a temporary file renamed into place), and quietly give up where it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # (private whatever the umask)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            raise
    except OSError:
        pass
