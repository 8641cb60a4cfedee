"""The README is the user's first contact: its commands, options and query files must exist and be true."""

import re

from click.testing import CliRunner
from conftest import ROOT

from kg.cli import main
from kg.export import FORMATS
from kg.vocab import PREDICATES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_install_and_build_then_install_and_test():
    blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    assert "pip install -e ." in blocks[0] and "kg build examples/" in blocks[0]
    assert 'pip install -e ".[dev]"' in blocks[1] and "python -m pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[dev]"' in ci and "\npython -m pytest\n" in ci


def test_every_path_the_readme_names_exists():
    for path in set(re.findall(r"(?:examples|ontology|benchmarks)/[\w./-]+\.(?:txt|rq|ttl|py)", README)):
        assert (ROOT / path).exists(), path


def test_every_command_and_format_is_documented():
    for name in main.commands:
        assert f"kg {name}" in README
    for fmt in FORMATS:
        assert fmt in README
    for predicate in PREDICATES:
        assert predicate in README


def test_every_build_option_is_documented_in_help():
    out = CliRunner().invoke(main, ["build", "--help"]).output
    for option in ("--out", "--format", "--base", "--segmenter", "--model", "--min-confidence", "--quiet"):
        assert option in out


def test_the_library_example_runs_as_written(tmp_path, monkeypatch, capsys):
    code = re.search(r"As a library:\n\n```python\n(.*?)```", README, re.S).group(1)
    (tmp_path / "examples").mkdir()
    example = ROOT / "examples" / "qinglan_battery.txt"
    (tmp_path / "examples" / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0 and (tmp_path / "out" / "graph.html").exists()
    assert "leads" in printed and re.search(
        r"^\S+ \d+ \d+ \d+$", printed, re.M
    )  # a fact line and a per-document line
