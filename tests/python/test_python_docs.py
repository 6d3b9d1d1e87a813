"""docs/python.md: its examples run, in order, from the repository root."""
import os
import re


def test_every_example_in_python_md_runs(repo_root, tmp_path, monkeypatch):
    text = (repo_root / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 4
    monkeypatch.chdir(repo_root)
    os.makedirs("out", exist_ok=True)
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)  # noqa: S102 - running our own docs
    assert (repo_root / "out" / "variants.png").exists()
