"""Named model parameters with ranges, as sensitivity analysis and calibration vary them.

A parameter is a scenario key (``waste.fleet.trucks``), one entry of a list key
(``mobility.mode_choice.constants[2]``) or a factor on a key's value (``scale: true``: every number
of ``mobility.activities.other_by_gender`` times the sampled value). Its range is given, or taken
from :data:`PLAUSIBLE_RANGES` (documented in docs/calibration.md), and must lie inside what the
scenario reference allows for the key (``munisim reference``).
"""
import dataclasses
import functools
import re

from munisim import _core
from munisim.spec_keys import check_keys

# Plausible ranges of [EST] keys for sensitivity and calibration, narrower than what the loader
# accepts. Each: (low, high, why). docs/calibration.md lists them.
PLAUSIBLE_RANGES = {
    "mobility.transit.headway_factor": (0.2, 2.0, "from 5 times to half the feed's frequencies"),
    "mobility.transit.combi.capacity": (12, 40, "combi (12-20 seats, FACTS.md §3) to microbus M3 with standing"),
    "mobility.transit.crowded_load_factor": (0.6, 1.0, "crowding thresholds in use"),
    "mobility.mode_choice.constants[0]": (0.0, 3.5, "walk constant, around the default 1.8"),
    "mobility.mode_choice.constants[2]": (0.0, 3.0, "bus_combi constant, around the default 1.5"),
    "mobility.mode_choice.constants[3]": (-2.0, 0.5, "taxi_mototaxi constant, around the default -0.8"),
    "mobility.mode_choice.wait_per_min": (-0.2, -0.03, "Latin American MNL wait coefficients"),
    "mobility.mode_choice.in_vehicle_per_min": (-0.1, -0.02, "Latin American MNL time coefficients"),
    "mobility.mode_choice.cost_per_sol": (-0.7, -0.1, "value of time about 3 to 30 soles/h"),
    "mobility.activities.work_by_weekday": (0.7, 1.1, "factor: employment and absence rates"),
    "mobility.activities.shopping_by_gender": (0.5, 1.5, "factor on the daily chance of a shopping tour"),
    "mobility.activities.other_by_gender": (0.5, 1.5, "factor on the daily chance of an other tour"),
    "mobility.activities.weekend_discretionary_factor": (0.8, 1.8, "weekend shopping and leisure"),
    "mobility.activities.departure_choice.early_utils_per_h": (
        0.9, 3.0, "0.3-1 x the value of in-vehicle time (Small 1982: 0.61) at 3 utils/h"),
    "mobility.activities.departure_choice.late_utils_per_h": (
        3.0, 12.0, "1-4 x the value of in-vehicle time (Small 1982: 2.4) at 3 utils/h"),
    "mobility.activities.departure_choice.cost_scale": (
        0.5, 3.0, "weight of remembered crowding in the choice of hour against mode choice's"),
    "waste.recyclers.capacity_kg_per_day": (5, 120, "a carrier's bag to a loaded tricycle"),
    "waste.recyclers.reachable_share": (0.1, 0.9, "share of recyclables recyclers can reach"),
    "waste.generation.variation_sigma": (0.1, 0.6, "household day-to-day spread"),
    "waste.fleet.shift_h": (6, 12, "one shift to a long double shift"),
    "waste.fleet.breakdown_probability": (0.0, 0.08, "a well kept to an old fleet"),
    "waste.collection.loading_min_per_t": (5, 20, "crew loading speed"),
}


class ParameterError(ValueError):
    """A parameter that names no key, has an empty range, or leaves the key's allowed range."""


@dataclasses.dataclass(frozen=True)
class Parameter:
    """One varied quantity: ``key`` set to a value in [low, high] (or scaled by it, ``scale``)."""

    key: str
    low: float
    high: float
    name: str = ""
    scale: bool = False
    integer: bool = False

    @property
    def label(self):
        return self.name or self.key

    def overrides(self, scenario, value):
        """The ``(key, value)`` to set on ``scenario`` for this parameter at ``value``."""
        base_key, index = split_index(self.key)
        if self.integer:
            value = int(round(value))
        if index is None and not self.scale:
            return base_key, _plain(value)
        current = scenario.get(base_key)
        if index is not None:
            entries = list(current)
            entries[index] = _scaled(entries[index], value) if self.scale else _plain(value)
            return base_key, entries
        if isinstance(current, list):
            return base_key, [_scaled(entry, value) for entry in current]
        return base_key, _scaled(current, value)


