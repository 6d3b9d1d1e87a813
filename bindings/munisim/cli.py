"""What the sensitivity and calibration command lines share: reading their YAML file with located
errors, a pool of worker processes, and exit code 2 with one clear line on bad input."""
import concurrent.futures
import multiprocessing
import pathlib
import sys

import yaml

from munisim import _core

EXIT_BAD_INPUT = 2


class SpecError(ValueError):
    """A sensitivity or calibration file that cannot be read."""


def load_spec(path):
    """The YAML mapping in ``path`` and the folder its relative paths start from."""
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SpecError(f"{path}: cannot read ({error.strerror})") from None
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise SpecError(f"{where}: not valid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(spec, dict):
        raise SpecError(f"{path}: expected a mapping at the top")
    return spec, path.parent


def run_cli(work, workers):
    """Calls ``work(executor)`` with a process pool of ``workers`` (none for 1); bad input exits 2."""
    try:
        if workers <= 1:
            work(None)
        else:
            context = multiprocessing.get_context("spawn")  # a clean engine in every worker
            with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as executor:
                work(executor)
    except (ValueError, _core.ScenarioError) as error:  # ScenarioError, KpiError, ParameterError, SpecError
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 0
