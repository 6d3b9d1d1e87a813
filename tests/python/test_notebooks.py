"""The notebooks in viz/notebooks run top to bottom with Debian's Python kernel, and are
committed without outputs."""
import json

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = ["first-simulation", "pilot-trujillo", "policy-experiment", "safer-transport-for-women",
             "siloed-vs-integrated"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_top_to_bottom(repo_root, name, monkeypatch):
    path = repo_root / "viz" / "notebooks" / f"{name}.ipynb"
    committed = json.loads(path.read_text())
    assert all(not cell.get("outputs") for cell in committed["cells"]), "commit notebooks without outputs"
    notebook = nbformat.read(path, as_version=4)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("MUNISIM_PYTHON_DIR", str(repo_root / "build" / "python"))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "error"]
    assert not errors
