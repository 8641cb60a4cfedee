"""The curated lexicon (package data): names with types and aliases, titles, places, surnames, stop nouns."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..recache import cached_data, compile_pattern
from ..types import ENTITY_TYPES, TYPES
from ..words import load_words
from .nameindex import NameIndex


@dataclass(frozen=True)
class LexEntry:
    canonical: str
    types: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, LexEntry]  # every surface form (canonical and alias) → entry
    titles: dict[str, str]  # title → role (founder / leads / works)
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    non_entities: frozenset[str]
    org_suffixes: tuple[tuple[str, str], ...]  # (suffix, type), longest first
    measures: tuple[str, ...]  # longest first
    name_pattern: re.Pattern[str]
    name_index: NameIndex  # the names as ``name_pattern`` finds them, faster (``name_spans``)
    title_pattern: re.Pattern[str]
    measure_pattern: re.Pattern[str]
    title_domains: tuple[str, ...]  # longest first
    # a well-known product or platform's canonical name → (its makers, most specific first; the year since)
    makers: dict[str, tuple[tuple[str, ...], int | None]] = field(default_factory=dict)

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each known name in ``text``: the spans of ``name_pattern.finditer(text)``."""
        return self.name_index.spans(text)

    @functools.cached_property
    def suffix_words(self) -> tuple[str, ...]:
        """The words that end organisation names, longest first (for ``str.startswith`` / ``endswith``)."""
        return tuple(suffix for suffix, _ in self.org_suffixes)

    def segmenter_words(self) -> list[tuple[str, str]]:
        """Words to add to the segmenter so that known names and titles come out whole."""
        words = [(name, TYPES[e.types[0]].segmenter) for name, e in self.names.items() if not name.isascii()]
        words += [(t, "n") for t in self.titles if not t.isascii()]
        # the longer words that end organisation names (事业群, 研究中心), so that the segmenter does not glue the
        # next character onto them (事业|群由)
        words += [
            (suffix, TYPES[type_].segmenter)
            for suffix, type_ in self.org_suffixes
            if len(suffix) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", suffix)
        ]
        # verbs of deal news the dictionary lacks (腾讯领投青禾科技 was cut 领投青|禾)
        words += [(verb, "v") for verb in load_words().words("segmenter_verb")]
        words += [(noun, "n") for noun in load_words().words("segmenter_noun")]
        return sorted(words)

    def surname_length(self, text: str, start: int = 0) -> int:
        """The length of the surname that begins at ``start`` (2 for a compound surname), or 0."""
        if text[start : start + 2] in self.compound_surnames:
            return 2
        return 1 if start < len(text) and text[start] in self.surnames else 0

    def owner_of(self, key: str, types: tuple[str, ...]) -> tuple[str, LexEntry] | None:
        """The longest known name of one of ``types`` that begins ``key`` and is shorter, with its entry
        (快手 for 快手电商, 網易 for 網易遊戲)."""
        for end in range(len(key) - 1, 1, -1):
            entry = self.names.get(key[:end])
            if entry and entry.types[0] in types:
                return key[:end], entry
        return None

    @functools.cached_property
    def latin_names(self) -> dict[str, LexEntry]:
        """Latin-script names of five letters or more, lower-cased, for typo matching."""
        return {name.lower(): e for name, e in self.names.items() if name.isascii() and len(name) >= 5}

    @functools.cached_property
    def latin_keys(self) -> tuple[str, ...]:
        return tuple(sorted(self.latin_names))

    @functools.cached_property
    def latin_by_length(self) -> dict[int, tuple[str, ...]]:
        """``latin_keys`` by length: typo matching compares only names of about the same length."""
        out: dict[int, list[str]] = {}
        for name in self.latin_keys:
            out.setdefault(len(name), []).append(name)
        return {size: tuple(names) for size, names in out.items()}

    @functools.cached_property
    def fuzzy_cache(self) -> dict[str, str | None]:
        """Words already matched against ``latin_names`` (a word → its nearest name, or None)."""
        return {}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> list[str]:
    return [w for row in _rows(name) for cell in row for w in cell.split()]


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, shaped as a trie: at each position the engine follows
    one branch per character instead of trying every word (a flat alternation of 2,000 names is ~10x slower).
    Built once per machine for the same words (``recache.cached_data``; tens of thousands of names take a
    quarter of a second)."""
    unique = sorted(set(words))
    kept = cached_data("alternation", "\n".join(unique).encode("utf-8"), lambda: _trie_of(unique))
    return kept if isinstance(kept, str) else _trie_of(unique)


def _trie_of(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _guarded(words, pattern: str) -> str:
    """``pattern`` (which matches only ``words``) behind a look-ahead for their first characters: the engine
    rejects a position with one class test instead of trying every branch there (the same matches, ~4x faster)."""
    first = sorted({w[0] for w in words if w})
    return "(?=[" + "".join(re.escape(ch) for ch in first) + "])(?:" + pattern + ")" if first else pattern


def _trie_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


_SCRIPT_RUN = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9]+")


def _spaced(name: str) -> list[str]:
    """B站 as news often types it, with a blank where Latin letters or digits meet Chinese: B 站, QQ 音乐, 小米 SU7
    (every choice of blanks at up to three such boundaries)."""
    runs = _SCRIPT_RUN.findall(name)
    if len(runs) < 2 or len(runs) > 4 or any(" " in r for r in runs) or name.isascii():
        return []
    out = []
    for mask in range(1, 2 ** (len(runs) - 1)):
        parts = [runs[0]]
        for i, run in enumerate(runs[1:]):
            parts.append((" " if mask >> i & 1 else "") + run)
        out.append("".join(parts))
    return out


def _add(names: dict[str, LexEntry], entry: LexEntry, surfaces: list[str], *, override: bool) -> None:
    for surface in surfaces:
        if override:
            names[surface] = entry
        else:
            names.setdefault(surface, entry)


def read_user_lexicon(path: str) -> list[tuple[str, tuple[str, ...], list[str]]]:
    """A user's lexicon: ``name<TAB>type[<TAB>alias|alias…]`` per line (``#`` comments); types as in
    kg/data/types.toml (several with ``|``, the first primary). Raises InputError naming the file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        name = cells[0].strip()
        types = tuple(t.strip() for t in cells[1].split("|") if t.strip()) if len(cells) > 1 else ()
        if not name or not types:
            raise InputError(path, "expected name<TAB>type[<TAB>alias|alias…]", line=lineno)
        unknown = [t for t in types if t not in ENTITY_TYPES]
        if unknown:
            raise InputError(
                path, f"unknown type {unknown[0]!r} (known: {', '.join(ENTITY_TYPES)})", line=lineno
            )
        aliases = [a.strip() for a in cells[2].split("|") if a.strip()] if len(cells) > 2 else []
        rows.append((name, types, aliases))
    return rows


