"""munisim: agent-based simulation of municipal services, from Python.

Three lines to a table::

    import munisim
    result = munisim.run(munisim.Scenario.load("scenarios/demo.yaml"), days=7)
    result.frame("waste_collected_t")

The engine is the same C++ library as the ``munisim`` command line: scenarios are validated by the
same loader, runs give bit-identical series for the same seed, and ``Result.save`` writes the
same HDF5 file.
"""
from munisim._core import ScenarioError, __version__, git_describe
from munisim.experiments import ExperimentResult, experiment, open_experiment
from munisim.result import Result, open, report
from munisim.scenario import Scenario
from munisim.simulation import Simulation, run
from munisim.view import Viewer, view
from munisim.worlds import WorldResult, open_world, run_world

__all__ = ["Scenario", "ScenarioError", "Simulation", "Result", "run", "open", "report", "view", "Viewer", "experiment",
           "open_experiment", "ExperimentResult", "run_world", "open_world", "WorldResult", "__version__", "git_describe"]
