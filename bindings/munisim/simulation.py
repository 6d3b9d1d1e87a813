"""Running scenarios: all at once with ``run`` or step by step with ``Simulation``."""
import warnings

from munisim import _core
from munisim.result import Result


class Simulation:
    """A scenario turned into a running city: ``sim.step(7)``, read tables and series, continue.

    ``step`` releases the GIL (other Python threads keep working) and stops with
    ``KeyboardInterrupt`` on Ctrl-C; the days already run stay valid.
    """

    def __init__(self, scenario, seed=None, days=None, threads=1):
        if seed is not None or days is not None:
            scenario = _with_run_settings(scenario, seed, days)
        self.scenario = scenario
        self._engine = _core.Engine(scenario._loaded, threads)
        for message in self._engine.warnings:  # e.g. real data missing: synthetic streets instead
            warnings.warn(message, RuntimeWarning, stacklevel=2)

    def step(self, days=1, progress=None):
        """Advances up to ``days`` days; ``progress(done, total)`` is called after each day."""
        self._engine.step(days, progress)
        return self

    def run(self, progress=None):
        """Runs the remaining days and returns the Result."""
        self._engine.step(self.days_planned - self.days_run, progress)
        return self.result()

    def add_measure(self, **measure):
        """Adds a waste or mobility measure mid-run, e.g. ``add_measure(kind="fleet_size", value=6)``
        or ``add_measure(kind="fare", value=0.5)``; without a ``start_date`` (or with one already
        past) it applies from the next day to run. Checked like a scenario key."""
        kinds = _core.measure_kinds()
        domain = next((name for name, choices in kinds.items() if measure.get("kind") in choices), "waste")
        key = f"{domain}.measures"
        if "start_date" not in measure:
            measure["start_date"] = str(self.scenario.get("start_date"))  # moved to the next day by the engine
        before = self.scenario.get(key)
        self.scenario.set(key, before + [measure])
        try:
            self._engine.update_measures(self.scenario._loaded)
        except ValueError:
            self.scenario.set(key, before)  # the simulation refused it: the scenario stays as it runs
            raise
        return self

    @property
    def days_run(self):
        return self._engine.days_run

    @property
    def days_planned(self):
        return self._engine.days_planned

    @property
    def citizens(self):
        """Citizen agents' columns as read-only numpy arrays, e.g. ``sim.citizens["age_group"]``."""
        return self._engine.table("citizens")

    @property
    def households(self):
        """Household agents' columns as read-only numpy arrays."""
        return self._engine.table("households")

    @property
    def opinion(self):
        """Every citizen's satisfaction with waste, transport and citizen services and trust in the
        municipality (0 to 1), as read-only numpy arrays by citizen row (updated weekly). Needs
        ``governance.enabled``."""
        return self._engine.opinion()

    @property
    def tickets(self):
        """Every complaint filed so far as a pandas DataFrame: who (citizen row, district, gender,
        income group, persons it stands for), what (kind), through which channel, the department
        holding or answering it, its state (open, answered, escalated) and the days it was filed and
        closed. Needs ``governance.enabled``."""
        import pandas as pd

        labels = _core.governance_labels()
        frame = pd.DataFrame(self._engine.tickets())
        for column, names in [("kind", "kind"), ("channel", "channel"), ("department", "department"),
                              ("state", "state")]:
            frame[column] = pd.Categorical.from_codes(frame[column], categories=labels[names])
        return frame

    def result(self):
        """The series so far, as numpy views on the engine's memory (no copy)."""
        return Result(self._engine.series(), self.scenario.to_yaml(), _start_date(self.scenario), engine=self._engine,
                      meta={"city_source": self._engine.city_source}, geometry=self._engine.geometry())


def _with_run_settings(scenario, seed, days):
    from munisim.scenario import Scenario

    copy = Scenario(scenario._loader, scenario._overrides)
    if seed is not None:
        copy.set("seed", int(seed))
    if days is not None:
        copy.set("days", int(days))
    return copy


def _start_date(scenario):
    return scenario._loaded.start_date


def run(scenario, seed=None, days=None, threads=1, progress=False):
    """Runs a scenario and returns its Result.

    ``progress`` may be True (a tqdm bar when tqdm is installed, else nothing), or a callable
    ``progress(done, total)``.
    """
    simulation = Simulation(scenario, seed=seed, days=days, threads=threads)
    callback = progress if callable(progress) else _progress_bar(simulation.days_planned) if progress else None
    try:
        return simulation.run(callback)
    finally:
        if callback is not None and hasattr(callback, "close"):
            callback.close()


def _progress_bar(total):
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    bar = tqdm(total=total, unit="day")

    class Callback:
        def __call__(self, done, _total):
            bar.update(done - bar.n)

        def close(self):
            bar.close()

    return Callback()