@functools.cache
def load_lexicon(user_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon, with each user lexicon file's entries added (a user's entry wins over a shipped one
    of the same name or alias). Loaded once per set of files."""
    names: dict[str, LexEntry] = {}
    for row in _rows("entities.tsv"):
        canonical, types = row[0].strip(), tuple(t for t in row[1].split("|") if t)
        aliases = [a for a in (row[2].split("|") if len(row) > 2 else []) if a]
        _add(names, LexEntry(canonical, types), [canonical, *aliases], override=False)
    for row in _rows("places.tsv"):
        aliases = [a for a in (row[1].split("|") if len(row) > 1 else []) if a]
        _add(names, LexEntry(row[0].strip(), ("Place",)), [row[0].strip(), *aliases], override=False)
    for path in user_files:
        for name, types, aliases in read_user_lexicon(path):
            _add(names, LexEntry(name, types), [name, *aliases], override=True)
    for surface, entry in list(names.items()):
        for variant in _spaced(surface):
            names.setdefault(variant, entry)
    titles = {row[0]: row[1] for row in _rows("titles.tsv")}
    surnames = _words("surnames.txt")
    # Latin names need word boundaries so that "JD" does not match inside "JDX"; Han names do not.
    han = [n for n in names if not n.isascii()]
    latin = [n for n in names if n.isascii()]
    latin_re = f"(?<![A-Za-z0-9])(?:{_alternation(latin)})(?![A-Za-z0-9])"
    name_re = _guarded(names, f"(?:{_alternation(han)})|{latin_re}")
    organ = load_words().alt("board_not_a_title")  # 董事会董事长: 董事 of 董事会 is no title
    title_re = _guarded(
        titles,
        f"(?!{organ})(?:{_alternation([t for t in titles if not t.isascii()])})|(?<![A-Za-z])(?:{_alternation([t for t in titles if t.isascii()])})(?![A-Za-z])",
    )
    suffixes = [(row[0], row[1]) for row in _rows("org_suffixes.txt")]
    return Lexicon(
        names=names,
        titles=titles,
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        non_entities=frozenset(_words("non_entities.txt")),
        org_suffixes=tuple(sorted(suffixes, key=lambda s: -len(s[0]))),
        measures=tuple(sorted(set(_words("measures.txt")), key=lambda w: (-len(w), w))),
        name_pattern=compile_pattern(name_re),
        name_index=NameIndex.build(names, latin_re, compile_pattern),
        title_pattern=compile_pattern(title_re),
        measure_pattern=compile_pattern(_alternation(_words("measures.txt"))),
        title_domains=tuple(sorted(set(_words("title_domains.txt")), key=lambda w: (-len(w), w))),
        makers={
            row[0]: (tuple(row[1].split("|")), int(row[2]) if len(row) > 2 and row[2].strip() else None)
            for row in _rows("makers.tsv")
        },
    )
