"""Fitting [EST] parameters to observed figures, and checking the fit on figures left out.

A calibration file (YAML, docs/calibration.md) names the scenario, the parameters to fit with their
ranges, and targets: a KPI (munisim.kpis), the observed value, its uncertainty ``sd`` and its
source. Targets with ``fit: false`` are held out: they are not in the loss and show how well the
fitted model reproduces what it was not fitted to. The loss is the sum of squared z-scores
((simulated - observed) / sd) over the fitted targets; each candidate runs with the same seeds
(common random numbers). Optuna's TPE sampler, seeded, proposes the candidates in batches of
``batch`` trials, so the result depends on the seed, the trials and the batch, not on how many
workers run them.

The output is a scenario that ``extends:`` the original with only the fitted keys, each commented
with its targets, the fit and the provenance, and a Markdown report of every target's fit, run on
the written file itself::

    /usr/bin/python3 -m munisim.calibration scenarios/calibration/trujillo.yaml
"""
import argparse
import dataclasses
import datetime
import json
import os
import pathlib
import sys

import numpy as np

from munisim import _core
from munisim import parameters as parameter_module
from munisim.evaluation import check, evaluate, model_from_spec, point_overrides
from munisim.spec_keys import check_keys

__all__ = ["Target", "Calibration", "calibrate", "write_scenario", "fit_report", "main"]


@dataclasses.dataclass(frozen=True)
class Target:
    """An observed figure: the KPI that simulates it, its value, uncertainty (1 sd) and source."""

    name: str
    kpi: object
    value: float
    sd: float
    source: str = ""
    fit: bool = True
    unit: str = ""


def targets_from_spec(entries):
    targets = []
    for entry in entries or []:
        missing = {"name", "kpi", "value", "sd"} - set(entry)
        if missing:
            raise ValueError(f"target {entry.get('name', entry)}: missing {', '.join(sorted(missing))}")
        check_keys(entry, {"name", "kpi", "value", "sd", "source", "fit", "unit"}, f"target {entry['name']}")
        if not float(entry["sd"]) > 0:
            raise ValueError(f"target {entry['name']}: sd is {entry['sd']}; expected an uncertainty above 0")
        targets.append(Target(name=str(entry["name"]), kpi=entry["kpi"], value=float(entry["value"]),
                              sd=float(entry["sd"]), source=str(entry.get("source", "")),
                              fit=bool(entry.get("fit", True)), unit=str(entry.get("unit", ""))))
    if not any(t.fit for t in targets):
        raise ValueError("targets: none is fitted (fit: true); nothing to calibrate against")
    names = [t.name for t in targets]
    if len(set(names)) != len(names):
        raise ValueError(f"targets: names repeat: {names}")
    return targets


@dataclasses.dataclass
class Calibration:
    """The best parameters, their loss, every trial and the fit of every target at the best point."""

    parameters: list
    best: dict  # label -> value
    loss: float
    trials: object  # pandas.DataFrame: trial, parameters, loss
    targets: list
    seed: int
    n_trials: int
    simulated: dict  # target name -> simulated value at the best point (mean over the seeds)
    aims: dict = dataclasses.field(default_factory=dict)  # parameter label -> names of the targets it is for
    range_sources: dict = dataclasses.field(default_factory=dict)  # parameter label -> where its range comes from

    def fitted_point(self):
        return [self.best[p.label] for p in self.parameters]


def _model_with_targets(model, targets):
    kpis = {t.name: t.kpi for t in targets}
    return dataclasses.replace(model, kpis=kpis)


def loss_of(values, targets):
    """Sum of squared z-scores of the fitted targets; ``values`` in target order."""
    return float(sum(((v - t.value) / t.sd) ** 2 for v, t in zip(values, targets) if t.fit))


def calibrate(model, parameters, targets, trials=40, seed=0, batch=2, executor=None, significant=4, progress=None):
    """Fits ``parameters`` to ``targets`` with a seeded TPE sampler; returns a Calibration whose best
    values are rounded to ``significant`` digits (and whose loss is that of the rounded values).
    ``progress(done, trials, best_loss)`` is called after each batch."""
    import optuna
    import pandas as pd

    specs, aims, range_sources = _split_aims(parameters, targets)
    params = parameter_module.parameters(specs)
    model = _model_with_targets(model, targets)
    check(model, params)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    distributions = {p.label: optuna.distributions.FloatDistribution(p.low, p.high) for p in params}
    start = _starting_point(model, params)
    if start is not None:  # the scenario as it is is the first trial: the fit is never worse than it
        study.enqueue_trial(start)
    done = 0
    while done < trials:
        asked = [study.ask(distributions) for _ in range(min(batch, trials - done))]
        points = [[trial.params[p.label] for p in params] for trial in asked]
        outputs = evaluate(model, params, points, executor).mean(axis=1)
        for trial, values in zip(asked, outputs):
            study.tell(trial, loss_of(values, targets))
        done += len(asked)
        if progress is not None:
            progress(done, trials, study.best_value)
    best = {label: _round(value, significant) for label, value in study.best_params.items()}
    best_values = evaluate(model, params, [[best[p.label] for p in params]], executor).mean(axis=1)[0]
    frame = study.trials_dataframe(attrs=("number", "params", "value"))
    frame = frame.rename(columns={"number": "trial", "value": "loss"})
    return Calibration(params, best, loss_of(best_values, targets), frame, targets, seed, trials,
                       dict(zip(model.kpis, best_values)),
                       {p.label: names for p, names in zip(params, aims) if names},
                       {p.label: text for p, text in zip(params, range_sources) if text})


