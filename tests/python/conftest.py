"""Shared fixtures: the repository, the munisim binary under test, one demo output per session, and
child processes that are ended with the test."""
import os
import pathlib
import sys

import pytest

import identical_outputs
import processes

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
# The munisim Python package is assembled by the build in build/python.
PYTHON_PACKAGE_DIR = pathlib.Path(os.environ.get("MUNISIM_PYTHON_DIR", REPO_ROOT / "build" / "python"))
sys.path.insert(0, str(PYTHON_PACKAGE_DIR))


def pytest_configure(config):
    config.addinivalue_line("markers", "measures_memory: limits or measures the memory of the munisim process")


def pytest_collection_modifyitems(config, items):
    """Under AddressSanitizer (.ci/sanitize sets MUNISIM_SANITIZER=address) a program maps terabytes
    of shadow address space and uses about twice the memory, so address-space limits and peak-memory
    figures say nothing about munisim: those tests are skipped there and run in the plain stage."""
    if os.environ.get("MUNISIM_SANITIZER") != "address":
        return
    skip = pytest.mark.skip(reason="memory limits and figures do not apply under AddressSanitizer")
    for item in items:
        if "measures_memory" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT


@pytest.fixture(scope="session")
def munisim_bin():
    binary = pathlib.Path(os.environ.get("MUNISIM_BIN", REPO_ROOT / "build" / "bin" / "munisim"))
    if not binary.exists():
        pytest.fail(f"munisim binary not found at {binary}; build first or set MUNISIM_BIN")
    return binary


@pytest.fixture(scope="session")
def demo_output(munisim_bin, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo.h5"
    # With traces of day 2, so the documented /events layout is checked too.
    result = processes.run([munisim_bin, "run", REPO_ROOT / "scenarios" / "demo.yaml", "--out", out, "--days", 7,
                            "--set", "output.traces.days=[2]", "--quiet"], timeout=300)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def provenance():
    """The provenance attributes of /meta (docs/output-format.md), read once per session."""
    return identical_outputs.provenance_attributes(REPO_ROOT)


@pytest.fixture
def children():
    """Starts child processes (processes.Children.start); every one still running is killed at teardown."""
    started = processes.Children()
    try:
        yield started
    finally:
        started.end_all()
