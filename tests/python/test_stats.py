"""Paired differences with Student-t intervals, against values worked out by hand."""
import numpy as np
import pytest

from munisim import stats


def test_paired_difference_of_four_replications():
    baseline = np.array([10.0, 12.0, 11.0, 13.0])
    variant = baseline - np.array([1.0, 2.0, 3.0, 2.0])  # differences -1, -2, -3, -2: mean -2, sd 0.8165
    result = stats.paired_difference(variant, baseline)
    assert result["mean"] == pytest.approx(-2.0)
    # t(0.975, 3) = 3.182446; 3.182446 * 0.816497 / 2 = 1.2992285
    assert result["half_width"] == pytest.approx(1.2992285, rel=1e-6)
    assert result["high"] < 0 and result["n"] == 4


def test_one_replication_has_no_interval_and_shapes_must_match():
    mean, half = stats.confidence_interval([[1.0, 2.0]])
    assert mean.tolist() == [1.0, 2.0] and np.isnan(half).all()
    with pytest.raises(ValueError, match="same shape"):
        stats.paired_difference([1.0, 2.0], [1.0])