def _starting_point(model, params):
    """The parameters' values in the scenario as it is (1 for factors), when all are in range."""
    scenario = model.load()
    start = {}
    for parameter in params:
        key, index = parameter_module.split_index(parameter.key)
        value = 1.0 if parameter.scale else scenario.get(key)
        value = value[index] if index is not None and not parameter.scale else value
        if isinstance(value, list) or not parameter.low <= value <= parameter.high:
            return None
        start[parameter.label] = float(value)
    return start


def _split_aims(specs, targets):
    """Parameter specs without their optional ``targets`` (the fitted targets a parameter is chiefly
    for) and ``range_source`` (where its range comes from), both written in the scenario's comments,
    and those."""
    fitted = {t.name for t in targets if t.fit}
    plain, aims, range_sources = [], [], []
    for spec in specs:
        names = []
        range_sources.append(str(spec.get("range_source", "")) if isinstance(spec, dict) else "")
        if isinstance(spec, dict):
            spec = {k: v for k, v in spec.items() if k != "range_source"}
        if isinstance(spec, dict) and "targets" in spec:
            spec = dict(spec)
            names = list(spec.pop("targets"))
            unknown = [name for name in names if name not in fitted]
            if unknown:
                raise ValueError(f"parameter {spec.get('name') or spec.get('key')}: targets {unknown} name no fitted "
                                 f"target")
        plain.append(spec)
        aims.append(names)
    return plain, aims, range_sources


def _round(value, significant):
    return float(f"{value:.{significant}g}")


# ---- the calibrated scenario and its report ----

def _nested(flat):
    tree = {}
    for key, value in flat.items():
        node = tree
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return tree


def write_scenario(path, original, calibration, model, command, report_name):
    """Writes the calibrated scenario: ``extends:`` the original, only the fitted keys, comments."""
    from munisim import __version__, git_describe

    path = pathlib.Path(path)
    relative = os.path.relpath(pathlib.Path(original).resolve(), path.resolve().parent)
    point = calibration.fitted_point()
    overrides = dict(point_overrides(model, calibration.parameters, point))
    fitted = [t for t in calibration.targets if t.fit]
    held_out = [t for t in calibration.targets if not t.fit]
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    lines = [
        f"# {pathlib.Path(original).name} calibrated by munisim.calibration on {today}: munisim {__version__}"
        f" ({git_describe}), Optuna TPE seed {calibration.seed}, {calibration.n_trials} trials,",
        f"# seeds {list(model.seeds)}, {model.days or 'all'} days per run. Loss {calibration.loss:.3g} = sum of"
        f" squared z-scores over {len(fitted)} fitted targets.",
        f"# Command: {command}",
        f"# Held out (not fitted): {', '.join(t.name for t in held_out) or 'none'}; every target's fit is in"
        f" {report_name}.",
        f"extends: {relative}",
    ]
    by_key = {}
    for parameter, value in zip(calibration.parameters, point):
        key, _ = parameter.overrides(model.load(), value)
        by_key.setdefault(key, []).append((parameter, value))
    lines += [f"# Targets fitted: {', '.join(_describe(t, calibration.simulated) for t in fitted)}."]
    lines += _emit(_nested(overrides), "", by_key, calibration)
    _write_text(path, "\n".join(lines) + "\n")


def _describe(target, simulated):
    return (f"{target.name} {target.value:g} ± {target.sd:g} {target.unit}".rstrip()
            + f" -> {simulated[target.name]:.4g} (z {_z(simulated[target.name], target):+.2f})")


