"""A real output checked against docs/output-format.md: every documented path and attribute is
there, and nothing in the file is undocumented."""
import re

import h5py
import numpy as np
import pytest


def documented_layout(repo_root, heading="## Layout"):
    """Rows of the layout table under `heading`: (path pattern, kind, required attributes)."""
    text = (repo_root / "docs" / "output-format.md").read_text()
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`/"):
            attributes = [a.strip() for a in cells[2].split(",") if a.strip()]
            rows.append((cells[0].strip("`"), cells[1], attributes))
    return rows


def pattern(path):
    return re.compile("^" + re.sub(r"<[a-z_]+>", "[^/]+", re.escape(path).replace(r"\<", "<").replace(r"\>", ">")) + "$")


def objects(h5file):
    names = []
    h5file.visit(lambda name: names.append("/" + name))
    return names


@pytest.fixture(scope="module")
def layout(repo_root):
    rows = documented_layout(repo_root)
    assert len(rows) >= 10, "the layout table was not found"
    return rows


def test_every_object_is_documented(demo_output, layout):
    with h5py.File(demo_output) as f:
        for name in objects(f):
            assert any(pattern(path).match(name) for path, _, _ in layout), f"{name} is not in docs/output-format.md"


def test_every_documented_path_exists_with_its_attributes(demo_output, layout):
    with h5py.File(demo_output) as f:
        names = ["/"] + objects(f)
        for path, kind, attributes in layout:
            matches = [n for n in names if pattern(path).match(n)]
            assert matches or "optional" in kind, f"documented {path} is missing"
            for name in matches:
                obj = f[name]
                assert isinstance(obj, h5py.Group) == kind.startswith("group"), f"{name} should be a {kind}"
                for attribute in attributes:
                    if "<dim>" in attribute:
                        for dim in obj.attrs["dims"][1:]:
                            assert f"labels_{dim}" in obj.attrs, f"{name} lacks labels_{dim}"
                    else:
                        assert attribute in obj.attrs, f"{name} lacks attribute {attribute}"


def test_series_shapes_follow_days_dims_and_labels(demo_output):
    with h5py.File(demo_output) as f:
        days = int(f["meta"].attrs["days_run"])
        assert days == 7
        assert len(f["meta/dates"]) == days and f["meta/dates"][0].decode() == f["meta"].attrs["start_date"]
        for name, series in f["series"].items():
            dims = list(series.attrs["dims"])
            assert dims[0] == "day" and series.shape[0] == days, name
            assert len(dims) == series.ndim, name
            for axis, dim in enumerate(dims[1:], start=1):
                assert len(series.attrs[f"labels_{dim}"]) == series.shape[axis], (name, dim)
            assert series.dtype == np.float64
            assert series.attrs["summary"] in ("none", "total", "mean", "last")
            assert series.attrs["unit"], name
            assert series.compression == "gzip" and series.shuffle, name


def test_documented_series_table_matches_the_file(repo_root, demo_output):
    text = (repo_root / "docs" / "output-format.md").read_text()
    table = text.split("Series today", 1)[1].split("\n## ", 1)[0]
    documented, optional = {}, set()
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            documented[cells[0].strip("`")] = (cells[1], [d.strip() for d in cells[2].split(",")])
            if "present only with" in cells[3]:  # a series that a setting off in the demo turns on
                optional.add(cells[0].strip("`"))
    with h5py.File(demo_output) as f:
        written = set(f["series"])
        assert set(documented) - optional == written - optional, "the series table in docs/output-format.md is out of date"
        assert written <= set(documented)
        for name in written:
            unit, dims = documented[name]
            assert f["series"][name].attrs["unit"] == unit, name
            assert list(f["series"][name].attrs["dims"]) == dims, name


def test_scenario_text_and_resolved_config_are_kept(repo_root, demo_output):
    with h5py.File(demo_output) as f:
        text = f["meta/scenario/text"][()].decode()
        resolved = f["meta/scenario/resolved"][()].decode()
    assert text == (repo_root / "scenarios" / "demo.yaml").read_text()
    assert "days: 7" in resolved and "sampling: 1" in resolved


def test_census_adds_up_to_the_scenario_population(demo_output):
    with h5py.File(demo_output) as f:
        census = f["series/population_persons"][()]
        population = f["geometry/districts/population"][()]
    np.testing.assert_allclose(census.sum(axis=(2, 3)), np.broadcast_to(population, census.shape[:2]), rtol=1e-12)
