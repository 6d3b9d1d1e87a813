# Sourced by the test stages: `timed NAME command...` runs the command and prints its wall time, the
# CPU time of the processes it ran (user + system; on an idle 2-core machine a stage that keeps both
# cores busy takes about half of it) and the load average around it, so that a time measured on a
# busy machine can be scaled to an idle one.
timed() {
  local name=$1 start=$SECONDS status=0 cpu_before load_before
  shift
  cpu_before=$(children_cpu_seconds)
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  "$@" || status=$?
  printf 'stage %s: %d s wall, %d s CPU, load %s -> %s (exit %d)\n' "$name" $((SECONDS - start)) \
    $(($(children_cpu_seconds) - cpu_before)) "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" "$status"
  return "$status"
}

# User + system seconds of every child this shell has waited for (cutime and cstime in
# /proc/PID/stat, in clock ticks; the command name, which may hold spaces, ends at the last ')').
children_cpu_seconds() {
  local stat fields
  stat=$(</proc/$$/stat)
  read -ra fields <<<"${stat##*) }"
  echo $(((fields[13] + fields[14]) / $(getconf CLK_TCK)))
}

# Where ccache is used, the sanitizer and fuzz builds go through it with paths relative to the
# checkout and the build folder left out of the hash, so that a clone in any folder (CI's, a
# worktree) reuses what another compiled. Debug information then names the compiling clone's folder; the relative file names
# that sanitizer reports print are the same.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

# Configures a sanitizer build of everything the tests need (no benchmarks) in build directory $1:
# -O1 keeps the builds fast, -g1 (line tables) names file and line in every report frame;
# assertions stay on (no NDEBUG). A unity build compiles each target's sources in batches of 8,
# so the heavy headers (yaml-cpp, HDF5, Boost, libosmium) are parsed once per batch rather than
# once per file: about a third of the CPU time of a cold build (docs/reliability.md#what-fits-in-ci).
configure_sanitized() {
  local dir=$1 flags=$2 launcher=()
  shift 2
  # ccache where it is installed and not disabled (CI has none: scripts/deps.sh does not install it).
  if command -v ccache >/dev/null && [[ -z ${CCACHE_DISABLE:-} ]]; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
    -DCMAKE_SHARED_LINKER_FLAGS="$flags" -DCMAKE_MODULE_LINKER_FLAGS="$flags" \
    "${launcher[@]}" -DMUNISIM_WERROR=OFF -DMUNISIM_BUILD_BENCHMARKS=OFF "$@" >/dev/null
}