def _emit(tree, prefix, by_key, calibration, indent=0):
    lines = []
    for name, value in tree.items():
        key = f"{prefix}{name}"
        pad = "  " * indent
        if isinstance(value, dict):
            lines.append(f"{pad}{name}:")
            lines += _emit(value, key + ".", by_key, calibration, indent + 1)
            continue
        for parameter, fit in by_key.get(key, []):
            how = "factor on the original" if parameter.scale else "value"
            lines.append(f"{pad}# fitted {how} {fit:g} in [{parameter.low:g}, {parameter.high:g}]"
                         f" ({parameter.label})")
            if parameter.label in calibration.range_sources:
                lines.append(f"{pad}#   range: {calibration.range_sources[parameter.label]}")
            names = calibration.aims.get(parameter.label)
            for target in [t for t in calibration.targets if t.fit and (not names or t.name in names)]:
                lines.append(f"{pad}#   target {_describe(target, calibration.simulated)}"
                             + (f"; {target.source}" if target.source else ""))
        lines.append(f"{pad}{name}: {json.dumps(value)}")
    return lines


def _z(value, target):
    return (value - target.value) / target.sd


def fit_report(targets, simulated, spread, title):
    """Markdown: every target, observed and simulated, z-score, fitted or held out."""
    lines = [f"# {title}", "",
             "z = (simulated - observed) / sd. Fitted targets are in the loss; held-out targets are not and",
             "check the fit. Simulated: mean over the seeds (± their standard deviation).", "",
             "| target | role | observed | sd | simulated | z | source |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for target in targets:
        role = "fitted" if target.fit else "held out"
        value = simulated[target.name]
        lines.append(f"| {target.name} | {role} | {target.value:g} {target.unit} | {target.sd:g} | {value:.4g}"
                     f" ± {spread[target.name]:.2g} | {_z(value, target):+.2f} | {target.source} |")
    held = [t for t in targets if not t.fit]
    if held:
        rms = float(np.sqrt(np.mean([_z(simulated[t.name], t) ** 2 for t in held])))
        lines += ["", f"Held-out targets: {len(held)}, root mean square z {rms:.2f}."]
    return "\n".join(lines) + "\n"


def _write_text(path, text):
    _core.write_file_atomically(path, text.encode("utf-8"))


# ---- command line ----

def run_spec(spec, base_dir, executor=None, command="", progress=None):
    """Calibrates as a calibration file says, writes the scenario and the report; returns both paths
    and the Calibration."""
    check_keys(spec, {"model", "parameters", "targets", "trials", "seed", "batch", "output", "report"}, "")
    for key in ("output", "report"):
        if key not in spec:
            raise ValueError(f"{key}: missing; expected a file path relative to the calibration file")
    model = model_from_spec(spec.get("model", {}), base_dir)
    targets = targets_from_spec(spec.get("targets"))
    calibration = calibrate(model, spec.get("parameters", []), targets, trials=int(spec.get("trials", 40)),
                            seed=int(spec.get("seed", 0)), batch=int(spec.get("batch", 2)), executor=executor,
                            progress=progress)
    output = pathlib.Path(base_dir) / spec["output"]
    report = pathlib.Path(base_dir) / spec["report"]
    model = _model_with_targets(model, targets)
    # The report is run on the written file itself, so that it describes exactly what ships.
    write_scenario(output, model.scenario, calibration, model, command, os.path.relpath(report, output.parent))
    written = dataclasses.replace(model, scenario=str(output))
    values = evaluate(written, [], [[]], executor)[0]  # [seed, kpi]
    simulated = dict(zip(written.kpis, values.mean(axis=0)))
    spread = dict(zip(written.kpis, values.std(axis=0)))
    title = f"Fit of {output.name} ({len(targets)} targets)"
    _write_text(report, fit_report(targets, simulated, spread, title))
    return output, report, calibration, simulated


def main(argv=None):
    from munisim.cli import load_spec, run_cli

    parser = argparse.ArgumentParser(prog="python3 -m munisim.calibration",
                                     description="fit [EST] parameters to observed figures (Optuna TPE)")
    parser.add_argument("spec", help="calibration file (YAML): model, parameters, targets, trials, seed, output")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="runs in parallel (processes)")
    args = parser.parse_args(argv)
    command = "/usr/bin/python3 -m munisim.calibration " + " ".join(argv if argv is not None else sys.argv[1:])

    def work(executor):
        spec, base_dir = load_spec(args.spec)
        def progress(done, trials, best):
            print(f"trial {done}/{trials}, best loss {best:.4g}", file=sys.stderr, flush=True)

        output, report, calibration, simulated = run_spec(spec, base_dir, executor, command, progress)
        for target in calibration.targets:
            role = "fitted  " if target.fit else "held out"
            print(f"{role} {target.name:32} observed {target.value:<12g} simulated {simulated[target.name]:<12.4g}"
                  f" z {_z(simulated[target.name], target):+.2f}")
        print(f"best {calibration.best}, loss {calibration.loss:.3g}; wrote {output} and {report}")

    return run_cli(work, args.workers)


if __name__ == "__main__":
    sys.exit(main())
