"""Runs a scenario at many parameter points and seeds and reduces each run to its KPIs.

Every point runs with the same seeds (common random numbers), so differences between points come
from the parameters, not from chance. Runs go through any ``concurrent.futures`` executor (a
``ProcessPoolExecutor``, a ``ThreadPoolExecutor`` — the engine releases the GIL — or a
``dask.distributed`` client); without one they run one after the other. The results are the same
either way: each run depends only on its scenario and seed.
"""
import dataclasses
import pathlib

import numpy as np

from munisim import kpis as kpi_module
from munisim.scenario import Scenario
from munisim.spec_keys import check_keys


@dataclasses.dataclass(frozen=True)
class Model:
    """What one run is: a scenario file, fixed overrides, days, the KPIs to read and the seeds."""

    scenario: str
    kpis: dict
    seeds: tuple = (1,)
    days: int | None = None
    overrides: tuple = ()  # ((key, value), ...) applied before the parameters
    threads: int = 1

    def load(self, point_overrides=()):
        scenario = Scenario.load(self.scenario)
        for key, value in tuple(self.overrides) + tuple(point_overrides):
            scenario.set(key, value)
        if self.days is not None:
            scenario.set("days", int(self.days))
        return scenario


def model_from_spec(spec, base_dir="."):
    """A Model from the ``model`` part of a sensitivity or calibration file (paths relative to it)."""
    check_keys(spec, {"scenario", "kpis", "seeds", "days", "set", "threads"}, "model")
    if "scenario" not in spec:
        raise ValueError("model: expected scenario (a scenario file)")
    path = pathlib.Path(base_dir) / spec["scenario"]
    if not path.exists():
        raise ValueError(f"model.scenario: no file {path}")
    seeds = spec.get("seeds", [1])
    if not seeds:
        raise ValueError("model.seeds: empty; expected at least one seed")
    return Model(scenario=str(path), kpis=dict(spec.get("kpis", {})), seeds=tuple(int(s) for s in seeds),
                 days=spec.get("days"), overrides=tuple((k, v) for k, v in spec.get("set", {}).items()),
                 threads=int(spec.get("threads", 1)))


def point_overrides(model, parameters, point, base=None):
    """The (key, value) overrides that put ``parameters`` at ``point`` (a row of values)."""
    base = base or model.load()
    merged = {}
    for parameter, value in zip(parameters, point):
        key, setting = parameter.overrides(_with(base, merged), value)
        merged[key] = setting
    return tuple(merged.items())


def _with(scenario, merged):
    """Parameters on entries of one list key see each other's changes."""
    if not merged:
        return scenario

    class View:
        def get(self, key):
            return merged[key] if key in merged else scenario.get(key)

    return View()


def check(model, parameters):
    """Fails before any run: the scenario and every parameter at both ends of its range load, and every
    KPI names a recorded series and labels."""
    base = model.load()
    for parameter in parameters:
        for end in (parameter.low, parameter.high):
            values = [end if p is parameter else (p.low + p.high) / 2 for p in parameters]
            model.load(point_overrides(model, parameters, values, base))
    if not model.kpis:
        raise kpi_module.KpiError("no kpis given")
    from munisim.simulation import Simulation

    probe = Simulation(base, days=1).result()
    info = {name: probe.info(name) for name in probe.names}
    for name, spec in model.kpis.items():
        kpi_module.check(name, spec, info)


def run_one(model, overrides, seed):
    """One run's KPIs as a list in ``model.kpis`` order (top level, so process pools can send it)."""
    from munisim.simulation import run

    result = run(model.load(overrides), seed=seed, threads=model.threads)
    values = kpi_module.values(model.kpis, result)
    return [values[name] for name in model.kpis]


def evaluate(model, parameters, points, executor=None):
    """KPIs at every point and seed: an array [point, seed, kpi]."""
    base = model.load()
    tasks = [(point_overrides(model, parameters, point, base), seed) for point in points for seed in model.seeds]
    if executor is None:
        outputs = [run_one(model, overrides, seed) for overrides, seed in tasks]
    else:
        futures = [executor.submit(run_one, model, overrides, seed) for overrides, seed in tasks]
        outputs = [future.result() for future in futures]
    return np.asarray(outputs, dtype=float).reshape(len(points), len(model.seeds), len(model.kpis))
