#!/usr/bin/env bash
# Every test: install, build, run the C++ suites under CTest, the Python suites under pytest and
# the browser tests. Each stage prints its wall and CPU time. CI (.ci/run) follows it with the
# fuzz stage (.ci/fuzz) and the sanitizer stage (.ci/sanitize).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/stages.sh
bash scripts/build.sh
status=0
timed ctest ctest --test-dir build --output-on-failure -j2 || status=1
timed pytest env MUNISIM_BIN="$PWD/build/bin/munisim" /usr/bin/python3 -m pytest tests/python -q -p no:cacheprovider || status=1
web_tests() (cd tests/web && npm ci --no-audit --no-fund --silent && MUNISIM_BIN="$PWD/../../build/bin/munisim" node --test)
timed web-tests web_tests || status=1
exit $status
