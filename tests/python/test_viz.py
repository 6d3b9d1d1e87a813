"""Plots render, say their units, and draw what the data say."""
import numpy as np
import pytest

import munisim
from munisim import viz


@pytest.fixture(scope="module")
def result(repo_root):
    return munisim.run(munisim.Scenario.load(repo_root / "scenarios" / "demo.yaml"), days=10)


def test_series_over_time_with_one_line_per_district(result, tmp_path):
    ax = viz.plot_series(result, "waste_collected_t", by="district")
    assert ax.get_ylabel() == "waste_collected_t [t]"
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["Centro", "Norte", "Playa"]
    np.testing.assert_allclose(lines[0].get_ydata(), np.asarray(result["waste_collected_t"])[:, 0])
    ax.figure.savefig(tmp_path / "series.png")
    assert (tmp_path / "series.png").stat().st_size > 10_000


def test_variants_with_confidence_bands(repo_root, tmp_path):
    variants = {}
    for trucks in (2, 5):
        scenario = munisim.Scenario.load(repo_root / "scenarios" / "demo.yaml").set("waste.fleet.trucks", trucks)
        variants[f"{trucks} trucks"] = [munisim.run(scenario, seed=seed, days=10) for seed in (1, 2, 3)]
    ax = viz.compare_variants(variants, "waste_street_stock_t")
    assert ax.get_ylabel() == "waste_street_stock_t [t]"
    assert [line.get_label() for line in ax.get_lines()] == ["2 trucks (n=3)", "5 trucks (n=3)"]
    assert len(ax.collections) == 2  # one band per variant
    ax.figure.savefig(tmp_path / "variants.png")


def test_breakdown_by_gender_sums_the_other_dimensions(result):
    ax = viz.breakdown(result, "population_persons", "gender")
    heights = [patch.get_height() for patch in ax.patches]
    expected = np.asarray(result["population_persons"])[-1].sum(axis=(0, 2))
    np.testing.assert_allclose(heights, expected)
    assert "persons" in ax.get_ylabel()


def test_district_map_colours_each_node_by_its_district(result, tmp_path, demo_output):
    ax = viz.district_map(result, "waste_generated_t")
    colours = ax.collections[0].get_array()
    districts = np.asarray(result.geometry["network_nodes"]["district"])
    expected = np.asarray(result["waste_generated_t"])[-1]
    np.testing.assert_allclose(colours, expected[districts])
    assert "schematic" in ax.get_title()
    ax.figure.savefig(tmp_path / "map.png")
    from_file = munisim.open(demo_output)
    assert viz.district_map(from_file, "population_persons").collections
    with pytest.raises(ValueError):
        viz.district_map(result, "waste_truck_km")


@pytest.fixture(scope="module")
def town(repo_root):
    """A hand-made town on real-data inputs: streets from .osm, two district polygons, one bus line."""
    return munisim.run(munisim.Scenario.load(repo_root / "tests" / "model" / "fixtures" / "town" / "town.yaml"))


def test_district_map_on_real_data_fills_each_boundary_polygon(town, tmp_path):
    ax = viz.district_map(town, "population_persons")
    polygons = ax.collections[0]
    expected = np.asarray(town["population_persons"])[-1].sum(axis=(1, 2))
    np.testing.assert_allclose(polygons.get_array(), expected[:2])  # NUEVA has no polygon of its own
    assert len(polygons.get_paths()) == 2
    assert "district boundaries" in ax.get_title()
    assert any(text.get_text() == "© OpenStreetMap contributors" for text in ax.texts)
    ax.figure.savefig(tmp_path / "town.png")


def test_transit_map_colours_lines_by_headway(town, result):
    ax = viz.transit_map(town, period="am_peak")
    running = [c for c in ax.collections if c.get_array() is not None and len(c.get_array()) == 1]
    np.testing.assert_allclose(running[0].get_array(), [10.0])
    assert ax.get_title() == "1 transit lines, 1 running at am_peak"
    assert "0 running" in viz.transit_map(town, period="night").get_title()
    with pytest.raises(ValueError):
        viz.transit_map(result)  # the demo city has no transit feed


def test_plots_keep_the_backend_the_user_chose(result):
    # Jupyter's inline backend must survive munisim.viz, or a notebook shows no figure (issue 15).
    import matplotlib
    import matplotlib.pyplot as plt

    chosen = matplotlib.get_backend()
    plt.switch_backend("svg")
    try:
        viz.plot_series(result, "waste_collected_t")
        viz.breakdown(result, "population_persons", "gender")
        assert matplotlib.get_backend() == "svg"
    finally:
        plt.close("all")
        plt.switch_backend(chosen)
