"""The notebooks in viz/notebooks run top to bottom with Debian's Python kernel, show every figure
they draw, and are committed without outputs."""
import json
import re

import nbformat
import pytest
from nbclient import NotebookClient
from conftest import PYTHON_PACKAGE_DIR

NOTEBOOKS = ["first-simulation", "pilot-trujillo", "policy-experiment", "safer-transport-for-women",
             "siloed-vs-integrated", "funding-mechanisms"]

# A call that draws whenever its cell runs: at a line's start, maybe assigned (`ax = viz.x(...)`).
# A drawing inside an `if` (indented: e.g. a map the data folder may not hold) is not required.
PLOTTING = re.compile(r"^(?:\w[\w, ]*=\s*)?(?:viz\.\w+\(|plt\.(?:subplots|figure|show)\()", re.MULTILINE)


def plotting_cells_without_a_picture(notebook):
    """Indexes of the code cells that draw but displayed no image/png (what a student would see
    as a plot that never appears)."""
    return [index for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and PLOTTING.search(cell.source)
            and not any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_top_to_bottom_and_shows_its_figures(repo_root, name, monkeypatch):
    path = repo_root / "viz" / "notebooks" / f"{name}.ipynb"
    committed = json.loads(path.read_text())
    assert all(not cell.get("outputs") for cell in committed["cells"]), "commit notebooks without outputs"
    notebook = nbformat.read(path, as_version=4)
    assert any(PLOTTING.search(cell.source) for cell in notebook.cells if cell.cell_type == "code")
    # The kernel keeps the backend a student's Jupyter gives it (ipykernel's inline backend): no MPLBACKEND.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("MUNISIM_PYTHON_DIR", str(PYTHON_PACKAGE_DIR))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "error"]
    assert not errors
    assert plotting_cells_without_a_picture(notebook) == []


def test_a_plotting_cell_without_a_picture_is_found():
    drawn = nbformat.v4.new_code_cell("viz.plot_series(result, 'waste_collected_t');", outputs=[
        nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"})])
    hidden = nbformat.v4.new_code_cell("viz.breakdown(result, 'population_persons', 'gender');", outputs=[
        nbformat.v4.new_output("execute_result", data={"text/plain": "<Axes: >"}, execution_count=1)])
    text = nbformat.v4.new_code_cell("print(result.names)")
    notebook = nbformat.v4.new_notebook(cells=[drawn, hidden, text])
    assert plotting_cells_without_a_picture(notebook) == [1]
