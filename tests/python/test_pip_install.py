"""`pip install .` works offline with Debian's Python: a venv with the system's packages, no
build isolation, and the extension built by the project's CMake."""
import sys

import processes


def test_pip_install_builds_and_imports(repo_root, tmp_path):
    venv = tmp_path / "venv"
    created = processes.run([sys.executable, "-m", "venv", "--system-site-packages", venv], timeout=300)
    assert created.returncode == 0, created.stderr
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MUNISIM_CMAKE_BUILD_DIR": str(tmp_path / "cmake"),
           "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    installed = processes.run([venv / "bin" / "pip", "install", "--no-build-isolation", "--quiet", repo_root],
                              timeout=3600, env=env, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    check = ("import munisim, pathlib; assert 'site-packages' in munisim.__file__, munisim.__file__; "
             f"r = munisim.run(munisim.Scenario.load('{repo_root}/scenarios/demo.yaml'), days=2); "
             "print(munisim.__version__, r['population_persons'].shape)")
    out = processes.run([venv / "bin" / "python", "-c", check], timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("0.1.0 (2, 3, 2, 5)")
