# Sourced by the test stages: `timed NAME command...` runs the command and prints its wall time.
timed() {
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  printf 'stage %s: %d s wall (exit %d)\n' "$name" $((SECONDS - start)) "$status"
  return "$status"
}

# Configures a sanitizer build of everything the tests need (no benchmarks) in build directory $1:
# -O1 -g keeps the builds fast and the stacks readable; assertions stay on (no NDEBUG).
configure_sanitized() {
  local dir=$1 flags=$2
  shift 2
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
    -DCMAKE_SHARED_LINKER_FLAGS="$flags" -DCMAKE_MODULE_LINKER_FLAGS="$flags" \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DMUNISIM_WERROR=OFF -DMUNISIM_BUILD_BENCHMARKS=OFF "$@" >/dev/null
}
