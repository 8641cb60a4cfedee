"""The example notebook runs top to bottom, as Jupyter would run it: each code cell in order, in one
namespace, from the notebook's folder, with each cell's last expression displayed (HTML where it has it)."""

import ast
import json
import shutil

import pytest
from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "notebook.ipynb"


def run_cells(path) -> tuple[dict, list]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {"__name__": "__main__"}
    shown = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, path.name, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), path.name, "eval"), namespace)
            shown.append(value._repr_html_() if hasattr(value, "_repr_html_") else repr(value))
    return namespace, shown


@pytest.mark.slow
def test_the_example_notebook_runs_top_to_bottom(tmp_path, monkeypatch):
    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)
    shutil.copy(ROOT / "examples" / "qinglan_battery.txt", tmp_path)
    monkeypatch.chdir(tmp_path)
    ns, shown = run_cells(tmp_path / NOTEBOOK.name)
    assert shown[1].startswith("<iframe srcdoc=") and "vis.Network" in shown[1]  # the view, offline
    facts = ns["facts"]
    leads = facts[facts.predicate == "leads"]
    assert "沈一鸣" in set(leads.subject_label) and leads.confidence.between(0, 1).all()
    assert ns["entities"].set_index("id").loc["person/沈一鸣", "type"] == "Person"
    assert (ns["figures"].value > 0).all()
    assert "沈一鸣" in set(ns["leaders"].person) and len(ns["result"]) == len(ns["leaders"])
    assert (ns["out"] / "from_networkx.graphml").stat().st_size > 1000


def test_notebook_is_saved_without_outputs():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert all(
        c.get("outputs", []) == [] and c.get("execution_count") is None
        for c in cells
        if c["cell_type"] == "code"
    )


def test_missing_pandas_is_a_one_line_install_hint(monkeypatch):
    import builtins

    import pytest

    import kg
    from kg.errors import MissingDependency

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    graph = kg.build_from_texts(["京东宣布与快手合作。"])
    with pytest.raises(MissingDependency, match=r'pip install "kg\[notebook\]"'):
        graph.to_dataframe()
