"""Key figures of a run: one number from a series, for sensitivity analysis and calibration.

A KPI is a mapping (YAML or dict)::

    series: mobility_trips          # a series name (munisim info / docs/output-format.md)
    select: {mode: bus_combi}       # optional: labels kept per dimension (a label or a list)
    reduce: sum                     # sum | daily_mean | annual | max | mean   (default daily_mean)
    divide_by: {series: mobility_trips}   # optional: a ratio of two such figures (same reduce)
    skip_days: 7                    # optional: warm-up days left out

``sum`` adds every day and selected cell; ``daily_mean`` is that sum over the days kept;
``annual`` is the daily mean times 365; ``max`` the largest value of any kept day and cell (the
peak hour of an hourly series); ``mean`` the mean of the selected cells over days (for series that are already rates, e.g. mobility_trips_per_person).
A Python callable ``f(result) -> float`` is accepted too, in-process only.
"""
import numpy as np

from munisim.spec_keys import check_keys

_REDUCTIONS = ("sum", "daily_mean", "annual", "max", "mean")


class KpiError(ValueError):
    """A KPI that names no series or label, or is malformed."""


def check(name, spec, series_info=None):
    """Checks the form of a KPI spec; with ``series_info`` ({name: info}) also its series and labels."""
    if callable(spec):
        return
    if not isinstance(spec, dict) or "series" not in spec:
        raise KpiError(f"kpi {name}: expected a mapping with series, select, reduce, divide_by, skip_days")
    check_keys(spec, {"series", "select", "reduce", "divide_by", "skip_days", "unit"}, f"kpi {name}", KpiError)
    if spec.get("reduce", "daily_mean") not in _REDUCTIONS:
        raise KpiError(f"kpi {name}: reduce is {spec['reduce']!r}; expected one of {', '.join(_REDUCTIONS)}")
    if series_info is not None:
        for part in [spec] + ([spec["divide_by"]] if "divide_by" in spec else []):
            info = series_info.get(part["series"])
            if info is None:
                raise KpiError(f"kpi {name}: no series {part['series']!r} in this run "
                               f"(is its service enabled? docs/output-format.md lists them)")
            for dim, labels in part.get("select", {}).items():
                if dim not in info["labels"]:
                    raise KpiError(f"kpi {name}: series {part['series']} has no dimension {dim!r} "
                                   f"(it has {', '.join(info['dims'][1:]) or 'none'})")
                for label in labels if isinstance(labels, list) else [labels]:
                    if label not in info["labels"][dim]:
                        raise KpiError(f"kpi {name}: {dim} has no label {label!r} "
                                       f"(labels: {', '.join(info['labels'][dim])})")


def value(spec, result):
    """The KPI's value for one Result."""
    if callable(spec):
        return float(spec(result))
    skip = int(spec.get("skip_days", 0))
    reduce = spec.get("reduce", "daily_mean")
    figure = _figure(spec, result, skip, reduce)
    if "divide_by" in spec:
        part = dict(spec["divide_by"])
        denominator = _figure(part, result, skip, reduce)
        return figure / denominator if denominator else float("nan")
    return figure


def _figure(spec, result, skip, reduce):
    info = result.info(spec["series"])
    values = np.asarray(result[spec["series"]], dtype=float)[skip:]
    if values.shape[0] == 0:
        raise KpiError(f"kpi on {spec['series']}: skip_days {skip} leaves no day")
    for axis, dim in enumerate(info["dims"][1:], start=1):
        wanted = spec.get("select", {}).get(dim)
        if wanted is None:
            continue
        wanted = wanted if isinstance(wanted, list) else [wanted]
        positions = [info["labels"][dim].index(label) for label in wanted]
        values = np.take(values, positions, axis=axis)
    if reduce == "mean":
        return float(values.mean())
    if reduce == "max":
        return float(values.max())
    daily = values.reshape(values.shape[0], -1).sum(axis=1)
    if reduce == "sum":
        return float(daily.sum())
    mean = float(daily.mean())
    return mean * 365 if reduce == "annual" else mean


def values(kpis, result):
    """{name: value} for a mapping of KPI specs."""
    return {name: value(spec, result) for name, spec in kpis.items()}
