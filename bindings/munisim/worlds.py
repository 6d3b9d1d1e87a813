"""Worlds from Python: many municipalities on one calendar with the nation (docs/world.md).

``munisim.run_world("scenarios/nation/trujillo-province.yaml")`` runs a world scenario as
``munisim run`` does and returns a :class:`WorldResult`; ``munisim.open_world(path)`` reads a world
file written by the command line. Frames are tidy: one row per municipality (and day, and label)::

    world = munisim.run_world("tests/world/tiny-world.yaml", threads=2)
    world.municipalities                 # ubigeo, name, department, incentive_type, population, ...
    world.kpis()                         # municipality, kpi, unit, value: each series condensed as munisim info does
    world.series("waste_collected_t")    # date, municipality, value
    world.nation_series("nation_transfers_soles")   # date, mechanism, municipality, value
"""
import os
import pathlib
import tempfile

from munisim import _core
from munisim.experiments import _table, _text


def run_world(scenario, out=None, set=(), threads=1, data_dir=None):
    """Runs the world scenario file ``scenario`` (overrides in ``set`` as ``--set`` takes them) and
    returns its :class:`WorldResult`; ``out`` is the HDF5 file to write (default: a temporary file
    kept as long as the result). ``data_dir``: the national tables, for ubigeo entries."""
    overrides = list(set)
    if data_dir is not None:
        overrides.append(f'data_dir="{pathlib.Path(data_dir).resolve()}"')
    keep = None
    if out is None:
        keep = tempfile.TemporaryDirectory(prefix="munisim-world-")
        out = pathlib.Path(keep.name) / "world.h5"
    _core.run_world(str(scenario), str(out), overrides, threads)
    return WorldResult(out, _keep=keep)


def open_world(path):
    """The results of a world file written by ``munisim run WORLD.yaml`` or :func:`run_world`."""
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return WorldResult(path)


def _labels(dataset, dims):
    return [[_text(v) for v in dataset.attrs[f"labels_{dim}"]] for dim in dims[1:]]


def _tidy(dataset, dates):
    """A series [day, dims...] as a long frame: date, one column per dim, value."""
    import numpy as np
    import pandas as pd

    dims = [_text(d) for d in dataset.attrs["dims"]]
    values = dataset[()]
    labels = [dates] + _labels(dataset, dims)
    index = pd.MultiIndex.from_product(labels, names=["date"] + dims[1:])
    frame = pd.DataFrame({"value": np.asarray(values).reshape(-1)}, index=index).reset_index()
    frame.attrs["unit"] = _text(dataset.attrs["unit"])
    return frame


class WorldResult:
    """A world's output read back as tidy pandas frames."""

    def __init__(self, path, _keep=None):
        import h5py

        self.path = pathlib.Path(path)
        self._keep = _keep
        with h5py.File(self.path, "r") as file:
            self.name = _text(file["meta"].attrs["scenario_name"])
            self.dates = [_text(d) for d in file["meta/dates"][()]]
            municipalities = _table(file["meta/municipalities"])
            self.series_names = sorted(file["series"])
            self.nation_series_names = sorted(file["nation/series"]) if "nation/series" in file else []
        municipalities.insert(1, "department", [u[:2] if len(u) == 6 else "-" for u in municipalities["ubigeo"]])
        self.municipalities = municipalities

    def series(self, name):
        """A stacked series of every municipality: date, municipality, [dims...], value."""
        import h5py

        with h5py.File(self.path, "r") as file:
            return _tidy(file[f"series/{name}"], self.dates)

    def nation_series(self, name):
        """A series of the national agent (nation_transfers_soles, ...): date, [dims...], value."""
        import h5py

        with h5py.File(self.path, "r") as file:
            return _tidy(file[f"nation/series/{name}"], self.dates)

    def kpis(self):
        """Every KPI of every municipality, condensed over the days as ``munisim info`` does (a total
        over days, the last day, or the mean per day; summed over the series' other labels):
        municipality, kpi, unit, value."""
        import h5py
        import numpy as np
        import pandas as pd

        rows = []
        with h5py.File(self.path, "r") as file:
            labels = None
            for name in self.series_names:
                dataset = file[f"series/{name}"]
                summary = _text(dataset.attrs.get("summary", ""))
                if summary not in ("total", "last", "mean"):
                    continue
                values = np.asarray(dataset[()], dtype=float)
                per_day = values.reshape(values.shape[0], values.shape[1], -1).sum(axis=2)  # [day, municipality]
                value = {"total": per_day.sum(axis=0), "last": per_day[-1], "mean": per_day.mean(axis=0)}[summary]
                labels = _labels(dataset, [_text(d) for d in dataset.attrs["dims"]])[0]
                unit = _text(dataset.attrs["unit"])
                rows += [(m, name, unit, v) for m, v in zip(labels, value)]
        return pd.DataFrame(rows, columns=["municipality", "kpi", "unit", "value"])

    def __repr__(self):
        return f"WorldResult({self.name!r}: {len(self.municipalities)} municipalities, {len(self.dates)} days, {self.path})"
