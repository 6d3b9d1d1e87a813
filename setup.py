"""Builds munisim._core with the project's CMake (Debian 12 has no scikit-build)."""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(os.environ.get("MUNISIM_CMAKE_BUILD_DIR") or pathlib.Path(self.build_temp) / "cmake")
        subprocess.check_call(["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja",
                               "-DCMAKE_BUILD_TYPE=Release", "-DMUNISIM_BUILD_TESTS=OFF",
                               f"-DPython_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "munisim_python"])
        built = next((build_dir / "python" / "munisim").glob("_core*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(ext_modules=[Extension("munisim._core", sources=[])], cmdclass={"build_ext": CMakeBuild})
