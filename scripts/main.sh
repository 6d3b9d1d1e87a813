#!/usr/bin/env bash
# The main job: install, build, run the Trujillo scenario to out/trujillo.h5 and print its KPIs.
# Extra arguments go to `munisim run` (e.g. --threads 2 --set city.sampling=20).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh munisim_cli
build/bin/munisim run scenarios/trujillo.yaml --out out/trujillo.h5 "$@"
