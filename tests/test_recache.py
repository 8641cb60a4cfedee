"""Compiled patterns kept between runs (kg/recache.py): the same pattern as re.compile, whatever the folder holds."""

import re

import pytest

from kg.recache import cache_folder, compile_pattern

SAMPLES = ["锋泰科技宣布完成C轮融资", "由青禾资本领投", "abc 123", ""]
PATTERN = r"(?P<org>[\u4e00-\u9fff]{2,4})(?:科技|资本)(?=宣布|领投)|(?P<num>\d+)"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (
        a.pattern == b.pattern
        and a.flags == b.flags
        and a.groupindex == b.groupindex
        and a.groups == b.groups
    )
    for text in SAMPLES:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


def test_written_then_read_back_as_the_same_pattern(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    first = compile_pattern(PATTERN)
    files = list(cache_folder().glob("*.re"))
    assert len(files) == 1
    again = compile_pattern(PATTERN)  # from the file this time
    _same(first, re.compile(PATTERN))
    _same(again, re.compile(PATTERN))
    assert compile_pattern(PATTERN).search("锋泰科技宣布").group("org") == "锋泰"


def test_a_damaged_file_is_compiled_afresh_and_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    compile_pattern(PATTERN)
    (path,) = cache_folder().glob("*.re")
    path.write_bytes(b"not a pattern")
    _same(compile_pattern(PATTERN), re.compile(PATTERN))
    assert path.read_bytes() != b"not a pattern"


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "none")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() is None
    _same(compile_pattern(PATTERN), re.compile(PATTERN))
    assert not any(tmp_path.iterdir())


def test_an_unwritable_folder_still_compiles(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "below"))  # a folder under a file cannot be made
    _same(compile_pattern(PATTERN), re.compile(PATTERN))


def test_a_bad_pattern_is_an_error_as_with_re(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    with pytest.raises(re.error):
        compile_pattern("(?P<x>")


def test_a_folder_others_may_write_in_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    compile_pattern(PATTERN)
    folder = cache_folder()
    folder.chmod(0o777)
    assert cache_folder() is None  # (what anyone may have put there is not read)
    _same(compile_pattern(PATTERN), re.compile(PATTERN))
    folder.chmod(0o755)
    assert cache_folder() == folder


def test_the_folder_is_made_private_whatever_the_umask(tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    old = os.umask(0o002)
    try:
        compile_pattern(PATTERN)
    finally:
        os.umask(old)
    assert cache_folder() is not None and list(cache_folder().glob("*.re"))


def test_plain_data_is_kept_under_its_key_and_rebuilt_for_another(tmp_path, monkeypatch):
    from kg.recache import cached_data

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def build(value):
        calls.append(value)
        return {"rows": (value, frozenset({"a"}))}

    assert cached_data("t", b"one", lambda: build(1)) == {"rows": (1, frozenset({"a"}))}
    assert cached_data("t", b"one", lambda: build(2)) == {
        "rows": (1, frozenset({"a"}))
    }  # read back, not built
    assert cached_data("t", b"two", lambda: build(3)) == {"rows": (3, frozenset({"a"}))}
    assert calls == [1, 3] and len(list(cache_folder().glob("t-*.data"))) == 2


@pytest.mark.slow  # parses the whole knowledge base twice (a second each)
def test_the_knowledge_base_read_from_the_cache_is_the_one_parsed_and_a_damaged_file_is_parsed_again(
    tmp_path, monkeypatch
):
    from kg import kb

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    kb.load_kb.cache_clear()
    try:
        parsed = kb.load_kb()  # parsed, and kept
        (path,) = cache_folder().glob("kb-*.data")
        kb.load_kb.cache_clear()
        assert kb.load_kb() == parsed  # read back
        path.write_bytes(b"not zlib at all")
        kb.load_kb.cache_clear()
        assert kb.load_kb() == parsed  # parsed again
    finally:
        kb.load_kb.cache_clear()


def test_a_cached_knowledge_base_of_the_wrong_shape_is_refused():
    from kg import kb

    with pytest.raises(ValueError):
        kb._from_plain(([(1, 2)], {}, [], {}))
    with pytest.raises(TypeError):
        kb._from_plain(([("id", 1, "Company", (), (), frozenset(), frozenset(), frozenset())], {}, [], {}))


def test_a_lexicon_alternation_is_kept_and_read_back_as_the_same_pattern(tmp_path, monkeypatch):
    from kg.recognize.lexicon import _alternation, _trie_of

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    words = ["青禾科技", "青禾", "锋泰集团", "QQ音乐", "Q", "青禾科技"]
    built = _alternation(words)
    assert built == _trie_of(sorted(set(words))) and len(list(cache_folder().glob("alternation-*.data"))) == 1
    assert _alternation(list(reversed(words))) == built  # the same words in another order: the same file
    assert len(list(cache_folder().glob("alternation-*.data"))) == 1
    assert re.fullmatch(built, "青禾科技") and not re.fullmatch(built, "青禾集团")


def test_toml_is_kept_under_its_text_and_a_changed_or_damaged_one_is_parsed_again(tmp_path, monkeypatch):
    import tomllib

    from kg.recache import parsed_toml

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    text = '[rule]\nname = "a"\nexamples = [{ text = "锋泰科技", n = 1, share = 0.5, ok = true }]\n'
    assert parsed_toml(text) == tomllib.loads(text)
    (path,) = cache_folder().glob("toml-*.data")
    assert parsed_toml(text) == tomllib.loads(text)  # read back
    changed = text.replace('"a"', '"b"')
    assert parsed_toml(changed) == tomllib.loads(changed) != tomllib.loads(text)  # another text, another file
    assert len(list(cache_folder().glob("toml-*.data"))) == 2
    path.write_bytes(b"not zlib at all")
    assert parsed_toml(text) == tomllib.loads(text)
    with pytest.raises(tomllib.TOMLDecodeError):
        parsed_toml("[rule\n")
