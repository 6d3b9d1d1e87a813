"""Real-data scenarios through the command line: a hand-made town with streets, boundaries and a
bus line; bad input files stop the run with exit code 2, a message naming the file and the record,
and no output; a missing data folder falls back to synthetic streets and says so."""
import shutil

import h5py
import pytest

import processes

@pytest.fixture
def town(repo_root, tmp_path):
    """A writable copy of the test town (its scenario and data side by side) and a way to run it."""
    data = tmp_path / "data"
    shutil.copytree(repo_root / "tests" / "model" / "fixtures" / "town", data)
    shutil.copy(repo_root / "tests" / "data" / "fixtures" / "osm" / "tiny.osm.pbf", data / "tiny.osm.pbf")
    return data, data / "town.yaml"


def run(munisim_bin, scenario, out, *extra):
    return processes.run([munisim_bin, "run", scenario, "--out", out, "--quiet", "--set", "mobility.enabled=true",
                          *extra], timeout=120, env={"MUNISIM_CACHE_DIR": str(out.parent)})


def test_town_runs_on_its_streets_with_geometry(munisim_bin, town, tmp_path):
    _, scenario = town
    out = tmp_path / "town.h5"
    result = run(munisim_bin, scenario, out)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    with h5py.File(out) as f:
        assert f["meta"].attrs["city_source"] == "OpenStreetMap streets.osm"
        assert f["meta"].attrs["transit_lines"] == 1
        geometry = f["geometry"]
        for table in ["district_boundaries", "transit_stops", "transit_lines", "transit_line_paths",
                      "transit_line_stops"]:
            assert table in geometry
        assert set(geometry["district_boundaries/district"][()]) == {0, 1}
        assert geometry["transit_lines/headway_am_peak"][0] == 10.0
        assert geometry["transit_lines/headway_am_peak"].attrs["unit"] == "min"


def bad_input(munisim_bin, scenario, tmp_path, *extra):
    out = tmp_path / "bad.h5"
    result = run(munisim_bin, scenario, out, *extra)
    assert result.returncode == 2, result.stderr
    assert not out.exists()
    assert list(tmp_path.glob("bad.h5*")) == []
    return result.stderr


def test_truncated_pbf(munisim_bin, town, tmp_path):
    data, scenario = town
    pbf = data / "tiny.osm.pbf"
    pbf.write_bytes(pbf.read_bytes()[: pbf.stat().st_size // 2])
    message = bad_input(munisim_bin, scenario, tmp_path, "--set", "city.streets.osm=tiny.osm.pbf")
    assert f"{pbf}: city.streets.osm: cannot read OpenStreetMap data" in message


def test_gtfs_missing_required_file(munisim_bin, town, tmp_path):
    data, scenario = town
    (data / "gtfs" / "stop_times.txt").unlink()
    message = bad_input(munisim_bin, scenario, tmp_path)
    assert "required file stop_times.txt is missing" in message
    assert str(data / "gtfs") in message


def test_gtfs_trip_naming_an_unknown_stop(munisim_bin, town, tmp_path):
    data, scenario = town
    stop_times = data / "gtfs" / "stop_times.txt"
    stop_times.write_text(stop_times.read_text().replace("T1,06:02:00,06:02:00,S2,2", "T1,06:02:00,06:02:00,S9,2"))
    message = bad_input(munisim_bin, scenario, tmp_path)
    assert f"{data / 'gtfs' / 'stop_times.txt'}:3:" in message
    assert "'S9'" in message and "'T1'" in message


def test_invalid_polygon(munisim_bin, town, tmp_path):
    data, scenario = town
    boundaries = data / "districts.geojson"
    # WEST's square becomes a bow-tie: its outer ring crosses itself.
    boundaries.write_text(boundaries.read_text().replace(
        "[[-0.0005, -0.0005], [0.0025, -0.0005], [0.0025, 0.0025], [-0.0005, 0.0025], [-0.0005, -0.0005]]",
        "[[-0.0005, -0.0005], [0.0025, 0.0025], [0.0025, -0.0005], [-0.0005, 0.0025], [-0.0005, -0.0005]]"))
    message = bad_input(munisim_bin, scenario, tmp_path)
    assert f"{boundaries}: features[0] (IDDIST 999901)" in message
    assert "intersect" in message or "cross" in message


def test_ubigeo_matching_nothing(munisim_bin, repo_root, tmp_path):
    data = repo_root.parent / "shared" / "data"
    if not (data / "peru-districts").exists():
        pytest.skip(f"no data folder at {data} (the shared data is not in this checkout)")
    out = tmp_path / "bad.h5"
    result = run(munisim_bin, repo_root / "scenarios" / "any-district.yaml", out, "--data-dir", data,
                 "--set", "city.ubigeo=999999")
    assert result.returncode == 2 and not out.exists()
    assert "999999" in result.stderr and "inei_municipalidades_2025.csv" in result.stderr


def test_missing_data_folder_falls_back_to_synthetic_streets(munisim_bin, town, tmp_path):
    _, scenario = town
    out = tmp_path / "fallback.h5"
    result = run(munisim_bin, scenario, out, "--set", f"data_dir=\"{tmp_path / 'nowhere'}\"")
    assert result.returncode == 0, result.stderr
    assert "warning: the data directory" in result.stderr
    assert "Town runs on the synthetic street grid" in result.stderr
    with h5py.File(out) as f:
        assert f["meta"].attrs["city_source"].startswith("synthetic (fallback: the data directory")
        assert "synthetic street grid" in f["meta"].attrs["city_data"]
