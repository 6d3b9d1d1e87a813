"""Which parameters matter: Morris elementary effects and Sobol indices, per KPI.

From Python::

    from munisim import sensitivity
    model = sensitivity.Model("scenarios/demo.yaml", kpis={...}, seeds=(1, 2), days=28)
    found = sensitivity.morris(model, ["waste.fleet.shift_h", {"key": "waste.fleet.trucks", "low": 2, "high": 6}])
    found.table            # tidy pandas frame, ranked per KPI
    found.plot("street_stock")

From a shell: ``/usr/bin/python3 -m munisim.sensitivity SPEC.yaml --out DIR`` (docs/calibration.md).

Morris (1991) screening: ``trajectories`` one-at-a-time paths through a ``levels``-level grid of the
unit cube, step Δ = levels / (2 (levels - 1)); an elementary effect is the KPI change over the
step divided by Δ, i.e. per full range of the parameter. mu* (Campolongo et al. 2007) is the mean
absolute effect, sigma its standard deviation (interactions, non-linearity). Cost:
trajectories × (k + 1) points.

Sobol: Saltelli (2010) design from two scrambled Sobol' matrices A and B (``scipy.stats.qmc``),
A with column i from B giving AB_i; first-order S_i = mean(f_B (f_AB_i - f_A)) / V (Saltelli 2010)
and total S_Ti = mean((f_A - f_AB_i)^2) / (2 V) (Jansen 1999), V the variance of f_A and f_B
together; 95 % intervals by bootstrap over the base rows. Cost: n × (k + 2) points.

Every point runs with the same seeds (common random numbers); the KPI is their mean.
"""
import argparse
import dataclasses
import io
import os
import pathlib
import sys

import numpy as np

from munisim import _core
from munisim import parameters as parameter_module
from munisim.evaluation import Model, evaluate
from munisim.spec_keys import check_keys

__all__ = ["Model", "morris", "sobol", "morris_design", "morris_effects", "saltelli_design", "sobol_indices",
           "SensitivityResult", "main"]


# ---- designs and estimators on the unit cube ----

def morris_design(k, trajectories, levels=4, seed=0):
    """Morris trajectories: an array [trajectory, k + 1, k] of unit-cube points and the order in which
    each trajectory moves the parameters, [trajectory, k]. Consecutive points differ in one coordinate
    by ±Δ."""
    if levels < 2 or levels % 2:
        raise ValueError(f"levels is {levels}; expected an even number >= 2")
    rng = np.random.default_rng(seed)
    delta = levels / (2 * (levels - 1))
    grid = np.arange(levels) / (levels - 1)
    points = np.empty((trajectories, k + 1, k))
    orders = np.empty((trajectories, k), dtype=int)
    for t in range(trajectories):
        x = rng.choice(grid, size=k)
        order = rng.permutation(k)
        points[t, 0] = x
        for step, i in enumerate(order, start=1):
            up = x[i] + delta <= 1 + 1e-12 and (x[i] - delta < -1e-12 or rng.random() < 0.5)
            x = x.copy()
            x[i] = x[i] + delta if up else x[i] - delta
            points[t, step] = x
        orders[t] = order
    return points, orders


def morris_effects(points, orders, outputs):
    """Elementary effects [trajectory, k, kpi] from a design and its outputs [trajectory, k + 1, kpi]."""
    outputs = np.asarray(outputs, dtype=float)
    if outputs.ndim == 2:
        outputs = outputs[..., None]
    trajectories, steps, k = points.shape
    effects = np.empty((trajectories, k, outputs.shape[-1]))
    for t in range(trajectories):
        for step, i in enumerate(orders[t], start=1):
            moved = points[t, step, i] - points[t, step - 1, i]
            effects[t, i] = (outputs[t, step] - outputs[t, step - 1]) / moved
    return effects


def morris_statistics(effects):
    """mu, mu* and sigma [k, kpi] from elementary effects [trajectory, k, kpi]."""
    sigma = effects.std(axis=0, ddof=1) if effects.shape[0] > 1 else np.zeros(effects.shape[1:])
    return effects.mean(axis=0), np.abs(effects).mean(axis=0), sigma


def saltelli_design(k, n, seed=0):
    """Saltelli's matrices: A and B [n, k] and AB [k, n, k] (AB[i] is A with column i from B)."""
    from scipy.stats import qmc

    if n < 2 or n & (n - 1):
        raise ValueError(f"n is {n}; expected a power of 2 (Sobol' sequences balance at powers of 2)")
    sample = qmc.Sobol(d=2 * k, scramble=True, seed=seed).random(n)
    a, b = sample[:, :k], sample[:, k:]
    ab = np.repeat(a[None], k, axis=0)
    for i in range(k):
        ab[i, :, i] = b[:, i]
    return a, b, ab


