"""Scenarios: load a YAML file or text, change keys with the CLI's validation, print it back."""
import json
import pathlib

import yaml

from munisim import _core


def _as_yaml(value):
    """A Python value as a YAML flow scalar or sequence (JSON is valid YAML)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)  # dates from to_dict() go back as YYYY-MM-DD


class Scenario:
    """A validated scenario. Every change is checked at once, with the CLI's error messages.

    Errors raise ``munisim.ScenarioError`` (a ``ValueError``) with ``file``, ``line``, ``column``,
    ``key_path`` and ``problem``.
    """

    def __init__(self, loader, overrides=()):
        self._loader = loader
        self._overrides = list(overrides)
        self._loaded = loader(self._overrides)

    @classmethod
    def load(cls, path, overrides=()):
        """Loads a scenario file (``extends:`` resolved relative to it)."""
        path = str(path)
        return cls(lambda extra: _core.load_scenario(path, extra), overrides)

    @classmethod
    def from_yaml(cls, text, name="<text>", base_dir="."):
        """A scenario from YAML text; ``extends:`` is resolved from ``base_dir``."""
        base = str(pathlib.Path(base_dir))
        return cls(lambda extra: _core.load_scenario_text(text, name, base, extra))

    @classmethod
    def from_dict(cls, data, name="<dict>", base_dir="."):
        """A scenario from a dict shaped like the YAML."""
        return cls.from_yaml(yaml.safe_dump(data, sort_keys=False), name, base_dir)

    def set(self, key, value):
        """Changes one key, e.g. ``set("waste.fleet.trucks", 80)``; returns self for chaining."""
        overrides = self._overrides + [f"{key}={_as_yaml(value)}"]
        self._loaded = self._loader(overrides)
        self._overrides = overrides
        return self

    def get(self, key):
        """The resolved value of a dotted key, e.g. ``get("city.sampling")``."""
        node = self.to_dict()
        for part in key.replace("]", "").replace("[", ".").split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def to_yaml(self):
        """The fully resolved scenario (every key, defaults included) as YAML text."""
        return self._loaded.resolved_yaml

    def to_dict(self):
        return yaml.safe_load(self._loaded.resolved_yaml)

    @property
    def name(self):
        return self._loaded.name

    @property
    def days(self):
        return self._loaded.days

    @property
    def seed(self):
        return self._loaded.seed

    def __repr__(self):
        return f"Scenario({self.name!r}, {self.days} days, seed {self.seed})"
