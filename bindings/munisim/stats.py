"""Comparing variants over replications: paired differences with Student-t confidence intervals.

Runs of two variants that share seeds (common random numbers) are compared seed by seed, so the
interval is that of the mean paired difference, narrower than that of two independent means.
"""
import numpy as np


def confidence_interval(values, confidence=0.95):
    """Mean of ``values`` (one per replication, along the first axis) and the half-width of its
    Student-t confidence interval; the half-width is NaN for a single replication."""
    from scipy.stats import t

    values = np.asarray(values, dtype=float)
    n = values.shape[0]
    mean = values.mean(axis=0)
    if n < 2:
        return mean, np.full_like(mean, np.nan)
    half = t.ppf(0.5 + confidence / 2, n - 1) * values.std(axis=0, ddof=1) / np.sqrt(n)
    return mean, half


def paired_difference(variant, baseline, confidence=0.95):
    """``variant - baseline`` replication by replication (the same seeds in the same order), as a
    dict with mean, half_width, low, high and n."""
    variant = np.asarray(variant, dtype=float)
    baseline = np.asarray(baseline, dtype=float)
    if variant.shape != baseline.shape:
        raise ValueError(f"paired runs need the same shape, got {variant.shape} and {baseline.shape}")
    mean, half = confidence_interval(variant - baseline, confidence)
    return {"mean": mean, "half_width": half, "low": mean - half, "high": mean + half, "n": variant.shape[0]}
