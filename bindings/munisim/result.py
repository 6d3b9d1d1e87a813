"""Results: series as numpy arrays and pandas DataFrames with units, labels and dates."""
import datetime

import numpy as np

from munisim import _core


class Result:
    """The series of a run (from ``munisim.run``) or of a file (``munisim.open``)."""

    def __init__(self, series, resolved_yaml, start_date, engine=None, meta=None, geometry=None):
        self._series = series
        self.resolved_yaml = resolved_yaml
        self.start_date = datetime.date.fromisoformat(start_date)
        self.meta = meta or {}
        self.geometry = geometry or {}  # {table: {column: values}}: districts, network_nodes, ...
        self._engine = engine

    @property
    def names(self):
        return sorted(self._series)

    def __getitem__(self, name):
        """The series ``name`` as a numpy array of shape [day, dims...]."""
        return self._series[name]["values"]

    def unit(self, name):
        return self._series[name]["unit"]

    def info(self, name):
        """Unit, description, summary, dims and labels of a series."""
        entry = dict(self._series[name])
        entry.pop("values")
        return entry

    @property
    def dates(self):
        days = next(iter(self._series.values()))["values"].shape[0] if self._series else 0
        return [self.start_date + datetime.timedelta(days=d) for d in range(days)]

    def frame(self, name):
        """A long pandas DataFrame: one row per day and label combination; the unit is in ``attrs``."""
        import pandas as pd

        entry = self._series[name]
        values = np.asarray(entry["values"])
        dims = entry["dims"][1:]
        axes = [pd.to_datetime(self.dates)] + [entry["labels"][dim] for dim in dims]
        index = pd.MultiIndex.from_product(axes, names=["date"] + dims)
        frame = pd.DataFrame({name: values.reshape(-1)}, index=index).reset_index()
        frame.attrs["unit"] = entry["unit"]
        frame.attrs["description"] = entry["description"]
        return frame

    def total(self, name):
        """The series summed over all its dimensions but the day."""
        values = np.asarray(self[name])
        return values.reshape(values.shape[0], -1).sum(axis=1)

    def save(self, path):
        """Writes the same HDF5 file as ``munisim run`` (only for results of a run in this process)."""
        if self._engine is None:
            raise ValueError("this result was read from a file; it is saved already")
        self._engine.save(str(path))


def report(output, html=None, baseline=None):
    """Writes the same self-contained HTML report as ``munisim report`` for an output file, compared
    with another run of the same city when ``baseline`` names its output; returns its path."""
    import pathlib

    return pathlib.Path(_core.write_html_report(str(output), "" if html is None else str(html),
                                                "" if baseline is None else str(baseline)))


def open(path):  # noqa: A001 - munisim.open mirrors h5py.File / builtins.open on purpose
    """Reads any munisim output (from the CLI or Python) into a Result."""
    data = _core.read_output(str(path))
    return Result(data["series"], data["resolved_yaml"], data["meta"]["start_date"], meta=data["meta"],
                  geometry=_read_geometry(path))


def _read_geometry(path):
    import h5py

    geometry = {}
    with h5py.File(path, "r") as f:
        for table, group in f.get("geometry", {}).items():
            geometry[table] = {
                column: [v.decode() for v in data[()]] if data.dtype.kind == "O" else data[()]
                for column, data in group.items()
            }
    return geometry
