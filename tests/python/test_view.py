"""munisim.view from Python: serves the viewer's API for an output on 127.0.0.1 and stops; a file
that is not a munisim output raises the command line's message."""
import json
import urllib.request

import pytest


def test_view_serves_the_catalogue_and_stops(demo_output, munisim_bin, monkeypatch):
    import munisim

    monkeypatch.setenv("MUNISIM_BIN", str(munisim_bin))
    viewer = munisim.view(demo_output)
    try:
        assert viewer.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(viewer.url + "api/catalogue", timeout=10) as response:
            catalogue = json.load(response)
        run = catalogue["runs"][0]
        assert run["meta"]["scenario_name"] == "demo"
        assert run["trace_days"] == [2]
        assert any(s["name"] == "waste_collected_t" and s["unit"] == "t" for s in run["series"])
        with urllib.request.urlopen(viewer.url, timeout=10) as response:
            assert b"<title>munisim viewer</title>" in response.read()
    finally:
        viewer.stop()
    assert not viewer.running
    assert viewer._process.returncode == 0  # Ctrl-C (SIGINT) ends the server cleanly


def test_view_of_a_file_that_is_not_an_output_raises(tmp_path, munisim_bin, monkeypatch):
    import munisim

    monkeypatch.setenv("MUNISIM_BIN", str(munisim_bin))
    bad = tmp_path / "notes.h5"
    bad.write_text("not HDF5")
    with pytest.raises(ValueError, match="notes.h5: is not an HDF5 file"):
        munisim.view(bad)
