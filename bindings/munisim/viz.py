"""Pictures of results with matplotlib: a KPI over time, variants with confidence bands, and
breakdowns by gender, district or income group. Every axis says its unit."""
import numpy as np


def _pyplot():
    # The backend is the user's: Jupyter's inline backend shows figures in a notebook, and
    # matplotlib itself falls back to Agg where there is no display.
    import matplotlib.pyplot as plt

    return plt


def _new_axes(ax):
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=(8, 4.5), layout="constrained")
    return ax


def _date_axis(ax):
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _summed_except(values, dims, keep):
    """Sums a [day, dims...] array over every dimension but day and `keep`."""
    axes = tuple(i + 1 for i, dim in enumerate(dims) if dim != keep)
    return values.sum(axis=axes) if axes else values


def plot_series(result, name, by=None, ax=None):
    """A series over time; with ``by`` (a dimension such as "district" or "gender") one line per label."""
    ax = _new_axes(ax)
    info = result.info(name)
    values = np.asarray(result[name])
    dims = info["dims"][1:]
    dates = result.dates
    if by is None:
        ax.plot(dates, values.reshape(values.shape[0], -1).sum(axis=1), label="total")
    else:
        per_label = _summed_except(values, dims, by)
        for k, label in enumerate(info["labels"][by]):
            ax.plot(dates, per_label[:, k], label=label)
        ax.legend(title=by, fontsize="small")
    ax.set_title(info["description"])
    ax.set_ylabel(f"{name} [{info['unit']}]")
    ax.set_xlabel("date")
    ax.grid(alpha=0.3)
    _date_axis(ax)
    return ax


def compare_variants(variants, name, ax=None, confidence=0.95):
    """Variants (a dict: label -> list of Results, one per replication) as mean lines with a
    confidence band from the replications (normal approximation)."""
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    ax = _new_axes(ax)
    unit = None
    for label, results in variants.items():
        runs = np.array([result.total(name) for result in results])
        mean = runs.mean(axis=0)
        half = z * runs.std(axis=0, ddof=1) / np.sqrt(len(runs)) if len(runs) > 1 else np.zeros_like(mean)
        dates = results[0].dates
        ax.plot(dates, mean, label=f"{label} (n={len(runs)})")
        ax.fill_between(dates, mean - half, mean + half, alpha=0.25)
        unit = results[0].unit(name)
    ax.set_title(f"{name}: mean and {confidence:.0%} confidence band")
    ax.set_ylabel(f"{name} [{unit}]")
    ax.set_xlabel("date")
    ax.legend(fontsize="small")
    ax.grid(alpha=0.3)
    _date_axis(ax)
    return ax


def breakdown(result, name, dim, day=-1, ax=None):
    """Bars of a series split by one dimension (gender, district, income_group, ...) on one day
    (default: the last), summed over the others."""
    ax = _new_axes(ax)
    info = result.info(name)
    values = _summed_except(np.asarray(result[name]), info["dims"][1:], dim)[day]
    labels = info["labels"][dim]
    ax.bar(labels, values)
    ax.set_title(f"{info['description']}, by {dim}, {result.dates[day]}")
    ax.set_ylabel(f"{name} [{info['unit']}]")
    ax.tick_params(axis="x", labelrotation=30)
    ax.grid(axis="y", alpha=0.3)
    return ax


_OSM_CREDIT = "© OpenStreetMap contributors"


def _is_synthetic(result):
    return result.meta.get("city_source", "synthetic").startswith("synthetic")


def _map_frame(ax, title, result):
    """Axes in km of the city's local frame, titled, with the credit OpenStreetMap's licence asks for."""
    ax.set_title(title, fontsize="medium")
    ax.set_xlabel("x [km east]")
    ax.set_ylabel("y [km north]")
    ax.set_aspect("equal")
    if not _is_synthetic(result):
        ax.annotate(_OSM_CREDIT, (1, 0), xycoords="axes fraction", ha="right", va="bottom", fontsize="xx-small",
                    bbox={"fc": "white", "alpha": 0.7, "lw": 0})


def _boundary_rings(geometry):
    """{district: [ring points as an (n, 2) array in km]} from /geometry/district_boundaries."""
    table = geometry.get("district_boundaries")
    if not table or len(table["x"]) == 0:
        return {}
    keys = np.stack([np.asarray(table[c], dtype=int) for c in ("district", "part", "ring")], axis=1)
    points = np.stack([np.asarray(table["x"]), np.asarray(table["y"])], axis=1) / 1000
    starts = np.flatnonzero(np.any(np.diff(keys, axis=0) != 0, axis=1)) + 1
    rings = {}
    for key, ring in zip(keys[np.r_[0, starts]], np.split(points, starts)):
        rings.setdefault(int(key[0]), []).append(ring)
    return rings


