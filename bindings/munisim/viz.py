"""Pictures of results with matplotlib: a KPI over time, variants with confidence bands, and
breakdowns by gender, district or income group. Every axis says its unit."""
import numpy as np


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
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


def district_map(result, name, day=-1, ax=None, cmap="viridis"):
    """A map of one series by district on one day (default: the last), summed over its other
    dimensions. Each street node is coloured by its district; with a synthetic city the layout is
    schematic (districts in their real order and relative size, not their real shape)."""
    plt = _pyplot()
    ax = _new_axes(ax)
    info = result.info(name)
    if "district" not in info["dims"]:
        raise ValueError(f"{name} has no district dimension")
    per_district = _summed_except(np.asarray(result[name]), info["dims"][1:], "district")[day]
    nodes = result.geometry["network_nodes"]
    districts = result.geometry["districts"]
    colour = per_district[np.asarray(nodes["district"], dtype=int)]
    points = ax.scatter(np.asarray(nodes["x"]) / 1000, np.asarray(nodes["y"]) / 1000, c=colour, cmap=cmap, marker="s",
                        s=6, linewidths=0)
    for label, x, y in zip(districts["name"], districts["centroid_x"], districts["centroid_y"]):
        ax.annotate(label, (x / 1000, y / 1000), ha="center", fontsize="x-small",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.7, "lw": 0})
    bar = plt.colorbar(points, ax=ax)
    bar.set_label(f"{name} [{info['unit']}]")
    layout = "schematic layout" if result.meta.get("city_source", "synthetic") == "synthetic" else "map"
    ax.set_title(f"{info['description']}\n{result.dates[day]}, {layout}", fontsize="medium")
    ax.set_xlabel("x [km]")
    ax.set_ylabel("y [km]")
    ax.set_aspect("equal")
    return ax
