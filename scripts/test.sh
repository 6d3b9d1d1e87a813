#!/usr/bin/env bash
# Every test: install, build, run the C++ suites under CTest and the Python suites under pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
status=0
ctest --test-dir build --output-on-failure -j2 || status=1
MUNISIM_BIN="$PWD/build/bin/munisim" /usr/bin/python3 -m pytest tests/python -q -p no:cacheprovider || status=1
(cd tests/web && npm ci --no-audit --no-fund --silent && MUNISIM_BIN="$PWD/../../build/bin/munisim" node --test) || status=1
exit $status
