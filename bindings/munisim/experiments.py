"""Experiments from Python: variants x replications of a scenario, run by any executor.

``munisim.experiment(spec)`` runs the same plan as ``munisim experiment SPEC.yaml`` (docs/experiments.md)
and writes the same HDF5 file; the runs go to ``executor`` if one is given: a
``concurrent.futures.ThreadPoolExecutor`` or ``ProcessPoolExecutor``, or a ``dask.distributed.Client``
for many machines. Each run is a function of the spec and its index only, so any executor gives the
same results as the command line::

    from concurrent.futures import ProcessPoolExecutor
    result = munisim.experiment("scenarios/experiments/trujillo-governance.yaml",
                                executor=ProcessPoolExecutor(4))
    result.summary        # one row per variant and KPI: mean, std, 95 % interval, n
    result.differences    # paired differences to the baseline with their intervals
    result.plot("waste_collected_t")
"""
import concurrent.futures
import functools
import json
import os
import pathlib
import tempfile

from munisim import _core


@functools.lru_cache(maxsize=4)
def _plan(text, name, base_dir):
    return _core.ExperimentPlan(text, name, base_dir)


def _run_one(text, name, base_dir, index, threads):
    """One run of the plan, as the bytes of its HDF5 output: what executors call, in any process."""
    return _plan(text, name, base_dir).run(index, threads)


def _spec_source(spec, base_dir):
    """(text, name, base folder) of a spec path or dict; a dict is written as JSON, which is YAML."""
    if isinstance(spec, dict):
        base = pathlib.Path(base_dir) if base_dir is not None else pathlib.Path.cwd()
        return json.dumps(spec), "experiment", str(base.resolve())
    path = pathlib.Path(spec)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FileNotFoundError(f"{path}: cannot read experiment spec ({error.strerror})") from error
    # Absolute, so that workers in other folders (or on other machines) find the same scenario files.
    base = pathlib.Path(base_dir) if base_dir is not None else path.parent
    return text, str(spec), str(base.resolve())


def _completed(futures):
    """(index, future) pairs as they finish when the executor's futures allow it, else in order."""
    if all(isinstance(future, concurrent.futures.Future) for future in futures.values()):
        by_future = {future: index for index, future in futures.items()}
        for future in concurrent.futures.as_completed(by_future):
            yield by_future[future], future
    else:  # e.g. dask futures, whose result() waits for each in turn
        yield from futures.items()


def experiment(spec, executor=None, out=None, threads=1, base_dir=None, report=False):
    """Runs every variant x replication of ``spec`` (a path to a spec YAML, or a dict of the same
    keys) and returns an :class:`ExperimentResult`.

    executor: anything with ``submit(fn, *args)`` returning futures with ``result()``
    (``concurrent.futures`` executors, a ``dask.distributed.Client``); None runs here, one at a time.
    out: the HDF5 file to write (default: a temporary file kept as long as the result). Finished
    runs are kept in ``out + ".work"`` until the end, so an interrupted call resumes where it stopped.
    threads: threads of each run. base_dir: where a dict's ``scenario`` path starts (default: the
    current folder). report: also write the HTML comparison report next to ``out``.
    """
    text, name, base = _spec_source(spec, base_dir)
    plan = _plan(text, name, base)
    plan.check_kpis()
    keep = None
    if out is None:
        keep = tempfile.TemporaryDirectory(prefix="munisim-experiment-")
        out = pathlib.Path(keep.name) / f"{plan.name}.h5"
    out = pathlib.Path(out)
    work = pathlib.Path(_core.work_folder(out))
    pending = plan.pending(work)
    if executor is None:
        for index in pending:
            plan.store(work, index, plan.run(index, threads))
    else:
        futures = {index: executor.submit(_run_one, text, name, base, index, threads) for index in pending}
        for index, future in _completed(futures):
            plan.store(work, index, future.result())
    html = str(out.with_suffix(".html")) if report else ""
    plan.finish(work, out, html)
    return ExperimentResult(out, _keep=keep)


