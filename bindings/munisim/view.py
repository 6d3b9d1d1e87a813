"""munisim.view: opens outputs in the web viewer from Python (docs/viewer.md).

It starts the same server as ``munisim view`` (the command-line program, as a child process) on
127.0.0.1 and returns a Viewer with its URL; ``stop()`` ends it, and so does leaving a ``with``
block or the Python process.
"""
import atexit
import os
import pathlib
import re
import shutil
import signal
import subprocess
import threading


def _command_line():
    """The munisim program: $MUNISIM_BIN, the build tree next to this package, or munisim on PATH."""
    chosen = os.environ.get("MUNISIM_BIN")
    if chosen:
        return chosen
    beside = pathlib.Path(__file__).resolve().parent.parent.parent / "bin" / "munisim"
    if beside.is_file():
        return str(beside)
    found = shutil.which("munisim")
    if found:
        return found
    raise FileNotFoundError("the munisim program was not found: set MUNISIM_BIN or put munisim on PATH")


class Viewer:
    """A running viewer server. ``url`` is where to open it; ``stop()`` ends it."""

    def __init__(self, process, url):
        self._process = process
        self.url = url
        atexit.register(self.stop)

    def stop(self):
        """Stops the server (as Ctrl-C would) and waits for it; safe to call twice."""
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for stream in (self._process.stdout, self._process.stderr):
            if stream is not None and not stream.closed:
                stream.close()

    @property
    def running(self):
        return self._process.poll() is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def __repr__(self):
        return f"Viewer({self.url!r}, running={self.running})"

    def _repr_html_(self):
        return f'<a href="{self.url}" target="_blank" rel="noopener">munisim viewer: {self.url}</a>'


def view(path, other=None, port=None, timeout=60):
    """Serves the viewer for the output at ``path`` (and ``other`` to compare with it) on
    127.0.0.1 (``port``: a free one by default). Raises ValueError with the command line's message
    when a file is not a munisim output (or the two are runs of different cities)."""
    args = [_command_line(), "view", str(path)]
    if other is not None:
        args.append(str(other))
    if port is not None:
        args += ["--port", str(int(port))]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    found = {}

    def read_url():
        for line in process.stdout:
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if match:
                found["url"] = match.group(0)
                return

    reader = threading.Thread(target=read_url, daemon=True)
    reader.start()
    reader.join(timeout)
    if "url" not in found:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        message = process.stderr.read().strip()
        process.stdout.close()
        process.stderr.close()
        raise ValueError(message or "munisim view did not start")
    return Viewer(process, found["url"])
