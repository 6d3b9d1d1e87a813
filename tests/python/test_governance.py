"""Governance from Python: presets and switches set like any key, every citizen's satisfaction and
trust as arrays, every ticket as a table that agrees with the series."""
import numpy as np
import pytest

import munisim


@pytest.fixture
def town(repo_root):
    return (munisim.Scenario.load(str(repo_root / "scenarios" / "demo.yaml"))
            .set("mobility.enabled", False).set("waste.fleet.trucks", 2).set("governance.enabled", True))


def test_presets_and_switches_are_scenario_keys(town):
    town.set("governance.model", "integrated")
    town.set("governance.mechanisms", [{"kind": "complaint_app", "start_date": "2025-01-15", "enabled": False}])
    assert town.get("governance.model") == "integrated"
    with pytest.raises(munisim.ScenarioError, match="governance.model"):
        town.set("governance.model", "networked")


def test_opinion_and_tickets_are_readable_and_agree_with_the_series(town):
    town.set("governance.model", "integrated")
    sim = munisim.Simulation(town, days=42, threads=2)
    sim.run()
    opinion = sim.opinion
    citizens = sim.citizens
    assert set(opinion) == {"satisfaction_waste", "satisfaction_transport", "satisfaction_citizen_services", "trust"}
    for values in opinion.values():
        assert values.shape == citizens["district"].shape
        assert values.min() >= 0 and values.max() <= 1
        assert not values.flags.writeable
    tickets = sim.tickets
    result = sim.result()
    filed = np.asarray(result["complaints_filed"]).sum()
    assert tickets["weight"].sum() == pytest.approx(filed)
    answered = tickets.loc[tickets["state"] == "answered", "weight"].sum()
    assert answered == pytest.approx(np.asarray(result["complaints_answered"]).sum())
    # Only citizens with digital access use the app or the web.
    digital = citizens["digital_access"][tickets["citizen"].to_numpy()]
    assert (digital[tickets["channel"].isin(["app", "web"]).to_numpy()] == 1).all()
    # The frame names what the codes mean.
    assert set(tickets["department"].cat.categories) >= {"waste", "transport", "citizen_services"}


def test_without_governance_the_opinion_is_refused_with_the_key_to_set(town):
    town.set("governance.enabled", False)
    sim = munisim.Simulation(town, days=1)
    with pytest.raises(ValueError, match="governance.enabled"):
        sim.opinion
