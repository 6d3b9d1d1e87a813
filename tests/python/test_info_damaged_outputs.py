"""`munisim info` on files that look like outputs but lie about their sizes or shapes: exit 2 with
the file and what is wrong, before anything the file claims is allocated (docs/reliability.md)."""
import h5py
import numpy as np
import pytest

import processes

TEXT = h5py.string_dtype()


def output(path, series_shape=(2,), allocate=True, days_attribute=2.0, dates=2):
    with h5py.File(path, "w") as f:
        meta = f.create_group("meta")
        meta.attrs["days"] = days_attribute
        meta.create_dataset("scenario/text", data="name: x\n", dtype=TEXT)
        meta.create_dataset("scenario/resolved", data="name: x\n", dtype=TEXT)
        meta.create_dataset("dates", data=[f"2025-01-0{i + 1}" for i in range(dates)], dtype=TEXT)
        if allocate:
            series = f.create_dataset("series/population_persons", data=np.ones(series_shape))
        else:
            series = f.create_dataset("series/population_persons", shape=series_shape, dtype="f8",
                                      chunks=(1024,) * len(series_shape))
        series.attrs["unit"] = "persons"
        series.attrs["description"] = "residents"
        series.attrs["summary"] = "last"
        series.attrs.create("dims", data=["day"] + ["x"] * (len(series_shape) - 1), dtype=TEXT)
        if len(series_shape) > 1:
            series.attrs.create("labels_x", data=[f"x{i}" for i in range(series_shape[1])], dtype=TEXT)
    return path


@pytest.mark.parametrize("case, problem", [
    ("huge_series", "declares 1099511627776 elements in series population_persons but stores only 0 bytes"),
    ("rows_not_dates", "series population_persons does not have one row for each of the 2 dates"),
    ("meta_number_list", "/meta attribute days is not one number"),
])
def test_damaged_output_is_refused_with_exit_2(munisim_bin, tmp_path, case, problem):
    path = tmp_path / f"{case}.h5"
    if case == "huge_series":
        output(path, series_shape=(2**40,), allocate=False)
    elif case == "rows_not_dates":
        output(path, series_shape=(5, 3))
    else:
        output(path, days_attribute=np.arange(10.0))
    result = processes.run([munisim_bin, "info", path], timeout=60)
    assert result.returncode == 2, result.stderr
    assert str(path) in result.stderr
    assert problem in result.stderr


def test_a_real_output_still_reads(munisim_bin, demo_output):
    result = processes.run([munisim_bin, "info", demo_output], timeout=60)
    assert result.returncode == 0, result.stderr
    assert "population_persons" in result.stdout


def test_a_truncated_output_is_bad_input_not_an_internal_error(munisim_bin, demo_output, tmp_path):
    truncated = tmp_path / "truncated.h5"
    truncated.write_bytes(demo_output.read_bytes()[:100000])
    result = processes.run([munisim_bin, "info", truncated], timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"{truncated}: is a damaged or truncated HDF5 file" in result.stderr


def damage_geometry(path, case):
    """Replaces one column of /geometry/districts: HDF5 refuses to read it, or it lies about its size."""
    with h5py.File(path, "r+") as f:
        districts = f["geometry/districts"]
        kind = "text" if case == "fixed_length_names" else "number"
        name = next(column for column, data in districts.items()
                    if (data.dtype.kind == "O") == (kind == "text"))
        del districts[name]
        if case == "fixed_length_names":
            districts.create_dataset(name, data=np.array([b"a", b"b"], dtype="S1"))
        elif case == "huge_number_column":
            districts.create_dataset(name, shape=(2**40,), dtype="f8", chunks=(1024,))
        else:
            districts.create_dataset(name, data=np.zeros(3, dtype=[("x", "f8"), ("y", "i4")]))
        return name


@pytest.mark.parametrize("case, problem", [
    ("fixed_length_names", "is not a readable munisim output"),
    ("huge_number_column", "declares 1099511627776 elements in"),
    ("compound_number_column", "is not a readable munisim output"),
])
def test_a_report_of_an_output_with_damaged_geometry_exits_2(munisim_bin, demo_output, tmp_path, case, problem):
    path = tmp_path / f"{case}.h5"
    path.write_bytes(demo_output.read_bytes())
    column = damage_geometry(path, case)
    result = processes.run([munisim_bin, "report", path, "-o", tmp_path / "report.html"], timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"{path}: " in result.stderr
    assert problem in result.stderr
    assert column in result.stderr
    assert not (tmp_path / "report.html").exists()
