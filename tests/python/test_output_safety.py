"""An output never replaces an input, and is complete or absent: refused before day 1 when its path,
directory, free space or file-size limit cannot take it (exit 2), and removed with its temporary
file when the disk refuses it during the write (exit 3). Messages name the path and the errno."""
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile

import h5py
import pytest

import munisim
import processes
from identical_outputs import assert_identical_but_provenance


def run(munisim_bin, *args, timeout=300, prefix=()):
    return processes.run([*prefix, munisim_bin, *args], timeout=timeout)


def leftovers(directory):
    return sorted(p.name for p in directory.iterdir() if ".tmp" in p.name or ".munisim-probe" in p.name)


@pytest.fixture
def variant(repo_root, tmp_path):
    """A scenario that extends a copy of the demo, and the files the run reads."""
    shutil.copy(repo_root / "scenarios" / "demo.yaml", tmp_path / "base.yaml")
    scenario = tmp_path / "variant.yaml"
    scenario.write_text("extends: base.yaml\nname: variant\ndays: 2\n")
    return scenario


@pytest.fixture
def with_data(variant, tmp_path):
    """The variant reading a data file too (refused before the city is built, so it need not be real)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "streets.osm").write_text("<osm version='0.6'></osm>\n")
    scenario = tmp_path / "with_data.yaml"
    scenario.write_text("extends: variant.yaml\ndata_dir: data\ncity:\n  streets:\n    osm: streets.osm\n")
    return scenario


def unchanged(path, before):
    return path.read_bytes() == before


@pytest.mark.parametrize("name", ["variant.yaml", "./variant.yaml", "link.yaml", "base.yaml",
                                  "data/streets.osm"])
def test_output_naming_an_input_is_refused_before_day_1(munisim_bin, with_data, variant, tmp_path, monkeypatch,
                                                         name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.yaml").symlink_to(variant)
    target = tmp_path / name
    before = target.read_bytes()
    result = run(munisim_bin, "run", with_data, "--out", name)
    assert result.returncode == 2, result.stderr
    assert "an input of this run" in result.stderr and "nothing was written" in result.stderr
    assert "progress" not in result.stderr
    assert unchanged(target, before) and leftovers(tmp_path) == []


def test_only_hdf5_files_are_replaced(munisim_bin, variant, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("field notes\n")
    result = run(munisim_bin, "run", variant, "--out", notes)
    assert result.returncode == 2 and "is not an HDF5 file" in result.stderr
    assert notes.read_text() == "field notes\n"
    for other in (tmp_path, pathlib.Path("/dev/null")):
        refused = run(munisim_bin, "run", variant, "--out", other)
        assert refused.returncode == 2 and str(other) in refused.stderr, refused.stderr
    out = tmp_path / "run.h5"
    assert run(munisim_bin, "run", variant, "--out", out, "--quiet").returncode == 0
    again = run(munisim_bin, "run", variant, "--out", out, "--quiet", "--seed", 7)
    assert again.returncode == 0, again.stderr
    with h5py.File(out) as f:
        assert f["meta"].attrs["seed"] == 7
    assert leftovers(tmp_path) == []


def test_report_and_python_refuse_the_files_they_read(munisim_bin, variant, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "run.h5"
    assert run(munisim_bin, "run", variant, "--out", out, "--quiet").returncode == 0
    before = out.read_bytes()
    refused = run(munisim_bin, "report", out, "-o", out)
    assert refused.returncode == 2 and "the output it reports on" in refused.stderr
    scenario_refused = run(munisim_bin, "report", out, "-o", variant)
    assert scenario_refused.returncode == 2 and "the scenario of that output" in scenario_refused.stderr
    baseline = tmp_path / "baseline.h5"
    shutil.copy(out, baseline)
    baseline_refused = run(munisim_bin, "report", out, "--baseline", baseline, "-o", baseline)
    assert baseline_refused.returncode == 2 and "the baseline output it compares with" in baseline_refused.stderr
    baseline.unlink()
    with pytest.raises(munisim.ScenarioError, match="an input of this run"):
        munisim.report(out, out)
    result = munisim.run(munisim.Scenario.load(variant))
    with pytest.raises(munisim.ScenarioError, match="an input of this run"):
        result.save(tmp_path / "base.yaml")
    assert out.read_bytes() == before and variant.read_text().startswith("extends: base.yaml")
    assert leftovers(tmp_path) == []


def test_missing_or_file_directory_is_refused_with_its_errno(munisim_bin, variant, tmp_path):
    (tmp_path / "file").write_text("not a directory\n")
    for out, errno_name in ((tmp_path / "missing" / "run.h5", "ENOENT"), (tmp_path / "file" / "run.h5", "ENOTDIR")):
        result = run(munisim_bin, "run", variant, "--out", out)
        assert result.returncode == 2, result.stderr
        assert str(out) in result.stderr and f"({errno_name})" in result.stderr
        assert not out.parent.is_dir() or leftovers(out.parent) == []
    assert leftovers(tmp_path) == []


@pytest.fixture
def shared_dir():
    """A directory that nobody may enter (pytest's own are private to root), removed afterwards."""
    directory = pathlib.Path(tempfile.mkdtemp(prefix="munisim-nobody-"))
    try:
        directory.chmod(0o755)
        yield directory
    finally:
        shutil.rmtree(directory)


def test_unwritable_directory_is_refused_with_its_errno(munisim_bin, variant, shared_dir):
    # Root ignores directory permissions, so the run is made as nobody.
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to run munisim as nobody")
    for name in ("base.yaml", "variant.yaml"):
        shutil.copy(variant.parent / name, shared_dir / name)
        (shared_dir / name).chmod(0o644)
    locked = shared_dir / "locked"
    locked.mkdir(mode=0o555)
    as_nobody = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = run(munisim_bin, "--version", prefix=as_nobody)
    if probe.returncode != 0:
        pytest.skip(f"nobody cannot run {munisim_bin} here: {probe.stderr.strip()}")
    out = locked / "run.h5"
    result = run(munisim_bin, "run", shared_dir / "variant.yaml", "--out", out, "--quiet", prefix=as_nobody)
    assert result.returncode == 2, result.stderr
    assert str(out) in result.stderr and "(EACCES)" in result.stderr
    assert list(locked.iterdir()) == []


def test_file_size_limit_below_the_estimate_is_refused_before_day_1(munisim_bin, variant, tmp_path):
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed")
    out = tmp_path / "run.h5"
    result = run(munisim_bin, "run", variant, "--out", out, "--days", 365, prefix=["prlimit", "--fsize=100000"])
    assert result.returncode == 2, result.stderr
    assert str(out) in result.stderr and "file-size limit" in result.stderr and "(EFBIG)" in result.stderr
    assert "progress" not in result.stderr
    assert not out.exists() and leftovers(tmp_path) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KiB tmpfs, unmounted after the test; skipped where mounting is not allowed."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = processes.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount_point], timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        processes.run(["umount", "-l", mount_point], timeout=30)


def test_disk_too_small_for_the_estimate_is_refused_before_day_1(munisim_bin, variant, small_disk):
    out = small_disk / "run.h5"
    result = run(munisim_bin, "run", variant, "--out", out, "--days", 365)
    assert result.returncode == 2, result.stderr
    assert str(out) in result.stderr and "(ENOSPC)" in result.stderr and "progress" not in result.stderr
    assert list(small_disk.iterdir()) == []


def fill(directory):
    """Writes a file until the disk is full."""
    with open(directory / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def test_disk_filling_up_during_the_run_leaves_nothing(munisim_bin, variant, small_disk, children):
    # The output fits when the run starts; the disk fills while the run is stopped after day 1.
    out = small_disk / "run.h5"
    process = children.start([munisim_bin, "run", variant, "--out", out, "--days", 20, "--threads", 1,
                              "--set", "city.districts[0].population=200000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    processes.line_starting(process.stderr, "progress:", timeout=120)
    process.send_signal(signal.SIGSTOP)
    fill(small_disk)
    process.send_signal(signal.SIGCONT)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 3, stderr
    assert f"cannot write '{out}'" in stderr and "(ENOSPC)" in stderr and "no output written" in stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_two_runs_are_identical_but_for_documented_provenance(munisim_bin, variant, tmp_path, provenance):
    assert {"threads", "wall_seconds", "host"} <= provenance
    outputs = [tmp_path / "a.h5", tmp_path / "b.h5"]
    for out, threads in zip(outputs, (1, 2)):
        result = run(munisim_bin, "run", variant, "--out", out, "--quiet", "--threads", threads)
        assert result.returncode == 0, result.stderr
    assert_identical_but_provenance(outputs[0], outputs[1], provenance)
    with h5py.File(outputs[0]) as a:
        for key in provenance:
            assert key in a["meta"].attrs, f"documented provenance attribute {key} is missing"