def _plain(value):
    return int(value) if isinstance(value, int) else float(value)


def _scaled(entry, factor):
    # Six significant digits: the value a scenario file shows is the value that ran.
    return float(f"{entry * factor:.6g}")


def split_index(key):
    match = re.fullmatch(r"(.+)\[(\d+)\]", key)
    return (match.group(1), int(match.group(2))) if match else (key, None)


@functools.lru_cache(maxsize=1)
def reference():
    """Every scenario key as {key: {type, unit, default, min, max, choices}}, from the loader's own
    description (what ``munisim reference`` prints)."""
    return _core.scenario_fields()


def allowed_range(key):
    """The loader's bounds for ``key`` (a list key's bounds apply to each entry): (low, high)."""
    base_key, _ = split_index(key)
    row = reference().get(base_key)
    if row is None:
        raise ParameterError(f"{key}: not a scenario key (see `munisim reference`)")
    if "number" not in row["type"] and "integer" not in row["type"]:
        raise ParameterError(f"{key}: is a {row['type']} key; a parameter must be numeric")
    low = row["min"] if row["min"] is not None else float("-inf")
    high = row["max"] if row["max"] is not None else float("inf")
    return float(low), float(high)


def parameter(spec):
    """A Parameter from a key or a mapping {key, low, high, name, scale}; the range defaults to the
    key's plausible range (PLAUSIBLE_RANGES) and must lie within the loader's allowed range."""
    if isinstance(spec, Parameter):
        return spec
    spec = {"key": spec} if isinstance(spec, str) else dict(spec)
    check_keys(spec, {"key", "low", "high", "name", "scale"}, f"parameter {spec}", ParameterError)
    if "key" not in spec:
        raise ParameterError(f"parameter {spec}: expected key, and optionally low, high, name, scale")
    key = spec["key"]
    base_key, _ = split_index(key)
    row = reference().get(base_key)
    if row is None:
        raise ParameterError(f"{key}: not a scenario key (see `munisim reference`)")
    allowed = allowed_range(key)
    scale = bool(spec.get("scale", "list" in row["type"] and "[" not in key))
    if "low" in spec or "high" in spec:
        if "low" not in spec or "high" not in spec:
            raise ParameterError(f"{key}: give both low and high")
        low, high = float(spec["low"]), float(spec["high"])
    elif key in PLAUSIBLE_RANGES:
        low, high, _ = PLAUSIBLE_RANGES[key]
    else:
        raise ParameterError(f"{key}: no documented plausible range; give low and high")
    if not low < high:
        raise ParameterError(f"{key}: empty range [{low}, {high}]")
    if not scale and (low < allowed[0] or high > allowed[1]):
        raise ParameterError(f"{key}: range [{low}, {high}] leaves the allowed range "
                             f"[{allowed[0]:g}, {allowed[1]:g}] (munisim reference)")
    integer = row["type"] == "integer" and not scale
    return Parameter(key=key, low=low, high=high, name=spec.get("name", ""), scale=scale, integer=integer)


def parameters(specs):
    """Parameters from a list of specs (keys or mappings); names must be unique."""
    result = [parameter(spec) for spec in specs]
    if not result:
        raise ParameterError("no parameters given")
    labels = [p.label for p in result]
    if len(set(labels)) != len(labels):
        raise ParameterError(f"parameter names repeat: {labels}")
    return result


def scale_to(parameters_, unit_points):
    """Points of the unit cube (rows) mapped onto the parameters' ranges."""
    import numpy as np

    unit_points = np.asarray(unit_points, dtype=float)
    lows = np.array([p.low for p in parameters_])
    highs = np.array([p.high for p in parameters_])
    return lows + unit_points * (highs - lows)
