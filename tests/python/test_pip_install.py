"""`pip install .` works offline with Debian's Python: a venv with the system's packages, no
build isolation, and the extension built by the project's CMake."""
import subprocess
import sys


def test_pip_install_builds_and_imports(repo_root, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MUNISIM_CMAKE_BUILD_DIR": str(tmp_path / "cmake"),
           "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--quiet", str(repo_root)],
                   check=True, env=env, cwd=tmp_path)
    check = ("import munisim, pathlib; assert 'site-packages' in munisim.__file__, munisim.__file__; "
             f"r = munisim.run(munisim.Scenario.load('{repo_root}/scenarios/demo.yaml'), days=2); "
             "print(munisim.__version__, r['population_persons'].shape)")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", check], check=True, env=env, cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.stdout.startswith("0.1.0 (2, 3, 2, 5)")
