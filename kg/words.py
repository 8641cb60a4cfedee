"""kg's vocabulary as data: every word list and wording pattern the recognisers and rules use, defined once by
name in ``kg/data/words.toml`` (a rule file may add its own under ``[words]``).

An entry has one of: ``words`` (a list, matched longest first), ``chars`` (a string of single characters),
``pattern`` (a regular expression) or ``map`` (a table). Inside a pattern, ``<name>`` stands for the entry
``name``: a list as an alternation, a set of characters as a class, a pattern as a group. Slots such as
``{a:org}`` are left for the relation-rule compiler (``kg.relate.rules``).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .errors import KgError
from .recache import compile_pattern, parsed_toml

_REF = re.compile(r"(?<!\?P)<([a-z][a-z0-9_]*)>")
_KINDS = ("words", "chars", "pattern", "map")


class WordsError(KgError):
    """A vocabulary entry that is missing, malformed or refers to itself."""

    @property
    def problem(self) -> str:
        """The message without the file it names."""
        return str(self).split(": ", 1)[-1]


@dataclass(frozen=True)
class Words:
    """Named word lists and patterns. ``extra`` are built-in entries (the lexicon's titles) resolved like the rest."""

    entries: Mapping[str, Mapping[str, Any]]
    origin: str = "kg/data/words.toml"
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _made: dict[tuple[str, str], Any] = field(
        default_factory=dict, compare=False, repr=False
    )  # words, sets, …

    def _entry(self, name: str) -> Mapping[str, Any]:
        try:
            return self.entries[name]
        except KeyError:
            raise WordsError(f"{self.origin}: no vocabulary entry named {name!r}") from None

    def words(self, name: str) -> tuple[str, ...]:
        """A list's words (longest first), or a character set's characters (made once per name)."""
        made = self._made.get(("words", name))
        if made is None:
            made = self._made[("words", name)] = self._words(name)
        return made

    def _words(self, name: str) -> tuple[str, ...]:
        entry = self._entry(name)
        if "words" in entry:
            return tuple(sorted(set(entry["words"]), key=lambda w: (-len(w), w)))
        if "chars" in entry:
            return tuple(entry["chars"])
        raise WordsError(f"{self.origin}: {name!r} is not a word list")

    def set(self, name: str) -> frozenset[str]:
        made = self._made.get(("set", name))
        if made is None:
            made = self._made[("set", name)] = frozenset(self.words(name))
        return made

    def map(self, name: str) -> dict[str, str]:
        entry = self._entry(name)
        if "map" not in entry:
            raise WordsError(f"{self.origin}: {name!r} is not a table")
        return dict(entry["map"])

    def alt(self, name: str) -> str:
        """The entry as a regular-expression group."""
        return self.expand(f"<{name}>")

    def expand(self, pattern: str, *, _stack: tuple[str, ...] = ()) -> str:
        """``pattern`` with every ``<name>`` replaced by its entry (worked out once per pattern)."""
        if _stack:
            return self._expand(pattern, _stack)
        made = self._made.get(("expand", pattern))
        if made is None:
            made = self._made[("expand", pattern)] = self._expand(pattern, ())
        return made

    def _expand(self, pattern: str, _stack: tuple[str, ...]) -> str:

        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in _stack:
                raise WordsError(f"{self.origin}: {name!r} refers to itself through {' → '.join(_stack)}")
            entry = self._entry(name)
            if "words" in entry:
                return "(?:" + "|".join(re.escape(w) for w in self.words(name)) + ")"
            if "chars" in entry:
                return "[" + "".join(_class_escape(c) for c in entry["chars"]) + "]"
            if "pattern" in entry:
                return "(?:" + self.expand(entry["pattern"], _stack=(*_stack, name)) + ")"
            raise WordsError(f"{self.origin}: {name!r} is a table and cannot stand in a pattern")

        return _REF.sub(one, pattern)

    def regex(self, name: str) -> re.Pattern[str]:
        """A pattern entry compiled (once)."""
        if name not in self._compiled:
            entry = self._entry(name)
            if "pattern" not in entry:
                raise WordsError(f"{self.origin}: {name!r} is not a pattern")
            try:
                self._compiled[name] = compile_pattern(self.expand(entry["pattern"]))
            except re.error as exc:
                raise WordsError(f"{self.origin}: pattern {name!r} does not compile: {exc}") from None
        return self._compiled[name]

    def merged(self, extra: Mapping[str, Mapping[str, Any]], origin: str) -> Words:
        """These words with ``extra`` added; an entry of ``extra`` replaces a shipped one of the same name."""
        entries = dict(self.entries)
        entries.update(validate_entries(extra, origin))
        return Words(entries, origin)


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def validate_entries(entries: Mapping[str, Any], origin: str) -> dict[str, Mapping[str, Any]]:
    out = {}
    for name, entry in entries.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise WordsError(
                f"{origin}: vocabulary entry {name!r}: names are lower-case letters, digits and _"
            )
        if not isinstance(entry, Mapping):
            raise WordsError(f"{origin}: vocabulary entry {name!r} must be a table")
        kinds = [k for k in _KINDS if k in entry]
        if len(kinds) != 1:
            raise WordsError(f"{origin}: vocabulary entry {name!r} needs exactly one of: {', '.join(_KINDS)}")
        kind = kinds[0]
        value = entry[kind]
        ok = {
            "words": isinstance(value, list) and value and all(isinstance(w, str) and w for w in value),
            "chars": isinstance(value, str) and value,
            "pattern": isinstance(value, str) and value,
            "map": isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()),
        }[kind]
        if not ok:
            raise WordsError(f"{origin}: vocabulary entry {name!r}: {kind} is empty or malformed")
        out[name] = entry
    return out


@functools.cache
def load_words() -> Words:
    """The shipped vocabulary, loaded once per process."""
    text = resources.files("kg.data").joinpath("words.toml").read_text(encoding="utf-8")
    origin = "kg/data/words.toml"
    try:
        data = parsed_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise WordsError(f"{origin}: {exc}") from None
    return Words(validate_entries(data, origin), origin)