def district_map(result, name, day=-1, ax=None, cmap="viridis"):
    """A map of one series by district on one day (default: the last), summed over its other
    dimensions. On real data each district is its boundary polygon, coloured by its value (a district
    without a polygon of its own colours its street nodes); with a synthetic city each street node
    is coloured by its district in a schematic layout (districts in their real order and relative
    size, not their real shape)."""
    from matplotlib.collections import PolyCollection

    plt = _pyplot()
    ax = _new_axes(ax)
    info = result.info(name)
    if "district" not in info["dims"]:
        raise ValueError(f"{name} has no district dimension")
    per_district = _summed_except(np.asarray(result[name]), info["dims"][1:], "district")[day]
    nodes = result.geometry["network_nodes"]
    districts = result.geometry["districts"]
    node_district = np.asarray(nodes["district"], dtype=int)
    x_km, y_km = np.asarray(nodes["x"]) / 1000, np.asarray(nodes["y"]) / 1000
    rings = _boundary_rings(result.geometry)
    norm = plt.Normalize(per_district.min(), per_district.max())
    if rings:
        owners = [d for d, district_rings in rings.items() for _ in district_rings]
        polygons = PolyCollection([ring for d in rings for ring in rings[d]], array=per_district[owners], cmap=cmap,
                                  norm=norm, edgecolors="white", linewidths=0.6)
        ax.add_collection(polygons)
        ax.scatter(x_km, y_km, s=0.2, c="0.3", linewidths=0, alpha=0.5)  # the streets, for orientation
        without = np.isin(node_district, [d for d in range(len(per_district)) if d not in rings])
        ax.scatter(x_km[without], y_km[without], c=per_district[node_district[without]], cmap=cmap, norm=norm, s=2,
                   linewidths=0)
        coloured = polygons
        layout = "district boundaries"
    else:
        inside = node_district >= 0
        coloured = ax.scatter(x_km[inside], y_km[inside], c=per_district[node_district[inside]], cmap=cmap, norm=norm,
                              marker="s", s=6, linewidths=0)
        layout = "schematic layout" if _is_synthetic(result) else "street nodes"
    for label, x, y in zip(districts["name"], districts["centroid_x"], districts["centroid_y"]):
        ax.annotate(label, (x / 1000, y / 1000), ha="center", fontsize="x-small",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.7, "lw": 0})
    bar = plt.colorbar(coloured, ax=ax)
    bar.set_label(f"{name} [{info['unit']}]")
    ax.autoscale_view()
    _map_frame(ax, f"{info['description']}\n{result.dates[day]}, {layout}", result)
    return ax


def transit_map(result, period="am_peak", ax=None, cmap="plasma_r"):
    """The city's transit lines over its streets, each line coloured by its headway in ``period``
    (night, am_peak, midday, pm_peak, evening), with its stops; lines not running then are grey."""
    from matplotlib.collections import LineCollection

    plt = _pyplot()
    ax = _new_axes(ax)
    if "transit_lines" not in result.geometry:
        raise ValueError("this result has no transit lines (the scenario names no city.transit.gtfs)")
    edges, nodes = result.geometry["network_edges"], result.geometry["network_nodes"]
    node_xy = np.stack([np.asarray(nodes["x"]), np.asarray(nodes["y"])], axis=1) / 1000
    streets = np.stack([node_xy[np.asarray(edges["from"], dtype=int)], node_xy[np.asarray(edges["to"], dtype=int)]],
                       axis=1)
    ax.add_collection(LineCollection(streets, colors="0.85", linewidths=0.3))
    paths = result.geometry["transit_line_paths"]
    line_of_point = np.asarray(paths["line"], dtype=int)
    points = np.stack([np.asarray(paths["x"]), np.asarray(paths["y"])], axis=1) / 1000
    starts = np.flatnonzero(np.diff(line_of_point)) + 1
    headway = np.asarray(result.geometry["transit_lines"][f"headway_{period}"], dtype=float)
    running = headway[line_of_point[np.r_[0, starts]]] > 0
    segments = np.split(points, starts)
    idle = [segment for segment, runs in zip(segments, running) if not runs]
    ax.add_collection(LineCollection(idle, colors="0.6", linewidths=0.6, linestyles="dotted"))
    lines = LineCollection([segment for segment, runs in zip(segments, running) if runs],
                           array=headway[line_of_point[np.r_[0, starts]]][running], cmap=cmap, linewidths=1.0)
    ax.add_collection(lines)
    stops = result.geometry["transit_stops"]
    ax.scatter(np.asarray(stops["x"]) / 1000, np.asarray(stops["y"]) / 1000, s=1, c="black", linewidths=0)
    bar = plt.colorbar(lines, ax=ax)
    bar.set_label(f"headway, {period} [min]")
    ax.autoscale_view()
    count = len(headway)
    _map_frame(ax, f"{count} transit lines, {int(running.sum())} running at {period}", result)
    return ax
