#!/usr/bin/env bash
# The one list of Debian 12 packages munisim needs; installs whichever are missing.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config git
  # C++ libraries
  libtbb-dev libhdf5-dev libyaml-cpp-dev librandom123-dev
  libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
  # real-data importers: OpenStreetMap (.pbf, .osm), GTFS zips, GeoJSON
  libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev libzip-dev nlohmann-json3-dev
  # Python side: Debian's /usr/bin/python3 and its packages (no PyPI here)
  python3 python3-dev pybind11-dev python3-numpy python3-pandas python3-matplotlib python3-h5py
  python3-scipy python3-yaml python3-pytest python3-tqdm python3-nbclient python3-nbformat python3-ipykernel
  python3-pip python3-venv python3-setuptools hdf5-tools
  # experiments: statistics, calibration, runs spread over processes and machines
  libboost-dev libboost-mpi-dev libopenmpi-dev openmpi-bin python3-optuna python3-distributed
  # web viewer: loopback HTTP server; its tests drive Debian's Chromium (never a downloaded browser)
  libcpp-httplib-dev chromium chromium-driver
  # reliability: libFuzzer needs clang 16 (clang 14 cannot compile libstdc++ 12 <ranges>); property tests
  clang-16 libclang-rt-16-dev librapidcheck-dev
)
# Node.js runs the browser tests; a machine may already have it from elsewhere (with its own npm).
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "deps: installing ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
