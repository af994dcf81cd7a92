# Shared by the quick-start scripts: where things are, and the build step.
MODELGUARD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODELGUARD_BUILD=${MODELGUARD_BUILD:-$MODELGUARD_ROOT/build}
MODELGUARD_LIT=/usr/lib/llvm-22/bin/lit

# Configures and builds BUILD_DIR with the given extra CMake arguments.
modelguard_configure_and_build() {
  local build_dir=$1
  shift
  cmake -S "$MODELGUARD_ROOT" -B "$build_dir" -G Ninja "$@"
  cmake --build "$build_dir"
}

# Installs what is missing (as root on Debian 12), configures and builds
# the default build directory.
modelguard_build() {
  "$MODELGUARD_ROOT/scripts/install-deps.sh" "$@"
  modelguard_configure_and_build "$MODELGUARD_BUILD"
}
