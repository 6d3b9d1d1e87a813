"""munisim run --checkpoint-every / --stop-after and munisim resume: a run stopped (cleanly, or by
SIGKILL after a checkpoint, during a day, or in the middle of writing a checkpoint or the output) and resumed writes the
same output as one that never stopped; a checkpoint that is not whole, not of this build or not a
checkpoint at all is refused with exit code 2 and a message naming the file and the check."""
import os
import signal
import subprocess

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


def run(munisim_bin, repo_root, *args, timeout=600, **popen_options):
    return processes.run([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", *SCENARIO_OPTIONS, *args],
                         timeout=timeout, **popen_options)


def resume(munisim_bin, checkpoint, out, threads=2, options=()):
    result = processes.run([munisim_bin, "resume", checkpoint, "--out", out, "--threads", threads, "--quiet",
                            *options], timeout=600)
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


def run_killed_while_writing(munisim_bin, repo_root, tmp_path, kill_point, every):
    """A run on 2 threads with a checkpoint every `every` days, killed by the test-only fault of
    sim/io/write_fault.hpp at `kill_point` ("SUFFIX:NTH:BYTES"): SIGKILL in the middle of a write."""
    result = run(munisim_bin, repo_root, "--out", tmp_path / "b.h5", "--threads", 2, "--checkpoint-every", every,
                 env={**os.environ, "MUNISIM_TEST_KILL_WRITE": kill_point})
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert not (tmp_path / "b.h5").exists()
    assert temporaries(tmp_path), "the kill came before the temporary file was created"


def temporaries(directory):
    return sorted(path.name for path in directory.iterdir() if ".tmp-" in path.name)


# Killed after the first byte, in the middle, and with every byte written but neither synced nor renamed.
KILL_AFTER_BYTES = [1, 4096, 1 << 40]


@pytest.mark.parametrize("kill_after", KILL_AFTER_BYTES)
def test_sigkill_during_a_checkpoint_write_leaves_the_previous_one_which_resumes_to_the_same_output(
        munisim_bin, repo_root, straight, tmp_path, provenance, kill_after):
    """Killed while writing the day-10 checkpoint: the day-5 one is still under the checkpoint's name
    (and as .prev), and resuming it, checkpointing again, gives the uninterrupted run's output and
    removes the killed writer's temporary file."""
    run_killed_while_writing(munisim_bin, repo_root, tmp_path, f".ckpt:2:{kill_after}", every=5)
    assert_identical_but_provenance(straight, resume(munisim_bin, tmp_path / "b.h5.ckpt.prev", tmp_path / "r.h5"),
                                    provenance)
    assert_identical_but_provenance(straight, resume(munisim_bin, tmp_path / "b.h5.ckpt", tmp_path / "b.h5",
                                                    options=["--checkpoint-every", 5]),
                                    provenance)
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("kill_after", KILL_AFTER_BYTES)
def test_sigkill_during_the_output_write_leaves_nothing_under_its_name_and_the_next_write_clears_the_temporary(
        munisim_bin, repo_root, straight, tmp_path, provenance, kill_after):
    run_killed_while_writing(munisim_bin, repo_root, tmp_path, f"b.h5:1:{kill_after}", every=23)
    # A temporary file of a process still running is never touched.
    live = tmp_path / f"b.h5.tmp-{os.getpid()}-0"
    live.write_bytes(b"")
    assert_identical_but_provenance(straight, resume(munisim_bin, tmp_path / "b.h5.ckpt", tmp_path / "b.h5"),
                                    provenance)
    assert temporaries(tmp_path) == [live.name]


def test_a_malformed_kill_point_is_an_internal_error_naming_the_variable(munisim_bin, repo_root, tmp_path):
    result = processes.run([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", "--days", 1, "--quiet",
                            "--out", tmp_path / "b.h5"],
                           timeout=300, env={**os.environ, "MUNISIM_TEST_KILL_WRITE": "b.h5:0:10"})
    assert result.returncode == 1
    assert "MUNISIM_TEST_KILL_WRITE: expected SUFFIX:NTH:BYTES with NTH >= 1, got 'b.h5:0:10'" in result.stderr
    assert temporaries(tmp_path) == [] and not (tmp_path / "b.h5").exists()


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
