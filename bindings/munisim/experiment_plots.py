"""Plots of experiments: variants with their 95 % confidence intervals, or their paired
differences to the baseline. Every axis says its unit."""


def plot_variants(result, kpi, differences=False, ax=None):
    """Horizontal intervals, one row per variant: the mean of ``kpi`` over replications with its 95 %
    Student-t interval, or with ``differences`` the paired difference to the baseline (zero marked).
    ``result`` is an ExperimentResult. Returns the matplotlib axes."""
    import matplotlib.pyplot as plt

    if kpi not in result.kpis:
        raise KeyError(f"{kpi!r} is not a KPI of this experiment; it has: {', '.join(result.kpis)}")
    if differences:
        rows = result.differences[result.differences["kpi"] == kpi]
        estimate, low, high = rows["diff_mean"], rows["diff_ci95_low"], rows["diff_ci95_high"]
        reference, title = 0.0, f"{kpi}: difference to {result.baseline}"
    else:
        rows = result.summary[result.summary["kpi"] == kpi]
        estimate, low, high = rows["mean"], rows["ci95_low"], rows["ci95_high"]
        reference = float(rows.loc[rows["variant"] == result.baseline, "mean"].iloc[0])
        title = f"{kpi}: mean of {int(rows['n'].iloc[0])} replications"
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.5 * len(rows) + 1.5), layout="constrained")
    positions = range(len(rows))
    errors = [(estimate - low).fillna(0).to_numpy(), (high - estimate).fillna(0).to_numpy()]
    ax.errorbar(estimate.to_numpy(), list(positions), xerr=errors, fmt="o", capsize=4)
    ax.axvline(reference, color="grey", linestyle="--", linewidth=1)
    ax.set_yticks(list(positions), list(rows["variant"]))
    ax.invert_yaxis()
    ax.set_xlabel(f"{kpi} ({rows['unit'].iloc[0]}), 95 % confidence interval")
    ax.set_title(title)
    return ax
