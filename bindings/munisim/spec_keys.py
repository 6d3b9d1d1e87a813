"""The unknown-key check every mapping of a sensitivity or calibration file shares (the file itself,
its model, targets, KPIs and parameters): a misspelt key is refused, never silently ignored."""
import difflib


def check_keys(mapping, known, where, error=ValueError):
    """Raises ``error`` when ``mapping`` has keys outside ``known``, naming them, the closest known key
    and what ``where`` (``"model"``, ``"kpi x"``; empty for the top level) expects."""
    unknown = sorted(set(mapping) - set(known), key=str)
    if not unknown:
        return
    hints = []
    for key in unknown:
        close = difflib.get_close_matches(str(key), sorted(known), n=1)
        hints.append(f"{key} (did you mean {close[0]}?)" if close else str(key))
    prefix = f"{where}: " if where else ""
    raise error(f"{prefix}unknown keys {', '.join(hints)}; expected {', '.join(sorted(known))}")
