"""Child processes for tests. Each child leads its own process group, and the group is killed and
reaped on every path out of a test (failure, timeout, Ctrl-C), so a failing test leaves nothing
running behind it."""
import os
import signal
import subprocess
import threading


def _ignore_sigint():
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _end(process):
    if process.returncode is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


class Children:
    """Started processes, ended together by end_all() (the `children` fixture calls it at teardown)."""

    def __init__(self):
        self._started = []

    def start(self, args, *, sigint_ignored=False, **popen_options):
        """Popen in a new session. sigint_ignored: the child inherits SIGINT ignored, as a background
        job (`cmd &`, nohup) does, so the test shows the child sets up its own Ctrl-C handling."""
        process = subprocess.Popen([str(a) for a in args], start_new_session=True,
                                   preexec_fn=_ignore_sigint if sigint_ignored else None, **popen_options)
        self._started.append(process)
        return process

    def end_all(self):
        for process in self._started:
            _end(process)


def run(args, timeout, **popen_options):
    """subprocess.run(capture_output=True, text=True) whose whole process group dies on timeout."""
    process = subprocess.Popen([str(a) for a in args], start_new_session=True, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, **popen_options)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    finally:
        _end(process)


def line_starting(stream, prefix, timeout):
    """The first line a child writes to `stream` (a text pipe) that starts with `prefix`; TimeoutError
    when none comes in time. The reading thread ends when the child does (end_all kills it)."""
    found = []

    def read():
        for line in stream:
            if line.startswith(prefix):
                found.append(line)
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    if not found:
        raise TimeoutError(f"the child wrote no line starting with {prefix!r} within {timeout} s")
    return found[0]