def _indices(f_a, f_b, f_ab):
    variance = np.var(np.concatenate([f_a, f_b]), axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.mean(f_b[None] * (f_ab - f_a[None]), axis=1) / variance
        total = 0.5 * np.mean((f_a[None] - f_ab) ** 2, axis=1) / variance
    return first, total


def sobol_indices(f_a, f_b, f_ab, bootstrap=500, confidence=0.95, seed=0):
    """First-order and total indices with bootstrap intervals. f_a, f_b: [n, kpi]; f_ab: [k, n, kpi].
    Returns a dict of arrays [k, kpi]: S1, S1_low, S1_high, ST, ST_low, ST_high."""
    f_a, f_b, f_ab = (np.asarray(x, dtype=float) for x in (f_a, f_b, f_ab))
    if f_a.ndim == 1:
        f_a, f_b, f_ab = f_a[:, None], f_b[:, None], f_ab[..., None]
    first, total = _indices(f_a, f_b, f_ab)
    rng = np.random.default_rng(seed)
    n = f_a.shape[0]
    samples_first, samples_total = [], []
    for _ in range(bootstrap):
        rows = rng.integers(0, n, n)
        s1, st = _indices(f_a[rows], f_b[rows], f_ab[:, rows])
        samples_first.append(s1)
        samples_total.append(st)
    tail = (1 - confidence) / 2 * 100
    out = {"S1": first, "ST": total}
    for name, samples in (("S1", samples_first), ("ST", samples_total)):
        stacked = np.asarray(samples)
        out[f"{name}_low"] = np.nanpercentile(stacked, tail, axis=0)
        out[f"{name}_high"] = np.nanpercentile(stacked, 100 - tail, axis=0)
    return out


# ---- analyses of a model or a function ----

@dataclasses.dataclass
class SensitivityResult:
    """A tidy table (one row per KPI and parameter, ranked within each KPI) and what it came from."""

    method: str
    table: "object"  # pandas.DataFrame
    parameters: list
    runs: int

    def ranked(self, kpi):
        return self.table[self.table["kpi"] == kpi].sort_values("rank")

    def plot(self, kpi, ax=None):
        """Morris: mu* against sigma; Sobol: S1 and ST bars with their intervals."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6.4, 0.45 * len(self.parameters) + 2.2))
        rows = self.ranked(kpi)
        if self.method == "morris":
            ax.scatter(rows["mu_star"], rows["sigma"])
            for _, row in rows.iterrows():
                ax.annotate(row["parameter"], (row["mu_star"], row["sigma"]), fontsize=8,
                            xytext=(3, 3), textcoords="offset points")
            ax.set_xlabel(f"mu* (change in {kpi} over the full range)")
            ax.set_ylabel("sigma (interactions, non-linearity)")
            ax.set_xlim(left=0)
            ax.set_ylim(bottom=0)
        else:
            rows = rows.iloc[::-1]
            y = np.arange(len(rows))
            for offset, name, colour in ((-0.18, "S1", "tab:blue"), (0.18, "ST", "tab:orange")):
                low = (rows[name] - rows[f"{name}_low"]).clip(lower=0)
                high = (rows[f"{name}_high"] - rows[name]).clip(lower=0)
                ax.barh(y + offset, rows[name], height=0.34, color=colour, label=name, xerr=[low, high],
                        error_kw={"elinewidth": 0.8, "capsize": 2})
            ax.set_yticks(y, rows["parameter"])
            ax.set_xlabel("Sobol index (95 % bootstrap interval)")
            ax.legend(loc="lower right")
        ax.set_title(f"{self.method}: {kpi}")
        ax.figure.tight_layout()
        return ax

    def save(self, folder):
        """sensitivity.csv and one PNG per KPI in ``folder``; returns the paths written."""
        import matplotlib.pyplot as plt

        folder = pathlib.Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = [folder / "sensitivity.csv"]
        _core.write_file_atomically(written[0], self.table.to_csv(index=False).encode("utf-8"))
        for kpi in self.table["kpi"].unique():
            ax = self.plot(kpi)
            path = folder / f"{self.method}-{_file_name(kpi)}.png"
            image = io.BytesIO()
            ax.figure.savefig(image, format="png", dpi=110)
            plt.close(ax.figure)
            _core.write_file_atomically(path, image.getvalue())
            written.append(path)
        return written


def _file_name(text):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in str(text))


def _outputs(model, params, unit_points, executor):
    """KPI values [point, kpi] at unit-cube points, and the KPI names."""
    values = parameter_module.scale_to(params, unit_points)
    if callable(model) and not isinstance(model, Model):
        outputs = np.asarray(model(values), dtype=float)
        outputs = outputs[:, None] if outputs.ndim == 1 else outputs
        return outputs, [f"y{j}" for j in range(outputs.shape[1])] if outputs.shape[1] > 1 else ["y"]
    runs = evaluate(model, params, values, executor)
    return runs.mean(axis=1), list(model.kpis)


def _prepare(model, specs):
    params = parameter_module.parameters(specs)
    if isinstance(model, Model):
        from munisim.evaluation import check

        check(model, params)
    return params


def morris(model, parameters, trajectories=10, levels=4, seed=0, executor=None):
    """Morris screening of ``parameters`` (keys or {key, low, high, name, scale}) for a Model, or for a
    function mapping points [n, k] (in parameter units) to KPI values [n] or [n, kpi]."""
    params = _prepare(model, parameters)
    k = len(params)
    points, orders = morris_design(k, trajectories, levels, seed)
    outputs, names = _outputs(model, params, points.reshape(-1, k), executor)
    effects = morris_effects(points, orders, outputs.reshape(trajectories, k + 1, -1))
    mu, mu_star, sigma = morris_statistics(effects)
    table = _ranked_table(names, params, {"mu": mu, "mu_star": mu_star, "sigma": sigma}, "mu_star")
    return SensitivityResult("morris", table, params, _runs(model, len(points.reshape(-1, k))))


def sobol(model, parameters, n=64, seed=0, bootstrap=500, executor=None):
    """Sobol first-order and total indices, Saltelli design of n base rows (a power of 2)."""
    params = _prepare(model, parameters)
    k = len(params)
    a, b, ab = saltelli_design(k, n, seed)
    unit_points = np.concatenate([a, b, ab.reshape(-1, k)])
    outputs, names = _outputs(model, params, unit_points, executor)
    f_a, f_b, f_ab = outputs[:n], outputs[n:2 * n], outputs[2 * n:].reshape(k, n, -1)
    found = sobol_indices(f_a, f_b, f_ab, bootstrap=bootstrap, seed=seed)
    columns = {name: found[name] for name in ("S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high")}
    table = _ranked_table(names, params, columns, "ST")
    return SensitivityResult("sobol", table, params, _runs(model, len(unit_points)))


def _ranked_table(names, params, columns, rank_by):
    """One row per KPI and parameter with ``columns`` ({name: array [parameter, kpi]}), ranked within
    each KPI by ``rank_by``, largest first, and sorted by KPI and rank."""
    import pandas as pd

    rows = []
    for j, kpi in enumerate(names):
        for i, p in enumerate(params):
            rows.append({"kpi": kpi, "parameter": p.label, "low": p.low, "high": p.high,
                         **{name: values[i, j] for name, values in columns.items()}})
    table = pd.DataFrame(rows)
    table["rank"] = table.groupby("kpi")[rank_by].rank(ascending=False, method="first").astype(int)
    return table.sort_values(["kpi", "rank"], kind="stable").reset_index(drop=True)


def _runs(model, points):
    return points * len(model.seeds) if isinstance(model, Model) else points


# ---- command line ----

def analyse_spec(spec, base_dir=".", executor=None):
    """Runs the analysis a sensitivity file describes (see docs/calibration.md)."""
    from munisim.evaluation import model_from_spec

    check_keys(spec, {"model", "method", "parameters", "trajectories", "levels", "n", "seed", "bootstrap"}, "")
    model = model_from_spec(spec.get("model", {}), base_dir)
    method = spec.get("method", "morris")
    if method == "morris":
        return morris(model, spec.get("parameters", []), trajectories=int(spec.get("trajectories", 10)),
                      levels=int(spec.get("levels", 4)), seed=int(spec.get("seed", 0)), executor=executor)
    if method == "sobol":
        return sobol(model, spec.get("parameters", []), n=int(spec.get("n", 64)), seed=int(spec.get("seed", 0)),
                     bootstrap=int(spec.get("bootstrap", 500)), executor=executor)
    raise ValueError(f"method is {method!r}; expected morris or sobol")


def main(argv=None):
    from munisim.cli import load_spec, run_cli

    parser = argparse.ArgumentParser(prog="python3 -m munisim.sensitivity",
                                     description="Morris or Sobol sensitivity of a scenario's KPIs")
    parser.add_argument("spec", help="sensitivity file (YAML): model, method, parameters")
    parser.add_argument("--out", default="out/sensitivity", help="folder for sensitivity.csv and the plots")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="runs in parallel (processes)")
    args = parser.parse_args(argv)

    def work(executor):
        spec, base_dir = load_spec(args.spec)
        found = analyse_spec(spec, base_dir, executor)
        written = found.save(args.out)
        import pandas as pd

        with pd.option_context("display.width", 160, "display.max_columns", 20):
            print(found.table.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
        print(f"{found.runs} runs; wrote {', '.join(str(p) for p in written)}")

    return run_cli(work, args.workers)


if __name__ == "__main__":
    sys.exit(main())
