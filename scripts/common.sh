# Shared by the quick-start scripts: where things are, and the build step.
MODELGUARD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODELGUARD_BUILD=${MODELGUARD_BUILD:-$MODELGUARD_ROOT/build}

# Installs what is missing (as root on Debian 12), configures and builds.
modelguard_build() {
  "$MODELGUARD_ROOT/scripts/install-deps.sh" "$@"
  cmake -S "$MODELGUARD_ROOT" -B "$MODELGUARD_BUILD" -G Ninja
  cmake --build "$MODELGUARD_BUILD"
}