class ExperimentResult:
    """An experiment's file read back as tidy pandas frames (``munisim.open_experiment(path)``)."""

    def __init__(self, path, _keep=None):
        import h5py

        self.path = pathlib.Path(path)
        self._keep = _keep  # the temporary folder holding the file, if any
        with h5py.File(self.path, "r") as file:
            meta = file["meta"].attrs
            self.name = _text(meta["experiment_name"])
            self.baseline = _text(meta["baseline"])
            self.spec = _text(file["meta/spec"][()])
            self.runs = _table(file["summary/runs"])
            summary = _table(file["summary/kpis"])
            # An experiment of a world: the same summary by department, type and municipality.
            world = "municipalities" in file["summary"]
            self.profiles = _table(file["summary/municipality_profiles"]) if world else None
            self.departments = _table(file["summary/departments"]) if world else None
            self.municipality_types = _table(file["summary/municipality_types"]) if world else None
            self.municipalities = _table(file["summary/municipalities"]) if world else None
        value_columns = ["variant", "kpi", "unit", "n", "mean", "std", "ci95_low", "ci95_high"]
        self.summary = summary[value_columns]
        differences = summary[summary["variant"] != self.baseline]
        self.differences = differences[["variant", "kpi", "unit", "n", "diff_mean", "diff_std", "diff_ci95_low",
                                        "diff_ci95_high"]].reset_index(drop=True)
        self.differences.attrs["baseline"] = self.baseline

    @property
    def variants(self):
        return list(dict.fromkeys(self.summary["variant"]))

    @property
    def kpis(self):
        return list(dict.fromkeys(self.summary["kpi"]))

    def wide(self):
        """Runs x KPIs: one row per run (variant, replication, seed), one column per KPI."""
        return self.runs.pivot_table(index=["run", "variant", "replication", "seed"], columns="kpi", values="value",
                                     sort=False).reset_index().rename_axis(columns=None)

    def municipality_values(self):
        """An experiment of a world: every run's KPI values per municipality, tidy: run, variant,
        replication, seed, municipality, kpi, unit, value (NaN where a municipality lacks the KPI)."""
        import h5py
        import pandas as pd

        if self.profiles is None:
            raise ValueError(f"{self.path} is not an experiment of a world: its runs have no municipalities")
        frames = []
        runs = self.runs.drop_duplicates("run")
        with h5py.File(self.path, "r") as file:
            for run in runs.itertuples():
                table = file[f"runs/{run.run}/tables/municipality_kpis"]
                rules = file[f"runs/{run.run}/tables/kpi_rules"]
                units = dict(zip((_text(k) for k in rules["kpi"][()]), (_text(u) for u in rules["unit"][()])))
                labels = [_text(v) for v in table["municipality"][()]]
                for kpi in self.kpis:
                    frames.append(pd.DataFrame({"run": run.run, "variant": run.variant, "replication": run.replication,
                                                "seed": run.seed, "municipality": labels, "kpi": kpi,
                                                "unit": units[kpi], "value": table[kpi][()]}))
        return pd.concat(frames, ignore_index=True)

    def series(self, run, name):
        """A run's series (run id like "0003") as a numpy array [day, dims...]."""
        import h5py

        with h5py.File(self.path, "r") as file:
            return file[f"runs/{run}/series/{name}"][()]

    def plot(self, kpi, differences=False, ax=None):
        """Each variant's mean with its 95 % interval (or, with ``differences``, the paired difference
        to the baseline with its interval)."""
        from munisim.experiment_plots import plot_variants

        return plot_variants(self, kpi, differences=differences, ax=ax)

    def __repr__(self):
        return (f"ExperimentResult({self.name!r}: {len(self.variants)} variants, {len(self.runs['run'].unique())} runs, "
                f"baseline {self.baseline!r}, {self.path})")


def open_experiment(path):
    """The results of an experiment file written by ``munisim experiment`` or :func:`experiment`."""
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return ExperimentResult(path)


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _table(group):
    import pandas as pd

    columns = {}
    for name in group:
        values = group[name][()]
        if values.dtype.kind in "OS":
            values = [_text(v) for v in values]
        columns[name] = values
    order = ["run", "department", "incentive_type", "municipality", "variant", "replication", "seed", "kpi", "unit"]
    names = [c for c in order if c in columns] + [c for c in columns if c not in order]
    return pd.DataFrame({name: columns[name] for name in names})
