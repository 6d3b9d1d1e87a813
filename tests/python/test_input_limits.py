"""Inputs built to exhaust memory get exit code 2 and a located message, under the address-space
limits a shared machine or a container imposes, instead of an allocation failure or the OOM killer."""
import shutil

import pytest

import processes

needs_prlimit = pytest.mark.skipif(shutil.which("prlimit") is None, reason="prlimit (util-linux) is not installed")


@pytest.mark.measures_memory
@needs_prlimit
def test_yaml_alias_bomb_is_refused_at_the_alias(munisim_bin, repo_root):
    # Nine levels of ten aliases: 10^9 nodes once expanded, from a few hundred bytes.
    bomb = repo_root / "tests" / "scenario" / "bad" / "alias_bomb.yaml"
    result = processes.run(["prlimit", "--as=4000000000", munisim_bin, "validate", bomb], timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"{bomb}:6:36: e[7]: the alias '*d' repeats 11111 nodes" in result.stderr
    assert "at most 100000 nodes" in result.stderr and "internal error" not in result.stderr


def test_deep_nesting_is_refused_where_it_gets_too_deep(munisim_bin, repo_root):
    deep = repo_root / "tests" / "scenario" / "bad" / "nesting_too_deep.yaml"
    result = processes.run([munisim_bin, "validate", deep], timeout=60)
    assert result.returncode == 2
    assert f"{deep}:2:70: name[0]" in result.stderr and "deeper than 64 levels" in result.stderr
