"""munisim run --checkpoint-every / --stop-after and munisim resume: a run stopped (cleanly, or by
SIGKILL after a checkpoint, during a day or while checkpoints are written) and resumed writes the
same output as one that never stopped; a checkpoint that is not whole, not of this build or not a
checkpoint at all is refused with exit code 2 and a message naming the file and the check."""
import random
import signal
import subprocess
import time

import pytest

import processes
from identical_outputs import assert_identical_but_provenance

# The demo town at 1:2 with governance and breakdowns, 60 days: every domain keeps state, and a day
# lasts long enough for a kill after a checkpoint to land before the run ends.
SCENARIO_OPTIONS = ["--days", 60, "--set", "city.sampling=2", "--set", "governance.enabled=true",
                    "--set", "waste.fleet.breakdown_probability=0.05", "--quiet"]


@pytest.fixture(scope="module")
def straight(munisim_bin, repo_root, tmp_path_factory):
    """The uninterrupted 60-day run on one thread."""
    out = tmp_path_factory.mktemp("straight") / "a.h5"
    result = processes.run([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", "--out", out, "--threads", 1,
                            *SCENARIO_OPTIONS], timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def run(munisim_bin, repo_root, *args, timeout=600):
    return processes.run([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", *SCENARIO_OPTIONS, *args],
                         timeout=timeout)


def resume(munisim_bin, checkpoint, out, threads=2):
    result = processes.run([munisim_bin, "resume", checkpoint, "--out", out, "--threads", threads, "--quiet"],
                           timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_stopped_at_day_23_and_resumed_on_other_threads_writes_the_same_output(munisim_bin, repo_root, straight,
                                                                                tmp_path, provenance):
    checkpoint = tmp_path / "b.ckpt"
    result = run(munisim_bin, repo_root, "--out", tmp_path / "b.h5", "--threads", 2, "--checkpoint-every", 23,
                 "--stop-after", 23, "--checkpoint", checkpoint)
    assert result.returncode == 0, result.stderr
    assert checkpoint.exists() and not (tmp_path / "b.h5").exists()
    assert_identical_but_provenance(straight, resume(munisim_bin, checkpoint, tmp_path / "b.h5", threads=1),
                                    provenance)
    # Resuming the same checkpoint again gives the same bytes.
    assert_identical_but_provenance(straight, resume(munisim_bin, checkpoint, tmp_path / "c.h5"), provenance)


def start(children, munisim_bin, repo_root, tmp_path, every):
    process = children.start([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", *SCENARIO_OPTIONS[:-1],
                              "--out", tmp_path / "b.h5", "--threads", 2, "--checkpoint-every", every],
                             stderr=subprocess.PIPE, text=True)
    return process


def assert_both_checkpoints_resume(munisim_bin, provenance, straight, tmp_path):
    """Nothing under the output's name; the last checkpoint and the one before both finish the run
    with the uninterrupted run's output."""
    assert not (tmp_path / "b.h5").exists()
    for checkpoint in ("b.h5.ckpt", "b.h5.ckpt.prev"):
        assert_identical_but_provenance(straight, resume(munisim_bin, tmp_path / checkpoint, tmp_path / "r.h5"),
                                        provenance)
        (tmp_path / "r.h5").unlink()


def kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def test_sigkill_after_a_checkpoint_resumes_to_the_same_output(munisim_bin, repo_root, straight, tmp_path, children,
                                                               provenance):
    process = start(children, munisim_bin, repo_root, tmp_path, 23)
    processes.line_starting(process.stderr, "checkpoint: day 23 of 60", timeout=300)
    kill(process)
    assert not (tmp_path / "b.h5").exists()
    assert_identical_but_provenance(straight, resume(munisim_bin, tmp_path / "b.h5.ckpt", tmp_path / "b.h5"),
                                    provenance)


def test_sigkill_during_a_day_leaves_the_last_and_the_previous_checkpoint(munisim_bin, repo_root, straight, tmp_path,
                                                                          children, provenance):
    process = start(children, munisim_bin, repo_root, tmp_path, 5)
    processes.line_starting(process.stderr, "checkpoint: day 10 of 60", timeout=300)
    kill(process)
    assert_both_checkpoints_resume(munisim_bin, provenance, straight, tmp_path)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_a_random_moment_among_daily_checkpoints_leaves_only_whole_ones(munisim_bin, repo_root, straight,
                                                                                   tmp_path, children, provenance,
                                                                                   seed):
    """A checkpoint every day, killed at a random moment after the first: whatever was being written,
    the final names hold whole checkpoints that resume to the same output."""
    process = start(children, munisim_bin, repo_root, tmp_path, 1)
    processes.line_starting(process.stderr, "checkpoint: day 2 of 60", timeout=300)
    time.sleep(random.Random(seed).uniform(0, 0.5))
    kill(process)
    assert_both_checkpoints_resume(munisim_bin, provenance, straight, tmp_path)


@pytest.fixture(scope="module")
def good_checkpoint(munisim_bin, repo_root, tmp_path_factory):
    directory = tmp_path_factory.mktemp("good")
    result = run(munisim_bin, repo_root, "--out", directory / "b.h5", "--stop-after", 23)
    assert result.returncode == 0, result.stderr
    return (directory / "b.h5.ckpt").read_bytes()


def refused(munisim_bin, tmp_path, data):
    checkpoint = tmp_path / "bad.ckpt"
    checkpoint.write_bytes(data)
    result = processes.run([munisim_bin, "resume", checkpoint, "--out", tmp_path / "out.h5", "--quiet"], timeout=300)
    assert result.returncode == 2, result.stderr
    assert f"{checkpoint}: checkpoint: " in result.stderr
    assert not (tmp_path / "out.h5").exists()
    return result.stderr


def test_truncated_flipped_foreign_and_other_version_checkpoints_exit_2_naming_the_check(munisim_bin, tmp_path,
                                                                                       good_checkpoint):
    assert "length" in refused(munisim_bin, tmp_path, good_checkpoint[: len(good_checkpoint) // 2])
    flipped = bytearray(good_checkpoint)
    flipped[-100] ^= 0x10
    assert "checksum of section" in refused(munisim_bin, tmp_path, bytes(flipped))
    assert "magic: not a munisim checkpoint" in refused(munisim_bin, tmp_path, b"name: demo\ndays: 3\n")
    other_version = bytearray(good_checkpoint)
    other_version[8] = 7  # the format version follows the magic
    assert "format version: 7" in refused(munisim_bin, tmp_path, bytes(other_version))


def test_a_missing_checkpoint_exits_2_naming_it(munisim_bin, tmp_path):
    result = processes.run([munisim_bin, "resume", tmp_path / "none.ckpt", "--quiet"], timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"{tmp_path / 'none.ckpt'}: checkpoint: " in result.stderr
